import type { Selectable } from "kysely";
import type { CreatedAt, Id, Timestamp } from "./columns.ts";

export const SUBSCRIPTION_STATUSES = ["trialing", "active", "past_due", "canceled"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const MRR_CHANGE_KINDS = ["new", "expansion", "contraction", "churn", "reactivation"] as const;
export type MrrChangeKind = (typeof MRR_CHANGE_KINDS)[number];

export interface PlansTable {
  id: Id;
  workspace_id: number;
  external_id: string;
  name: string;
  interval: "month" | "year";
  /** Price per interval. */
  price_cents: number;
  created_at: CreatedAt;
}

export interface SaasCustomersTable {
  id: Id;
  workspace_id: number;
  external_id: string;
  name: string;
  email: string | null;
  country: string | null;
  created_at: Timestamp;
}

export interface SubscriptionsTable {
  id: Id;
  workspace_id: number;
  external_id: string;
  customer_id: number;
  plan_id: number;
  status: SubscriptionStatus;
  quantity: number;
  /** Current monthly recurring revenue (annual plans divided by 12). */
  mrr_cents: number;
  trial_start: Timestamp | null;
  trial_end: Timestamp | null;
  started_at: Timestamp;
  canceled_at: Timestamp | null;
}

/** Every change of a subscription's MRR, so new/expansion/contraction/churn are exact for any range. */
export interface SubscriptionMrrChangesTable {
  id: Id;
  workspace_id: number;
  subscription_id: number;
  changed_at: Timestamp;
  kind: MrrChangeKind;
  from_mrr_cents: number;
  to_mrr_cents: number;
}

export interface InvoicesTable {
  id: Id;
  workspace_id: number;
  external_id: string;
  subscription_id: number | null;
  customer_id: number;
  issued_at: Timestamp;
  period_start: Timestamp;
  period_end: Timestamp;
  amount_cents: number;
  status: "paid" | "open" | "void" | "uncollectible";
}

export type Plan = Selectable<PlansTable>;
export type Subscription = Selectable<SubscriptionsTable>;
