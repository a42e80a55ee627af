/**
 * Customers of a store and when they come back. Each order may schedule the customer's next visit
 * (a log-normal gap, median about two months); loyal customers are likelier to return again. Days
 * fill their orders with the customers due first and new customers for the rest, which yields a
 * realistic repeat rate (about a quarter to a third of customers buy twice or more in two years).
 */
import type { Db } from "../db/database.ts";
import type { Place } from "./geo.ts";
import { insertForIds } from "./load.ts";
import { personName } from "./names.ts";
import type { StoreProfile } from "./profiles.ts";
import type { Rng, WeightedTable } from "./random.ts";
import { DEMO_SOURCE } from "./catalog.ts";

/** Probability that a customer with n orders so far schedules another (index n−1, last repeats). */
const RETURN_PROBABILITY = [0.36, 0.45, 0.52, 0.58];
/** Never more than this share of a day's orders comes from returning customers. */
const MAX_RETURNING_SHARE = 0.7;

export interface NewCustomer {
  readonly index: number;
  readonly firstOrderMs: number;
}

export class CustomerBook {
  /** Database id per customer index, set once the customer is written. */
  readonly ids: Float64Array;
  /** Index into the places table. */
  readonly places: Uint16Array;
  private readonly orderCounts: Uint16Array;
  private readonly due: number[][];
  count = 0;

  constructor(
    capacity: number,
    days: number,
    readonly placeTable: WeightedTable<Place>,
  ) {
    this.ids = new Float64Array(capacity);
    this.places = new Uint16Array(capacity);
    this.orderCounts = new Uint16Array(capacity);
    this.due = Array.from({ length: days }, () => []);
  }

  add(rng: Rng): number {
    const index = this.count++;
    this.places[index] = this.placeTable.index(rng);
    return index;
  }

  place(customer: number): Place {
    return this.placeTable.items[this.places[customer]!]!;
  }

  /** True when this order is the customer's first. */
  recordOrder(customer: number): boolean {
    const before = this.orderCounts[customer]!;
    if (before < 65535) this.orderCounts[customer] = before + 1;
    return before === 0;
  }

  /** Maybe schedules the customer's next order after `day`. */
  scheduleReturn(customer: number, day: number, rng: Rng): void {
    const orders = this.orderCounts[customer]!;
    const p = RETURN_PROBABILITY[Math.min(orders, RETURN_PROBABILITY.length) - 1] ?? 0;
    if (!rng.chance(p)) return;
    const gap = Math.max(5, Math.round(55 * rng.noise(0.75)));
    const at = day + gap;
    if (at < this.due.length) this.due[at]!.push(customer);
  }

  /** Customers due on `day`, at most `max`; the rest move to the next day. */
  takeDue(day: number, orders: number): number[] {
    const due = this.due[day]!;
    this.due[day] = [];
    const max = Math.floor(orders * MAX_RETURNING_SHARE);
    if (due.length <= max) return due;
    const next = this.due[day + 1];
    if (next) for (let i = max; i < due.length; i++) next.push(due[i]!);
    return due.slice(0, max);
  }
}

export function customerExternalId(store: StoreProfile, index: number): string {
  return `${store.code}-C${String(index + 1).padStart(7, "0")}`;
}

/** Writes customers first seen in a chunk and records their ids. */
export async function insertCustomers(
  db: Db,
  workspaceId: number,
  store: StoreProfile,
  book: CustomerBook,
  fresh: readonly NewCustomer[],
  rng: Rng,
): Promise<void> {
  const rows = fresh.map(({ index, firstOrderMs }) => {
    const person = personName(store.market, rng, index + 1);
    const place = book.place(index);
    const firstOrderAt = new Date(firstOrderMs).toISOString();
    return {
      workspace_id: workspaceId,
      source: DEMO_SOURCE,
      external_id: customerExternalId(store, index),
      name: person.name,
      email: person.email,
      country: place.country,
      state: place.state,
      city: place.city,
      first_order_at: firstOrderAt,
      created_at: firstOrderAt,
    };
  });
  const ids = await insertForIds(
    db,
    "customers",
    {
      workspace_id: "bigint",
      source: "text",
      external_id: "text",
      name: "text",
      email: "text",
      country: "text",
      state: "text",
      city: "text",
      first_order_at: "timestamptz",
      created_at: "timestamptz",
    },
    rows,
    ["id", "external_id"],
  );
  for (const { index } of fresh) {
    const id = ids.get(customerExternalId(store, index));
    if (id === undefined) throw new Error(`customer ${index} was not written`);
    book.ids[index] = id;
  }
}
