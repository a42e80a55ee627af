/** `bizos pricing`: flags → settings (money in major units), scopes matched to the catalogue, rules shown with who set them. */
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { getPricingRule } from "../../db/repositories/pricing-rules.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { InputError } from "../../lib/input-error.ts";
import { describeDatabase } from "../../test/database.ts";
import { moneyFlag, renderRules, renderSuggestions, resetRules, resolveRuleTarget, setRules, settingsFromFlags } from "./pricing.ts";

describe("pricing set flags", () => {
  it("reads money in major units of the workspace currency", () => {
    expect(moneyFlag("floor", "299", "MXN")).toBe(29900);
    expect(moneyFlag("floor", "10.5", "USD")).toBe(1050);
    expect(moneyFlag("floor", "12990", "CLP")).toBe(12990);
    expect(moneyFlag("floor", "none", "MXN")).toBeNull();
    expect(() => moneyFlag("floor", "10.555", "USD")).toThrow("--floor: USD has 2 decimals");
    expect(() => moneyFlag("floor", "12.5", "CLP")).toThrow("--floor: CLP has no decimals");
    expect(() => moneyFlag("floor", "1,299", "MXN")).toThrow(InputError);
  });

  it("builds the strategy from its flags and validates every setting", () => {
    expect(settingsFromFlags({ beatPercent: "2" }, "MXN")).toEqual({ strategy: { kind: "beat_lowest", percent: 2 } });
    expect(settingsFromFlags({ strategy: "beat_lowest", beatAmount: "10.00" }, "MXN")).toEqual({ strategy: { kind: "beat_lowest", amountCents: 1000 } });
    expect(settingsFromFlags({ averagePercent: "-5", minMargin: "25", maxChangePct: "none", undoNeedsApproval: "on" }, "MXN")).toEqual({
      strategy: { kind: "position_average", percent: -5 },
      minMarginPct: 25,
      maxChangePctPerDay: null,
      undoNeedsApproval: true,
    });
    expect(settingsFromFlags({ strategy: "hold_margin", margin: "40", floor: "299", rounding: "90" }, "BRL")).toEqual({ strategy: { kind: "hold_margin", marginPct: 40 }, floorCents: 29900, rounding: "90" });
    expect(() => settingsFromFlags({ strategy: "beat_lowest" }, "MXN")).toThrow("needs --beat-percent N or --beat-amount");
    expect(() => settingsFromFlags({ strategy: "match_lowest", margin: "40" }, "MXN")).toThrow("--strategy match_lowest takes no --margin");
    expect(() => settingsFromFlags({ strategy: "hold_margin" }, "MXN")).toThrow("needs --margin N");
    expect(() => settingsFromFlags({}, "MXN")).toThrow("Nothing to set");
    expect(() => settingsFromFlags({ minMargin: "-5", outlierRatio: "2" }, "MXN")).toThrow(/Invalid pricing rules:\n {2}minMarginPct: .*\n {2}outlierRatio: /);
    expect(() => settingsFromFlags({ coolDownHours: "soon" }, "MXN")).toThrow('--cool-down-hours must be a number, got "soon"');
  });
});

async function store(db: Db) {
  const workspace = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const product = await db.insertInto("products").values({ workspace_id: workspace.id, source: "test", external_id: "P1", title: "Remera básica", category: "Remeras", status: "active" }).returning("id").executeTakeFirstOrThrow();
  const variant = await db
    .insertInto("variants")
    .values({ workspace_id: workspace.id, product_id: product.id, source: "test", external_id: "RB-M", sku: "RB-M", title: "M", price_cents: 44900, cost_cents: 15000, inventory_qty: 12 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { workspace, productId: Number(product.id), variantId: Number(variant.id) };
}

describeDatabase("bizos pricing", ({ db }) => {
  it("sets rules at the workspace, a category and a product, shows who set each, and resets them", async () => {
    const { workspace, productId } = await store(db());
    await expect(resolveRuleTarget(db(), workspace, { category: "Remeras", product: "RB-M" })).rejects.toThrow("not both");
    await expect(resolveRuleTarget(db(), workspace, { category: "Zapatos" })).rejects.toThrow('No category "Zapatos" among tienda\'s active products. Categories: Remeras.');
    await expect(resolveRuleTarget(db(), workspace, { product: "gorra" })).rejects.toThrow('No active product "gorra"');
    const category = await resolveRuleTarget(db(), workspace, { category: "remeras" });
    expect(category).toEqual({ scope: "category", category: "Remeras" });
    const product = await resolveRuleTarget(db(), workspace, { product: "rb-m" });
    expect(product).toEqual({ scope: "product", productId, title: "Remera básica", category: "Remeras" });
    expect(await resolveRuleTarget(db(), workspace, { product: `#${productId}` })).toEqual(product);

    await setRules(db(), workspace, { scope: "workspace" }, settingsFromFlags({ minMargin: "25" }, "MXN"));
    await setRules(db(), workspace, category, settingsFromFlags({ beatPercent: "2" }, "MXN"));
    const shown = await setRules(db(), workspace, product, settingsFromFlags({ floor: "299", rounding: "whole" }, "MXN"));
    expect(shown).toContain(`Pricing rules for tienda, product #${productId} Remera básica (category Remeras)`);
    expect(shown).toMatch(/^strategy\s+beat the lowest competitor price by 2%\s+category$/m);
    expect(shown).toMatch(/^minimum margin\s+25% over cost \(floor = cost × 1\.25\)\s+workspace$/m);
    expect(shown).toMatch(/^floor\s+\$299\.00\s+product$/m);
    expect(shown).toMatch(/^rounding\s+whole\s+product$/m);
    expect(shown).toMatch(/^cool-down after a change\s+72 h\s+default$/m);
    // The category's view does not see the product's override.
    expect(await renderRules(db(), workspace, category)).toMatch(/^floor\s+none\s+default$/m);

    expect(await resetRules(db(), workspace, product)).toBe(`Reset the rules for tienda, product #${productId} Remera básica (category Remeras): it now follows its category's and the workspace's rules.`);
    expect(await getPricingRule(db(), workspace.id, "product", productId)).toBeUndefined();
    expect(await resetRules(db(), workspace, product)).toContain("nothing to reset");
  });

  it("lists suggestions with their code, rule and what was skipped", async () => {
    const { workspace, productId, variantId } = await store(db());
    const now = new Date("2026-11-20T18:00:00Z");
    await db()
      .insertInto("competitor_prices")
      .values({ workspace_id: workspace.id, product_id: productId, variant_id: variantId, competitor: "Tienda X", url: null, price_cents: 41900, currency: "MXN", in_stock: true, observed_at: "2026-11-19T15:00:00Z" })
      .execute();
    const text = await renderSuggestions(db(), workspace, { scope: "workspace" }, "overpriced", 5, now);
    expect(text).toMatch(/^[2-9A-HJKMNP-Z]{4}\s+Remera básica · M\s+\$449\.00\s+\$419\.00\s+-6\.7%\s+\$419\.00\s+match_lowest \(default\)\s+66\.6% → 64\.2%/m);
    expect(text).toContain("1 variants checked; no change for 0 (none).");
    expect(await renderSuggestions(db(), workspace, { scope: "workspace" }, "underpriced", 5, now)).toContain('No price suggestions for tienda (underpriced).');
  });
});
