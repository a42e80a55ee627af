/**
 * Fixed distributions of a store's orders: channel, payment, device, time of day, basket size,
 * refund reasons. Built once per store.
 */
import { deviceWeights, type SalesChannel, type StoreProfile } from "./profiles.ts";
import { weighted, type WeightedTable } from "./random.ts";
import type { Market } from "./seasonality.ts";

/** Online orders by local hour: a lunch bump and a late-evening peak (phones after dinner). */
const ONLINE_HOURS = [2.0, 1.2, 0.6, 0.35, 0.25, 0.3, 0.6, 1.2, 2.2, 3.4, 4.4, 5.0, 5.4, 5.6, 5.4, 5.0, 4.9, 5.0, 5.4, 6.0, 6.6, 6.8, 5.6, 3.8];
/** A shop open 10:00–21:00, busiest late afternoon. */
const SHOP_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 4, 5, 5, 5, 6, 7, 7, 6, 4, 0, 0, 0];

export interface OrderTables {
  readonly channel: WeightedTable<SalesChannel>;
  readonly payment: Readonly<Record<SalesChannel, WeightedTable<string>>>;
  readonly device: Readonly<Record<SalesChannel, WeightedTable<string>>>;
  readonly onlineHour: WeightedTable<number>;
  readonly shopHour: WeightedTable<number>;
  readonly lines: WeightedTable<number>;
  readonly quantity: WeightedTable<number>;
  readonly refundReason: WeightedTable<string>;
  /** Share of paid orders later refunded in full or in part. */
  readonly refundRate: number;
}

const hours = (weights: readonly number[]) => weighted(weights.map((w, hour) => [hour, w] as const));

export function orderTables(store: StoreProfile): OrderTables {
  return {
    channel: weighted(store.channels),
    payment: byChannel((channel) => weighted(store.payments[channel])),
    device: byChannel((channel) => weighted(deviceWeights(channel))),
    onlineHour: hours(ONLINE_HOURS),
    shopHour: hours(SHOP_HOURS),
    lines: weighted([[1, 0.55], [2, 0.28], [3, 0.12], [4, 0.05]]),
    quantity: weighted(store.market === "BR" ? [[1, 0.8], [2, 0.16], [3, 0.04]] : [[1, 0.87], [2, 0.11], [3, 0.02]]),
    refundReason: weighted(refundReasons(store.market)),
    // Apparel comes back for fit; cosmetics rarely once opened.
    refundRate: store.market === "MX" ? 0.05 : 0.035,
  };
}

function byChannel<T>(make: (channel: SalesChannel) => T): Record<SalesChannel, T> {
  return {
    online_store: make("online_store"),
    instagram: make("instagram"),
    marketplace: make("marketplace"),
    whatsapp: make("whatsapp"),
    pos: make("pos"),
  };
}

function refundReasons(market: Market): readonly (readonly [string, number])[] {
  switch (market) {
    case "MX":
      return [["wrong_size", 0.45], ["changed_mind", 0.2], ["defective", 0.15], ["not_as_described", 0.12], ["late_delivery", 0.08]];
    case "BR":
      return [["damaged", 0.3], ["not_as_described", 0.2], ["changed_mind", 0.2], ["allergic_reaction", 0.15], ["late_delivery", 0.15]];
  }
}

/** Percent-off steps promotions use. */
export const PROMO_PERCENTS = [10, 15, 20, 25, 30] as const;
export const CLEARANCE_PERCENTS = [20, 30, 40] as const;
