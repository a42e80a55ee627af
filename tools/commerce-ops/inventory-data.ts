/** The plain JSON the inventory tools return per SKU, rounded as answers show it. */
import type { SkuInventory } from "../../engines/inventory/assess-inventory.ts";
import { excessValueCents } from "../../engines/inventory/rank-inventory.ts";

export interface InventoryItemData {
  readonly variantId: number;
  readonly productId: number;
  readonly sku: string | null;
  readonly productTitle: string;
  readonly variantTitle: string;
  readonly category: string | null;
  readonly priceCents: number;
  readonly onHand: number;
  /** Date of the stock snapshot, or null when the store's own figure was used. */
  readonly stockDate: string | null;
  readonly outOfStock: boolean;
  /** Forecast units per day (2 decimals). */
  readonly dailyDemand: number;
  /** Forecast units over the horizon (1 decimal). */
  readonly demandOverHorizon: number;
  /** Days the stock lasts at forecast demand (1 decimal), null when nothing sells. */
  readonly daysOfStock: number | null;
  /** Chance of running out within the horizon, 0..1 (3 decimals). */
  readonly stockoutProbability: number;
  readonly projectedStockoutDate: string | null;
  readonly unitsSoldLast30Days: number;
  /** Sold ÷ (sold + on hand) over 30 days, 0..1 (3 decimals), or null. */
  readonly sellThrough: number | null;
  readonly safetyStock: number;
  readonly reorderPoint: number;
  readonly reorderQuantity: number;
  readonly reorderNow: boolean;
  readonly overstock: boolean;
  readonly excessUnits: number;
  /** Excess units at cost (or price when cost is unknown or withheld from the asker). */
  readonly excessValueCents: number;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
};

/** One SKU's data; `seesCosts` false values the excess at price, so no cost can be worked out from it. */
export function inventoryItemData(item: SkuInventory, seesCosts = true): InventoryItemData {
  return {
    variantId: item.variantId,
    productId: item.productId,
    sku: item.sku,
    productTitle: item.productTitle,
    variantTitle: item.variantTitle,
    category: item.category,
    priceCents: item.priceCents,
    onHand: item.onHand,
    stockDate: item.stockDate,
    outOfStock: item.outOfStock,
    dailyDemand: round(item.dailyDemand, 2),
    demandOverHorizon: round(item.demandOverHorizon, 1),
    daysOfStock: item.daysOfStock === null ? null : round(item.daysOfStock, 1),
    stockoutProbability: round(item.stockoutProbability, 3),
    projectedStockoutDate: item.projectedStockoutDate,
    unitsSoldLast30Days: item.unitsSoldLast30Days,
    sellThrough: item.sellThrough === null ? null : round(item.sellThrough, 3),
    safetyStock: item.safetyStock,
    reorderPoint: item.reorderPoint,
    reorderQuantity: item.reorderQuantity,
    reorderNow: item.reorderNow,
    overstock: item.overstock,
    excessUnits: item.excessUnits,
    excessValueCents: excessValueCents(seesCosts ? item : { ...item, costCents: null }),
  };
}
