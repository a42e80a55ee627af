/**
 * Events planted in the stores for later work (insight detection, alerts, pricing) to find. Their
 * exact dates and ids go into the manifest, so tests and evals can check what was found.
 *
 * - conversion_drop: one ordinary day ~10 days before the end keeps its traffic but loses ~60% of its
 *   orders (a broken checkout); ad platforms see the same dip in conversions.
 * - stockout: a top-10 product sells its last units ~6 days before the end; from the recorded date
 *   every variant is at 0 on hand and the product has no orders after it.
 * - competitor_undercut: from the date a competitor prices a top product ~15% below ours.
 */
import type { Catalog } from "./catalog.ts";
import type { IsoDate, LocalDay } from "./calendar.ts";
import type { DemoSlug } from "./profiles.ts";
import type { Rng } from "./random.ts";

export const DROP_FACTOR = 0.4;
export const UNDERCUT_FACTOR = 0.85;

export interface ConversionDropEvent {
  readonly kind: "conversion_drop";
  readonly workspace: DemoSlug;
  readonly date: IsoDate;
  /** Orders the day would have had, and what it got. */
  readonly expectedOrders: number;
  readonly orders: number;
  /** Web sessions and web conversions (online store and Instagram orders) of the day. */
  readonly sessions: number;
  readonly conversions: number;
}

export interface StockoutEvent {
  readonly kind: "stockout";
  readonly workspace: DemoSlug;
  /** First date from which every variant is at 0 on hand; the product has no orders after it. */
  readonly date: IsoDate;
  readonly productId: number;
  readonly productExternalId: string;
  readonly title: string;
  /** 1 = best seller. */
  readonly rank: number;
  readonly variantIds: readonly number[];
}

export interface CompetitorUndercutEvent {
  readonly kind: "competitor_undercut";
  readonly workspace: DemoSlug;
  /** First observation at the new price. */
  readonly date: IsoDate;
  readonly productId: number;
  readonly productExternalId: string;
  readonly variantId: number;
  readonly title: string;
  readonly rank: number;
  readonly competitor: string;
  readonly ourPriceCents: number;
  readonly previousCompetitorPriceCents: number;
  readonly competitorPriceCents: number;
}

export type PlantedEvent = ConversionDropEvent | StockoutEvent | CompetitorUndercutEvent;

/** Where the events go, decided before any order is generated. */
export interface PlantPlan {
  readonly dropDay: number;
  readonly stockoutDay: number;
  readonly stockoutProduct: number;
  readonly undercutDay: number;
  readonly undercutProduct: number;
}

/** Days before the end to try for the drop, nearest to 10 first (the last day is 1 day before the end). */
const DROP_DAYS_BEFORE_END = [10, 11, 9, 12, 8, 13, 7, 14, 6, 15, 5, 16, 17, 18, 19, 20];
const STOCKOUT_DAYS_BEFORE_END = 6;
const UNDERCUT_DAYS_BEFORE_END = 5;

/** The drop day must be an ordinary one, so it is not mistaken for the end of a sale. */
export function pickDropDay(days: readonly LocalDay[], isEventDay: (index: number) => boolean): number {
  for (const back of DROP_DAYS_BEFORE_END) {
    const index = days.length - back;
    if (index >= 0 && !isEventDay(index)) return index;
  }
  return days.length - DROP_DAYS_BEFORE_END[0]!;
}

export function planEvents(days: readonly LocalDay[], catalog: Catalog, dropDay: number, rng: Rng): PlantPlan {
  // A top-10 seller but not the best one, so the best seller stays for the undercut.
  const stockoutProduct = catalog.ranked[rng.int(1, 5)]!;
  const undercutProduct = catalog.ranked[0]!;
  return {
    dropDay,
    stockoutDay: days.length - STOCKOUT_DAYS_BEFORE_END,
    stockoutProduct,
    undercutDay: days.length - UNDERCUT_DAYS_BEFORE_END,
    undercutProduct,
  };
}

export function rankOf(catalog: Catalog, product: number): number {
  return catalog.ranked.indexOf(product) + 1;
}
