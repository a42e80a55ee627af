/**
 * Inventory per SKU for one workspace: stock on hand, sell-through, the demand forecast and the
 * stock policy (days of stock, stockout risk, reorder point and quantity, overstock). The reads are
 * in inventory-sql.ts; the arithmetic in demand-forecast.ts and stock-policy.ts.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { addDays, weekdayOf, type IsoDate } from "../../lib/calendar-date.ts";
import { demandOver, forecastDemand, type DailySales, type DemandForecast } from "./demand-forecast.ts";
import { readDailyStock, readDailyUnits, readSkus, type DayValue, type SkuFilter, type SkuRow } from "./inventory-sql.ts";
import { stockPolicy, type PolicySettings, type StockPolicy } from "./stock-policy.ts";

/** Twelve weeks of sales: enough for weekday patterns, recent enough for trends. */
export const HISTORY_DAYS = 84;
export const SELL_THROUGH_DAYS = 30;
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
  const skus = (await readSkus(db, workspaceId, request.filter)).filter((sku) => sku.snapshotOnHand !== null || sku.inventoryQty !== null);
  const ids = skus.map((sku) => sku.variantId);
  const start = addDays(request.today, -HISTORY_DAYS);
  const units = byVariant(await readDailyUnits(db, workspaceId, ids, start, request.today));
  const stock = byVariant(await readDailyStock(db, workspaceId, ids, start, request.today));
  const dates = datesFrom(addDays(start, -1), request.today);
  return skus.map((sku) => assessSku(sku, dailyHistory(start, request.today, units.get(sku.variantId), stock.get(sku.variantId), dates), request));
}

/** The dates of [start, end). */
function datesFrom(start: IsoDate, end: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = start; date < end; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function byVariant(rows: readonly DayValue[]): Map<number, Map<IsoDate, number>> {
  const out = new Map<number, Map<IsoDate, number>>();
  for (const row of rows) {
    let days = out.get(row.variantId);
    if (!days) out.set(row.variantId, (days = new Map<IsoDate, number>()));
    days.set(row.date, row.value);
  }
  return out;
}

/**
 * One row per day of [start, end). A day is unavailable (a stockout, its zero sales censored) when
 * it opened and closed with nothing on hand; days without snapshots count as available.
 */
export function dailyHistory(
  start: IsoDate,
  end: IsoDate,
  units: ReadonlyMap<IsoDate, number> | undefined,
  closing: ReadonlyMap<IsoDate, number> | undefined,
  /** The dates of [start − 1 day, end), when the caller has them (shared by every SKU). */
  dates: readonly IsoDate[] = datesFrom(addDays(start, -1), end),
): DailySales[] {
  const days: DailySales[] = [];
  for (let index = 1; index < dates.length; index++) {
    const date = dates[index] ?? start;
    const close = closing?.get(date);
    const open = closing?.get(dates[index - 1] ?? date);
    const available = close === undefined || close > 0 || (open !== undefined && open > 0);
    days.push({ date, units: units?.get(date) ?? 0, available });
  }
  return days;
}

export function assessSku(sku: SkuRow, history: readonly DailySales[], request: Pick<InventoryRequest, "today" | "horizonDays" | "policy">): SkuInventory {
  const onHand = sku.snapshotOnHand ?? sku.inventoryQty ?? 0;
  const forecast = forecastDemand(history);
  const horizonDemand = demandOver(forecast, request.today, request.horizonDays);
  const policy = stockPolicy(
    { onHand, dailyDemand: forecast.levelPerDay, sigmaPerDay: forecast.sigmaPerDay, horizonDemand, horizonDays: request.horizonDays },
    request.policy,
  );
  const recentFrom = addDays(request.today, -SELL_THROUGH_DAYS);
  const sold = history.filter((day) => day.date >= recentFrom).reduce((sum, day) => sum + day.units, 0);
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
