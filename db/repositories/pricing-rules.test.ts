import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import { deletePricingRule, getPricingRule, listPricingRules, PricingRuleScopeError, upsertPricingRule } from "./pricing-rules.ts";
import { createWorkspace } from "./workspaces.ts";

describeDatabase("pricing rules repository", ({ db }) => {
  it("upserts by scope, merging fields, removing the ones asked, scoped to the workspace", async () => {
    const tienda = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const otra = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City" });

    await upsertPricingRule(db(), tienda.id, "workspace", null, { minMarginPct: 25, strategy: { kind: "beat_lowest", percent: 2 } });
    const merged = await upsertPricingRule(db(), tienda.id, "workspace", "", { strategy: { kind: "match_lowest" }, floorCents: null });
    // The strategy is replaced whole; null is kept (it switches the floor off at this scope).
    expect(merged.settings).toEqual({ minMarginPct: 25, strategy: { kind: "match_lowest" }, floorCents: null });
    const removed = await upsertPricingRule(db(), tienda.id, "workspace", null, { rounding: "90" }, ["floorCents", "minMarginPct"]);
    expect(removed.settings).toEqual({ strategy: { kind: "match_lowest" }, rounding: "90" });

    await upsertPricingRule(db(), tienda.id, "product", 42, { mapCents: 19900 });
    await upsertPricingRule(db(), tienda.id, "category", "Playeras", { minMarginPct: 40 });
    await upsertPricingRule(db(), otra.id, "category", "Playeras", { minMarginPct: 5 });

    expect((await listPricingRules(db(), tienda.id)).map((row) => [row.scope, row.scope_value, row.settings])).toEqual([
      ["workspace", "", { strategy: { kind: "match_lowest" }, rounding: "90" }],
      ["category", "Playeras", { minMarginPct: 40 }],
      ["product", "42", { mapCents: 19900 }],
    ]);
    expect((await getPricingRule(db(), otra.id, "category", "Playeras"))?.settings).toEqual({ minMarginPct: 5 });
    expect(await getPricingRule(db(), otra.id, "product", "42")).toBeUndefined();

    expect(await deletePricingRule(db(), tienda.id, "category", "Playeras")).toBe(true);
    expect(await deletePricingRule(db(), tienda.id, "category", "Playeras")).toBe(false);
    expect((await getPricingRule(db(), otra.id, "category", "Playeras"))?.settings).toEqual({ minMarginPct: 5 });
  });

  it("refuses a scope value that does not fit the scope", async () => {
    const tienda = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    await expect(upsertPricingRule(db(), tienda.id, "workspace", "Playeras", {})).rejects.toThrow(PricingRuleScopeError);
    await expect(upsertPricingRule(db(), tienda.id, "category", "  ", {})).rejects.toThrow("category rules need a category");
    await expect(upsertPricingRule(db(), tienda.id, "product", "remera", {})).rejects.toThrow("product rules are keyed by the product id");
  });
});
