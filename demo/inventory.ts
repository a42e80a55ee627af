/**
 * Daily stock on hand per variant for the last days of the range, consistent with the orders: each
 * day's closing stock is the previous close, minus units sold (cancelled orders excluded), plus any
 * restock received. It is computed backwards from today's stock, adding a restock whenever stock
 * would climb above a cap, so it can never go negative and always matches sales exactly.
 */
import type { Db } from "../db/database.ts";
import type { LocalDay } from "./calendar.ts";
import type { Catalog } from "./catalog.ts";
import { insertRows, updateInventoryQty, type Row } from "./load.ts";
import type { Rng } from "./random.ts";

export const STOCK_WINDOW_DAYS = 120;
/** No restock reaches the stocked-out product in its last month: that is why it runs out. */
const STOCKOUT_NO_RESTOCK_DAYS = 30;

export interface StockInput {
  readonly catalog: Catalog;
  readonly days: readonly LocalDay[];
  readonly sold: Int32Array;
  readonly windowStart: number;
  readonly stockoutProduct: number;
  readonly stockoutDay: number;
}

export interface StockResult {
  /** Index (into days) of the first day from which every variant of the stocked-out product is at 0. */
  readonly stockoutDay: number;
}

export async function seedInventory(db: Db, workspaceId: number, input: StockInput, rng: Rng, onRows: (n: number) => void): Promise<StockResult> {
  const { catalog, sold, windowStart } = input;
  const window = STOCK_WINDOW_DAYS;
  const stockoutOffset = input.stockoutDay - windowStart;
  const productOnHand = new Int32Array(window);
  const rows: Row[] = [];
  const finals: number[] = [];
  for (const variant of catalog.variants) {
    const base = variant.index * window;
    let total = 0;
    for (let i = 0; i < window; i++) total += sold[base + i]!;
    const rate = Math.max(total / window, 0.15);
    const cap = Math.max(8, Math.ceil(rate * 45));
    const restock = Math.max(6, Math.round(cap * 0.7));
    const planted = variant.product === input.stockoutProduct;
    const onHand = new Int32Array(window);
    onHand[window - 1] = planted ? 0 : finalStock(rate, rng);
    for (let i = window - 1; i > 0; i--) {
      let previous = onHand[i]! + sold[base + i]!;
      const mayRestock = !planted || i <= stockoutOffset - STOCKOUT_NO_RESTOCK_DAYS;
      if (previous > cap && mayRestock) previous -= restock;
      onHand[i - 1] = previous;
    }
    if (planted) for (let i = 0; i < window; i++) productOnHand[i] = productOnHand[i]! + onHand[i]!;
    finals.push(onHand[window - 1]!);
    for (let i = 0; i < window; i++) {
      rows.push({ workspace_id: workspaceId, variant_id: variant.id, date: input.days[windowStart + i]!.date, on_hand: onHand[i]! });
    }
  }
  await insertRows(db, "inventory_snapshots", { workspace_id: "bigint", variant_id: "bigint", date: "date", on_hand: "integer" }, rows, onRows, 20_000);
  await updateInventoryQty(
    db,
    catalog.variants.map((v) => v.id),
    finals,
  );
  let firstZero = window - 1;
  while (firstZero > 0 && productOnHand[firstZero - 1] === 0) firstZero--;
  return { stockoutDay: windowStart + firstZero };
}

/** Today's stock: usually two to five weeks of sales, now and then nearly out. */
function finalStock(dailyRate: number, rng: Rng): number {
  if (rng.chance(0.05)) return rng.int(1, 3);
  return rng.int(Math.ceil(dailyRate * 8) + 2, Math.ceil(dailyRate * 35) + 6);
}
