/**
 * Inventory per SKU for one workspace: stock on hand, sell-through, the demand forecast and the
 * stock policy (days of stock, stockout risk, reorder point and quantity, overstock). Stock is read
 * live (inventory-sql.ts); each SKU's demand comes from sku-demand.ts (computed once a day); the
 * arithmetic is in demand-forecast.ts and stock-policy.ts.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { addDays, weekdayOf, type IsoDate } from "../../lib/calendar-date.ts";
import { demandOver, type DemandForecast } from "./demand-forecast.ts";
import { readSkus, type SkuFilter, type SkuRow } from "./inventory-sql.ts";
import { isTracked, storedSkuDemand, withMissingDemand, type SkuDemand } from "./sku-demand.ts";
import { stockPolicy, type PolicySettings, type StockPolicy } from "./stock-policy.ts";

/** How far ahead a run-out date is projected. */
const PROJECTION_DAYS = 365;

export interface InventoryRequest {
  /** The workspace's local today: history ends the day before, forecasts start on it. */
  readonly today: IsoDate;
  readonly timeZone: string;
  readonly horizonDays: number;
  readonly policy: PolicySettings;
  readonly filter: SkuFilter;
}

export interface SkuInventory extends StockPolicy {
  readonly variantId: number;
  readonly sku: string | null;
  readonly variantTitle: string;
  readonly productId: number;
  readonly productTitle: string;
  readonly category: string | null;
  readonly priceCents: number;
  readonly costCents: number | null;
  readonly onHand: number;
  /** The snapshot date the stock is from, or null when it is the store's own figure. */
  readonly stockDate: IsoDate | null;
  readonly unitsSoldLast30Days: number;
  /** Units sold ÷ (units sold + on hand) over the last 30 days; null with neither. */
  readonly sellThrough: number | null;
  readonly dailyDemand: number;
  readonly sigmaPerDay: number;
  readonly horizonDays: number;
  readonly demandOverHorizon: number;
  /** The first day cumulative expected demand exceeds the stock (within a year), or null. */
  readonly projectedStockoutDate: IsoDate | null;
  readonly observedDays: number;
  readonly censoredDays: number;
}

export async function assessInventory(db: DbOrTrx, workspaceId: number, request: InventoryRequest): Promise<SkuInventory[]> {
  // Stock is read live while the day's stored demand is read alongside (on PGlite they queue).
  const [rows, stored] = await Promise.all([readSkus(db, workspaceId, request.filter), storedSkuDemand(db, workspaceId, request.today)]);
  const skus = rows.filter(isTracked);
  if (skus.length === 0) return [];
  const demand = await withMissingDemand(db, workspaceId, request.today, stored, skus);
  return skus.flatMap((sku) => {
    const forecast = demand.get(sku.variantId);
    return forecast === undefined ? [] : [assessSku(sku, forecast, request)];
  });
}

export function assessSku(sku: SkuRow, forecast: SkuDemand, request: Pick<InventoryRequest, "today" | "horizonDays" | "policy">): SkuInventory {
  const onHand = sku.snapshotOnHand ?? sku.inventoryQty ?? 0;
  const horizonDemand = demandOver(forecast, request.today, request.horizonDays);
  const policy = stockPolicy(
    { onHand, dailyDemand: forecast.levelPerDay, sigmaPerDay: forecast.sigmaPerDay, horizonDemand, horizonDays: request.horizonDays },
    request.policy,
  );
  const sold = forecast.unitsSoldLast30Days;
  const base = sold + Math.max(onHand, 0);
  return {
    variantId: sku.variantId,
    sku: sku.sku,
    variantTitle: sku.variantTitle,
    productId: sku.productId,
    productTitle: sku.productTitle,
    category: sku.category,
    priceCents: sku.priceCents,
    costCents: sku.costCents,
    onHand,
    stockDate: sku.snapshotOnHand !== null ? sku.snapshotDate : null,
    unitsSoldLast30Days: sold,
    sellThrough: base > 0 ? sold / base : null,
    dailyDemand: forecast.levelPerDay,
    sigmaPerDay: forecast.sigmaPerDay,
    horizonDays: request.horizonDays,
    demandOverHorizon: horizonDemand,
    projectedStockoutDate: projectStockout(forecast, onHand, request.today),
    observedDays: forecast.observedDays,
    censoredDays: forecast.censoredDays,
    ...policy,
  };
}

function projectStockout(forecast: DemandForecast, onHand: number, today: IsoDate): IsoDate | null {
  if (forecast.levelPerDay <= 0) return null;
  if (onHand <= 0) return today;
  const first = weekdayOf(today);
  let remaining = onHand;
  for (let offset = 0; offset < PROJECTION_DAYS; offset++) {
    remaining -= forecast.levelPerDay * (forecast.weekdayFactors[(first + offset) % 7] ?? 1);
    if (remaining < 0) return addDays(today, offset);
  }
  return null;
}

export { HISTORY_DAYS, SELL_THROUGH_DAYS } from "./sku-demand.ts";
