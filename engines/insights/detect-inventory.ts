/**
 * stockout_risk and overstock insights from the inventory engine (assess-inventory.ts), per product
 * (its variants summed).
 *
 * - stockout_risk: top sellers only (product-sales-sql.ts TOP_SELLERS), either out of stock (every
 *   variant at 0) or with fewer days of stock than the supplier lead time. Impact = expected sales
 *   lost per day (forecast units per day × price) × the days without stock until a reorder placed
 *   today arrives (the lead time when already out; lead time − days of stock otherwise).
 * - overstock: the products with the most money tied up in stock beyond the order-up-to level.
 *   Impact = the carrying cost of that excess over 30 days (CARRYING_COST_PER_YEAR of its value a
 *   year: storage, capital, shrinkage), not the value itself, which is not lost.
 */
import { assessInventory, type SkuInventory } from "../inventory/assess-inventory.ts";
import { excessValueCents } from "../inventory/rank-inventory.ts";
import { DEFAULT_POLICY } from "../inventory/stock-policy.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { question } from "./action-text.ts";
import { amount, clamp01, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { OverstockEvidence, StockoutRiskEvidence } from "./evidence.ts";
import { outOfStockSince, TOP_SELLERS, type ProductSales } from "./product-sales-sql.ts";
import type { InsightCandidate } from "./types.ts";

export const CARRYING_COST_PER_YEAR = 0.25;
const OVERSTOCK_SHOWN = 3;
/** Excess worth less than this many units of the product's price is not worth an insight. */
const MIN_EXCESS_UNITS = 10;

interface ProductStock {
  readonly productId: number;
  readonly title: string;
  readonly skus: readonly SkuInventory[];
  readonly onHand: number;
  readonly dailyDemand: number;
}

function byProduct(items: readonly SkuInventory[]): ProductStock[] {
  const groups = new Map<number, SkuInventory[]>();
  for (const item of items) {
    const list = groups.get(item.productId);
    if (list) list.push(item);
    else groups.set(item.productId, [item]);
  }
  return [...groups.values()].map((skus) => ({
    productId: skus[0]!.productId,
    title: skus[0]!.productTitle,
    skus,
    onHand: skus.reduce((sum, s) => sum + Math.max(0, s.onHand), 0),
    dailyDemand: skus.reduce((sum, s) => sum + s.dailyDemand, 0),
  }));
}

/** The price a unit of the product sells at: variants weighted by their demand. */
function unitPriceCents(product: ProductStock): number {
  if (product.dailyDemand <= 0) return product.skus[0]?.priceCents ?? 0;
  return product.skus.reduce((sum, s) => sum + s.priceCents * s.dailyDemand, 0) / product.dailyDemand;
}

function stockoutCandidate(product: ProductStock, sales: ProductSales, since: string | null, ctx: DetectorContext): InsightCandidate | null {
  const leadTimeDays = DEFAULT_POLICY.leadTimeDays;
  if (product.dailyDemand <= 0) return null;
  const outOfStock = product.skus.every((s) => s.onHand <= 0);
  const daysOfStock = product.onHand / product.dailyDemand;
  if (!outOfStock && daysOfStock >= leadTimeDays) return null;
  const priceCents = Math.round(unitPriceCents(product));
  const lostSalesPerDayCents = Math.round(product.dailyDemand * priceCents);
  const daysWithoutStock = outOfStock ? leadTimeDays : rounded(leadTimeDays - daysOfStock, 1);
  const impactCents = Math.round(lostSalesPerDayCents * daysWithoutStock);
  const projected = product.skus.map((s) => s.projectedStockoutDate).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const evidence: StockoutRiskEvidence = {
    productId: product.productId,
    title: product.title,
    currency: ctx.workspace.currency,
    salesRank: sales.rank,
    outOfStock,
    outOfStockSince: outOfStock ? since : null,
    onHand: product.onHand,
    variantIds: product.skus.map((s) => s.variantId),
    dailyDemand: rounded(product.dailyDemand, 2),
    daysOfStock: rounded(daysOfStock, 1),
    projectedStockoutDate: outOfStock ? null : (projected ?? addDays(ctx.today, Math.floor(daysOfStock))),
    leadTimeDays,
    unitsSoldLast30Days: product.skus.reduce((sum, s) => sum + s.unitsSoldLast30Days, 0),
    priceCents,
    lostSalesPerDayCents,
    daysWithoutStock,
  };
  // Out of stock is a fact; how much it costs rests on the demand forecast, firmer with more observed days.
  const observed = Math.max(...product.skus.map((s) => s.observedDays));
  const forecastConfidence = clamp01(0.5 + observed / 120);
  const risk = Math.max(...product.skus.map((s) => s.stockoutProbability));
  return {
    type: "stockout_risk",
    severity: outOfStock ? "critical" : "warning",
    fingerprint: `stockout_risk:product:${product.productId}`,
    subject: `product:${product.productId}`,
    impactCents,
    confidence: rounded(Math.min(0.95, outOfStock ? forecastConfidence : forecastConfidence * risk), 3),
    title: outOfStock ? `${product.title} (top seller #${sales.rank}) is out of stock` : `${product.title} (top seller #${sales.rank}) runs out in ${rounded(daysOfStock, 1)} days`,
    summary: `${rounded(product.dailyDemand, 2)} units a day expected, ${product.onHand} on hand, lead time ${leadTimeDays} days: about ${amount(lostSalesPerDayCents, ctx.workspace.currency)} of sales lost per day without stock.`,
    evidence,
    action: question({ en: `How much ${product.title} should I reorder?`, es: `¿Cuánto debo reponer de ${product.title}?`, pt: `Quanto devo repor de ${product.title}?` }),
    urgent: outOfStock,
  };
}

function overstockCandidate(product: ProductStock, ctx: DetectorContext): InsightCandidate | null {
  const over = product.skus.filter((s) => s.overstock);
  const excessUnits = over.reduce((sum, s) => sum + s.excessUnits, 0);
  const value = over.reduce((sum, s) => sum + excessValueCents(s), 0);
  if (excessUnits < MIN_EXCESS_UNITS || value <= 0) return null;
  const impactCents = Math.round((value * CARRYING_COST_PER_YEAR * 30) / 365);
  const daysOfStock = product.dailyDemand > 0 ? rounded(product.onHand / product.dailyDemand, 0) : null;
  const evidence: OverstockEvidence = {
    productId: product.productId,
    title: product.title,
    currency: ctx.workspace.currency,
    onHand: product.onHand,
    dailyDemand: rounded(product.dailyDemand, 2),
    daysOfStock,
    thresholdDays: over[0]!.overstockThresholdDays,
    excessUnits,
    excessValueCents: value,
    valuedAt: over.every((s) => s.costCents !== null) ? "cost" : "price",
  };
  return {
    type: "overstock",
    severity: "info",
    fingerprint: `overstock:product:${product.productId}`,
    subject: `product:${product.productId}`,
    impactCents,
    confidence: 0.7,
    title: `${product.title}: ${excessUnits} units of excess stock`,
    summary: `${product.onHand} on hand${daysOfStock === null ? ", not selling" : `, about ${daysOfStock} days of sales`}; ${amount(value, ctx.workspace.currency)} tied up in the excess.`,
    evidence,
    action: question({ en: `How can I sell through the extra stock of ${product.title}?`, es: `¿Cómo puedo mover el exceso de stock de ${product.title}?`, pt: `Como posso girar o excesso de estoque de ${product.title}?` }),
    urgent: false,
  };
}

export const inventoryDetector: Detector = {
  name: "inventory",
  types: ["stockout_risk", "overstock"],
  verticals: ["ecommerce"],
  detect: async (ctx) => {
    const items = await assessInventory(ctx.db, ctx.workspace.id, {
      today: ctx.today,
      timeZone: ctx.workspace.timezone,
      horizonDays: DEFAULT_POLICY.leadTimeDays,
      policy: DEFAULT_POLICY,
      filter: { productIds: null, variantIds: null, category: null },
    });
    if (items.length === 0) return [];
    const products = byProduct(items);
    const sales = await ctx.productSales();
    const top = products.filter((p) => (sales.get(p.productId)?.rank ?? Infinity) <= TOP_SELLERS);
    const since = await outOfStockSince(ctx.db, ctx.workspace.id, top.filter((p) => p.skus.every((s) => s.onHand <= 0)).map((p) => p.productId));
    const candidates: InsightCandidate[] = [];
    for (const product of top) {
      const candidate = stockoutCandidate(product, sales.get(product.productId)!, since.get(product.productId) ?? null, ctx);
      if (candidate) candidates.push(candidate);
    }
    const overstocked = products
      .map((p) => overstockCandidate(p, ctx))
      .filter((c): c is InsightCandidate => c !== null)
      .sort((a, b) => (b.impactCents ?? 0) - (a.impactCents ?? 0))
      .slice(0, OVERSTOCK_SHOWN);
    return [...candidates, ...overstocked];
  },
};
