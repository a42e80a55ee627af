/**
 * Each SKU's demand, as the inventory engine needs it: the forecast from its last HISTORY_DAYS days
 * (demand-forecast.ts, stockout days censored) and its units sold in the last SELL_THROUGH_DAYS.
 * Both read only complete days, so for a given local today they change only when a past day's sales
 * or stock change: they are computed once per workspace and day for every tracked SKU and then read
 * back (engines/derived/cached-by-day.ts) until an import or sync touches one of those days.
 */
import { z } from "zod";
import type { DbOrTrx } from "../../db/database.ts";
import { addDays, type IsoDate } from "../../lib/calendar-date.ts";
import { ok } from "../../lib/result.ts";
import { cachedByDay } from "../derived/cached-by-day.ts";
import { forecastDemand, type DailySales, type DemandForecast } from "./demand-forecast.ts";
import { readDailyStock, readDailyUnits, readSkus, type DayValue, type SkuRow } from "./inventory-sql.ts";

/** Twelve weeks of sales: enough for weekday patterns, recent enough for trends. */
export const HISTORY_DAYS = 84;
export const SELL_THROUGH_DAYS = 30;
/** Bump when the forecast method or this shape changes: stored results of other versions are recomputed. */
const CACHE_KEY = "inventory.demand:v2";

export interface SkuDemand extends DemandForecast {
  readonly variantId: number;
  readonly unitsSoldLast30Days: number;
}

/**
 * Stored compactly, one row of numbers per SKU (a workspace has hundreds or thousands of SKUs and the
 * row is read on every inventory question): [variantId, levelPerDay, sigmaPerDay, observedDays,
 * censoredDays, unitsSoldLast30Days, then the seven weekday factors from Sunday].
 */
const storedRow = z.array(z.number()).length(13);
const storedSchema = z.array(storedRow).transform((rows) => rows.map(fromRow));

function toRow(demand: SkuDemand): number[] {
  return [demand.variantId, demand.levelPerDay, demand.sigmaPerDay, demand.observedDays, demand.censoredDays, demand.unitsSoldLast30Days, ...demand.weekdayFactors];
}

function fromRow(row: readonly number[]): SkuDemand {
  const [variantId = 0, levelPerDay = 0, sigmaPerDay = 0, observedDays = 0, censoredDays = 0, unitsSoldLast30Days = 0, ...weekdayFactors] = row;
  return { variantId, levelPerDay, weekdayFactors, sigmaPerDay, observedDays, censoredDays, unitsSoldLast30Days };
}

/** A SKU is tracked when it has a stock snapshot or a stock figure from the store. */
export function isTracked(sku: SkuRow): boolean {
  return sku.snapshotOnHand !== null || sku.inventoryQty !== null;
}

/** The demand of one SKU from its daily history ending the day before `today`. */
export function demandFromHistory(variantId: number, history: readonly DailySales[], today: IsoDate): SkuDemand {
  const recentFrom = addDays(today, -SELL_THROUGH_DAYS);
  const unitsSoldLast30Days = history.filter((day) => day.date >= recentFrom).reduce((sum, day) => sum + day.units, 0);
  return { variantId, ...forecastDemand(history), unitsSoldLast30Days };
}

/**
 * The demand of every tracked SKU of the workspace for `today`: read back when stored for that day,
 * else computed and stored.
 */
export async function storedSkuDemand(db: DbOrTrx, workspaceId: number, today: IsoDate): Promise<Map<number, SkuDemand>> {
  const stored = await cachedByDay(db, workspaceId, {
    key: CACHE_KEY,
    asOf: today,
    windowStart: addDays(today, -HISTORY_DAYS - 1),
    schema: storedSchema,
    compute: async () => {
      const all = (await readSkus(db, workspaceId, { productIds: null, variantIds: null, category: null })).filter(isTracked);
      return ok(await computeSkuDemand(db, workspaceId, today, all.map((sku) => sku.variantId)));
    },
    store: (demands) => demands.map(toRow),
  });
  return new Map(stored.ok ? stored.value.map((demand) => [demand.variantId, demand]) : []);
}

/** Adds the demand of SKUs missing from a stored result (tracked since it was computed), computed on their own. */
export async function withMissingDemand(db: DbOrTrx, workspaceId: number, today: IsoDate, demand: Map<number, SkuDemand>, skus: readonly SkuRow[]): Promise<Map<number, SkuDemand>> {
  const missing = skus.map((sku) => sku.variantId).filter((id) => !demand.has(id));
  if (missing.length > 0) for (const computed of await computeSkuDemand(db, workspaceId, today, missing)) demand.set(computed.variantId, computed);
  return demand;
}

/** The demand of the given SKUs for `today` (see {@link storedSkuDemand} and {@link withMissingDemand}). */
export async function skuDemand(db: DbOrTrx, workspaceId: number, today: IsoDate, skus: readonly SkuRow[]): Promise<Map<number, SkuDemand>> {
  return withMissingDemand(db, workspaceId, today, await storedSkuDemand(db, workspaceId, today), skus);
}

/** Reads the SKUs' daily units and stock over the history window and forecasts each. */
export async function computeSkuDemand(db: DbOrTrx, workspaceId: number, today: IsoDate, variantIds: readonly number[]): Promise<SkuDemand[]> {
  const start = addDays(today, -HISTORY_DAYS);
  const units = byVariant(await readDailyUnits(db, workspaceId, variantIds, start, today));
  const stock = byVariant(await readDailyStock(db, workspaceId, variantIds, start, today));
  const dates = datesFrom(addDays(start, -1), today);
  return variantIds.map((id) => demandFromHistory(id, dailyHistory(start, today, units.get(id), stock.get(id), dates), today));
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
