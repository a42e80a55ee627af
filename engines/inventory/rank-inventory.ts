/** Which SKUs matter for each question about stock, most urgent or most costly first. */
import type { SkuInventory } from "./assess-inventory.ts";

/** A SKU is listed as at risk from this probability of running out within the horizon. */
export const AT_RISK_PROBABILITY = 0.25;

export type InventoryView = "stockout_risk" | "days_of_stock" | "overstock" | "reorder";

function byUrgency(a: SkuInventory, b: SkuInventory): number {
  if (a.outOfStock !== b.outOfStock) return a.outOfStock ? -1 : 1;
  if (a.stockoutProbability !== b.stockoutProbability) return b.stockoutProbability - a.stockoutProbability;
  if (a.dailyDemand !== b.dailyDemand) return b.dailyDemand - a.dailyDemand;
  return a.variantId - b.variantId;
}

function byDaysOfStock(a: SkuInventory, b: SkuInventory): number {
  if (a.daysOfStock === null || b.daysOfStock === null) return a.daysOfStock === null ? (b.daysOfStock === null ? a.variantId - b.variantId : 1) : -1;
  if (a.daysOfStock !== b.daysOfStock) return a.daysOfStock - b.daysOfStock;
  return b.dailyDemand - a.dailyDemand || a.variantId - b.variantId;
}

/** Money tied up in excess stock: at cost when known, else at price. */
export function excessValueCents(item: SkuInventory): number {
  return item.excessUnits * (item.costCents ?? item.priceCents);
}

/** The SKUs a view lists, in order (all of them: callers take the top N). */
export function rankInventory(items: readonly SkuInventory[], view: InventoryView): SkuInventory[] {
  switch (view) {
    case "stockout_risk":
      return items.filter((item) => item.dailyDemand > 0 && item.stockoutProbability >= AT_RISK_PROBABILITY).sort(byUrgency);
    case "days_of_stock":
      return [...items].sort(byDaysOfStock);
    case "overstock":
      return items.filter((item) => item.overstock).sort((a, b) => excessValueCents(b) - excessValueCents(a) || a.variantId - b.variantId);
    case "reorder":
      return items.filter((item) => item.reorderNow && item.reorderQuantity > 0).sort((a, b) => byDaysOfStock(a, b) || byUrgency(a, b));
  }
}
