/**
 * Competitor price observations for a store's best sellers: two or three named competitors each,
 * weekly for a year and daily for the last 30 days (what a price tracker would scrape). Competitors
 * price around ours, follow the big sale events, and run a short promotion now and then. The
 * planted undercut is one competitor dropping a top product ~15% below our price.
 */
import type { Db } from "../db/database.ts";
import { instantOf, type LocalDay } from "./calendar.ts";
import type { Catalog } from "./catalog.ts";
import { insertRows, type Row } from "./load.ts";
import { ascii } from "./names.ts";
import { rankOf, UNDERCUT_FACTOR, type CompetitorUndercutEvent, type PlantPlan } from "./planted.ts";
import type { StoreProfile } from "./profiles.ts";
import type { Rng } from "./random.ts";
import type { DemandPlan, Market } from "./seasonality.ts";

export const TRACKED_PRODUCTS = 30;
const WEEKLY_DAYS = 365;
const DAILY_DAYS = 30;

export interface CompetitorInput {
  readonly store: StoreProfile;
  readonly catalog: Catalog;
  readonly days: readonly LocalDay[];
  readonly demand: DemandPlan;
  readonly plant: PlantPlan;
  readonly priceUpdateDay: number;
}

export async function seedCompetitors(
  db: Db,
  workspaceId: number,
  input: CompetitorInput,
  rng: Rng,
  onRows?: (rows: number) => void,
): Promise<CompetitorUndercutEvent> {
  const { store, catalog, days, demand, plant } = input;
  const observed = observationDays(days.length);
  const rows: Row[] = [];
  let event: CompetitorUndercutEvent | null = null;
  for (const productIndex of catalog.ranked.slice(0, TRACKED_PRODUCTS)) {
    const product = catalog.products[productIndex]!;
    const variant = catalog.variants[product.variants[0]!]!;
    const rivals = rng.shuffle([...store.competitors]).slice(0, rng.int(2, 3));
    const planted = productIndex === plant.undercutProduct;
    for (const [r, rival] of rivals.entries()) {
      const undercutter = planted && r === 0;
      // Before the undercut the planted rival sits at or above our price, so the drop is news.
      const ratio = undercutter ? rng.between(1.0, 1.08) : Math.min(1.2, Math.max(0.88, 1.02 + rng.normal() * 0.07));
      const url = `https://www.${rival.domain}/p/${ascii(product.title)}-${variant.sku.toLowerCase()}`;
      let lastBefore = 0;
      for (const index of observed) {
        const day = days[index]!;
        const ours = index < input.priceUpdateDay ? variant.previousPriceCents : variant.priceCents;
        let price: number;
        if (undercutter && index >= plant.undercutDay) price = charmPrice(store.market, ours * UNDERCUT_FACTOR);
        else {
          const onSale = demand.peaks[index]?.promo === true ? rng.between(0.8, 0.9) : rng.chance(0.06) ? 0.9 : 1;
          price = charmPrice(store.market, ours * ratio * onSale);
          if (undercutter) price = Math.max(price, ours);
          if (undercutter) lastBefore = price;
        }
        rows.push({
          workspace_id: workspaceId,
          product_id: product.id,
          variant_id: variant.id,
          competitor: rival.name,
          url,
          price_cents: price,
          currency: store.currency,
          in_stock: (undercutter && index >= plant.undercutDay) || rng.chance(0.96),
          observed_at: new Date(instantOf(day, 9 * 3600 + rng.int(0, 3599), store.timezone)).toISOString(),
        });
      }
      if (undercutter) {
        event = {
          kind: "competitor_undercut",
          workspace: store.slug,
          date: days[plant.undercutDay]!.date,
          productId: product.id,
          productExternalId: product.externalId,
          variantId: variant.id,
          title: product.title,
          rank: rankOf(catalog, productIndex),
          competitor: rival.name,
          ourPriceCents: variant.priceCents,
          previousCompetitorPriceCents: lastBefore,
          competitorPriceCents: charmPrice(store.market, variant.priceCents * UNDERCUT_FACTOR),
        };
      }
    }
  }
  await insertRows(
    db,
    "competitor_prices",
    {
      workspace_id: "bigint",
      product_id: "bigint",
      variant_id: "bigint",
      competitor: "text",
      url: "text",
      price_cents: "bigint",
      currency: "char(3)",
      in_stock: "boolean",
      observed_at: "timestamptz",
    },
    rows,
    onRows,
  );
  if (!event) throw new Error("competitors: the undercut product is not among the tracked products");
  return event;
}

/** Weekly observations (every 7th day counted back from the end) for a year, then daily. */
function observationDays(dayCount: number): number[] {
  const out: number[] = [];
  const dailyFrom = dayCount - DAILY_DAYS;
  for (let index = dailyFrom - 7; index >= Math.max(0, dayCount - WEEKLY_DAYS); index -= 7) out.push(index);
  out.reverse();
  for (let index = Math.max(0, dailyFrom); index < dayCount; index++) out.push(index);
  return out;
}

/** Rounds down to a price ending like the market's tags: $769 in Mexico, R$ 76,90 in Brazil. */
export function charmPrice(market: Market, cents: number): number {
  switch (market) {
    case "MX":
      return Math.max(900, (Math.floor(cents / 1000) * 10 + 9) * 100);
    case "BR":
      return Math.max(90, Math.floor(cents / 100) * 100 + 90);
  }
}
