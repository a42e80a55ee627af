import { sql } from "kysely";
import type { DbOrTrx } from "../database.ts";

export interface WorkspaceSummary {
  readonly workspaceId: number;
  readonly orders: number;
  readonly customers: number;
  readonly products: number;
  readonly firstOrderAt: Date | null;
  readonly lastOrderAt: Date | null;
  /** Sum of order totals (minor units), cancelled orders excluded. */
  readonly revenueCents: number;
  readonly subscriptions: number;
  readonly activeMrrCents: number;
}

/** Counts and totals of one workspace's data, for `bizos start` and `workspace list`. */
export async function summarizeWorkspace(db: DbOrTrx, workspaceId: number): Promise<WorkspaceSummary> {
  const orders = await db
    .selectFrom("orders")
    .where("workspace_id", "=", workspaceId)
    .select((eb) => [
      eb.fn.countAll<number>().as("orders"),
      eb.fn.min("placed_at").as("first"),
      eb.fn.max("placed_at").as("last"),
      sql<number>`coalesce(sum(total_cents) filter (where status <> 'cancelled'), 0)`.as("revenue"),
    ])
    .executeTakeFirstOrThrow();
  const [customers, products, subscriptions] = await Promise.all([
    db.selectFrom("customers").where("workspace_id", "=", workspaceId).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("products").where("workspace_id", "=", workspaceId).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db
      .selectFrom("subscriptions")
      .where("workspace_id", "=", workspaceId)
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        sql<number>`coalesce(sum(mrr_cents) filter (where status in ('active', 'past_due')), 0)`.as("mrr"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    workspaceId,
    orders: Number(orders.orders),
    customers: Number(customers.n),
    products: Number(products.n),
    firstOrderAt: orders.first ? new Date(orders.first) : null,
    lastOrderAt: orders.last ? new Date(orders.last) : null,
    revenueCents: Number(orders.revenue),
    subscriptions: Number(subscriptions.n),
    activeMrrCents: Number(subscriptions.mrr),
  };
}
