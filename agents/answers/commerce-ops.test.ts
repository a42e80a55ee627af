import { describe, expect, it } from "vitest";
import type { CompetitorPricesData } from "../../tools/commerce-ops/competitor-prices.ts";
import type { InventoryItemData } from "../../tools/commerce-ops/inventory-data.ts";
import type { InventoryStatusData } from "../../tools/commerce-ops/inventory-status.ts";
import type { ReorderSuggestionsData } from "../../tools/commerce-ops/reorder-suggestions.ts";
import { toolData, toolError } from "../../tools/tool-outcome.ts";
import type { Language } from "../shared/language.ts";
import { commerceComposers } from "./commerce-ops.ts";
import { checkNumbers } from "./number-check.ts";
import type { AnswerContext, ToolCallRecord } from "./types.ts";

const context = (language: Language, currency = "MXN"): AnswerContext => ({ language, currency, timeZone: "America/Mexico_City", now: "2026-11-21T18:00:00Z", workspaceName: "Moda Norte" });

const ITEM: InventoryItemData = {
  variantId: 370, productId: 118, sku: "MN-SUD-0118-M", productTitle: "Sudadera oversize french terry Terracota", variantTitle: "M", category: "Sudaderas",
  priceCents: 89900, onHand: 0, stockDate: "2026-11-20", outOfStock: true, dailyDemand: 1.4, demandOverHorizon: 19.6, daysOfStock: 0, stockoutProbability: 1,
  projectedStockoutDate: "2026-11-21", unitsSoldLast30Days: 23, sellThrough: 1, safetyStock: 6, reorderPoint: 26, reorderQuantity: 71, reorderNow: true,
  overstock: false, excessUnits: 0, excessValueCents: 0,
};
const LOW: InventoryItemData = { ...ITEM, variantId: 12, productId: 5, sku: "MN-JEA-0005-28", productTitle: "Jeans mom tiro alto", variantTitle: "28", onHand: 7, outOfStock: false, dailyDemand: 0.9, daysOfStock: 7.8, stockoutProbability: 0.734, projectedStockoutDate: "2026-11-28", reorderQuantity: 38, reorderPoint: 17 };

const INVENTORY: InventoryStatusData = {
  view: "stockout_risk", today: "2026-11-21", horizonDays: 14, historyDays: 84, sellThroughDays: 30, leadTimeDays: 14, reviewPeriodDays: 30, overstockThresholdDays: 132, serviceLevel: 0.95,
  category: null, skusAssessed: 812, matching: 2, items: [ITEM, LOW], totals: { outOfStock: 1, atRisk: 2, overstocked: 3, excessValueCents: 1_234_500 },
};

function call(name: ToolCallRecord["name"], outcome: ToolCallRecord["outcome"], args: Record<string, unknown> = {}): ToolCallRecord {
  return { name, args, outcome };
}

function composed(record: ToolCallRecord, ctx: AnswerContext) {
  const part = commerceComposers[record.name as "inventory_status" | "reorder_suggestions" | "competitor_prices"](record, ctx);
  const check = checkNumbers(`${part.text}\n${part.suggestion ?? ""}`, [record], ctx);
  expect(check.unsupported, part.text).toEqual([]);
  return part;
}

describe("commerce-ops composers", () => {
  it("write stockout risk in es and pt with the numbers from the outcome", () => {
    const record = call("inventory_status", toolData("inventory_status", INVENTORY, []));
    const es = composed(record, context("es"));
    expect(es.text).toContain("*2 SKUs* podrían agotarse en los próximos 14 días, de ellos 1 ya sin stock.");
    expect(es.text).toContain("• Sudadera oversize french terry Terracota (M) · MN-SUD-0118-M: *agotado*");
    expect(es.text).toContain("73% de probabilidad de agotarse, hacia el 28 nov");
    expect(es.suggestion).toMatch(/reordenar/);
    const pt = composed(record, context("pt", "BRL"));
    expect(pt.text).toContain("podem esgotar nos próximos 14 dias");
    expect(pt.text).toContain("0,9/dia");
    const en = composed(call("inventory_status", toolData("inventory_status", { ...INVENTORY, view: "overstock", items: [{ ...LOW, overstock: true, daysOfStock: 240.5, excessUnits: 90, excessValueCents: 1_234_500 }] }, [])), context("en"));
    expect(en.text).toContain("*3 SKUs* have more than 132 days of stock: about MX$12,345 tied up");
  });

  it("write reorder suggestions with quantities and the order value", () => {
    const data: ReorderSuggestionsData = {
      today: "2026-11-21", leadTimeDays: 21, leadTimeSource: "argument", reviewPeriodDays: 30, serviceLevel: 0.95, historyDays: 84, sellThroughDays: 30, category: null,
      skusAssessed: 812, matching: 2, lines: [{ ...ITEM, orderValueCents: 2_556_100, valuedAtCost: true }, { ...LOW, orderValueCents: 912_000, valuedAtCost: true }],
      totalOrderValueCents: 3_468_100, totalUnits: 109,
    };
    const es = composed(call("reorder_suggestions", toolData("reorder_suggestions", data, [])), context("es"));
    expect(es.text).toContain("entrega en 21 días, nivel de servicio 95%");
    expect(es.text).toContain("109 unidades, unos $34,681");
    expect(es.text).toContain("pedir *71*");
    const pt = composed(call("reorder_suggestions", toolData("reorder_suggestions", data, [])), context("pt", "BRL"));
    expect(pt.text).toContain("R$ 34.681");
  });

  it("write undercuts and comparisons", () => {
    const data: CompetitorPricesData = {
      view: "undercut", range: { start: "2026-11-14", end: "2026-11-21", label: "last 7 days", days: 7 }, category: null, competitors: ["Liverpool", "Zara"],
      observations: 400, productsCompared: 30, productsUndersold: 12,
      comparisons: [{ productId: 200, title: "Tenis urbanos de piel Rosa palo", sku: "MN-CAL-0200-25", ourPriceCents: 139900, position: "most_expensive", outOfStock: [], quotes: [{ competitor: "Zara", priceCents: 118900, gapCents: -21000, gapPct: -0.150107, observedDate: "2026-11-20" }] }],
      undercutCount: 1,
      undercuts: [{ productId: 200, title: "Tenis urbanos de piel Rosa palo", sku: "MN-CAL-0200-25", competitor: "Zara", date: "2026-11-16", previousPriceCents: 139900, priceCents: 118900, ourPriceCents: 139900, gapCents: -21000, gapPct: -0.150107, stillBelow: true, latestPriceCents: 118900 }],
    };
    const es = composed(call("competitor_prices", toolData("competitor_prices", data, [])), context("es"));
    expect(es.text).toContain("Zara pasó de $1,399 a $1,189 el 16 nov, 15.0% por debajo de nuestros $1,399 (sigue por debajo)");
    const pt = composed(call("competitor_prices", toolData("competitor_prices", { ...data, view: "compare" }, [])), context("pt", "BRL"));
    expect(pt.text).toContain("De 30 produtos monitorados, *12* têm um concorrente mais barato");
    expect(pt.text).toContain("Zara R$ 1.189 (15,0% mais barato)");
  });

  it("explain failures with the suggestions", () => {
    const missing = composed(call("inventory_status", toolError("inventory_status", "not_found", "No product matches", ["Jeans mom tiro alto", "Jeans recto índigo"])), context("es"));
    expect(missing.suggestion).toContain("Jeans mom tiro alto o Jeans recto índigo");
    const ambiguous = composed(call("competitor_prices", toolError("competitor_prices", "ambiguous", "Several", ["Mercado Libre", "Mercado Livre"])), context("pt"));
    expect(ambiguous.suggestion).toContain("Mercado Libre ou Mercado Livre");
    const none = composed(call("reorder_suggestions", toolError("reorder_suggestions", "no_data", "no stock")), context("en"));
    expect(none.text).toMatch(/stock levels/);
  });
});
