/**
 * The SaaS workspace: plans, ~3,000 sign-ups over two years (more each month, few at weekends),
 * their subscriptions, every MRR change and every invoice.
 */
import type { Db } from "../db/database.ts";
import type { Progress } from "../lib/progress.ts";
import { instantOf, type LocalDay } from "./calendar.ts";
import { idOf, insertForIds, insertRows, type Row } from "./load.ts";
import { apportion, rngFor, weighted } from "./random.ts";
import { companyName, COUNTRIES, PLANS } from "./saas-data.ts";
import { simulateSubscription, type SubscriptionDraft } from "./saas-lifecycle.ts";

export const SAAS_CUSTOMERS = 3000;
/** B2B sign-ups: weekdays, office hours. */
const WEEKDAY = [0.35, 1.1, 1.15, 1.1, 1.05, 0.95, 0.4];
const HOURS = weighted([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((h, i) => [h, [2, 5, 7, 7, 5, 6, 7, 7, 6, 4, 2, 1][i]!] as const));

export interface SaasResult {
  readonly customers: number;
  readonly subscriptions: number;
  readonly activeSubscriptions: number;
  readonly mrrCents: number;
}

export async function seedSaas(db: Db, workspaceId: number, days: readonly LocalDay[], timeZone: string, seed: number, progress: Progress): Promise<SaasResult> {
  const endMs = days[days.length - 1]!.endMs;
  const planIds = await insertForIds(
    db,
    "plans",
    { workspace_id: "bigint", external_id: "text", name: "text", interval: "text", price_cents: "bigint", created_at: "timestamptz" },
    PLANS.map((plan) => ({
      workspace_id: workspaceId,
      external_id: plan.externalId,
      name: plan.name,
      interval: plan.interval,
      price_cents: plan.priceCents,
      created_at: new Date(days[0]!.startMs - 30 * 86_400_000).toISOString(),
    })),
    ["id", "external_id"],
  );

  const signupRng = rngFor(seed, "demo-saas", "signups");
  const perDay = apportion(
    SAAS_CUSTOMERS,
    days.map((day) => Math.exp((Math.log(1.6) / 365) * day.index) * WEEKDAY[day.weekday]! * signupRng.noise(0.15)),
  );
  const customers: Row[] = [];
  const subscriptions: (SubscriptionDraft & { customer: string; externalId: string })[] = [];
  for (const day of days) {
    const times = Array.from({ length: perDay[day.index]! }, () => HOURS.sample(signupRng) * 3600 + signupRng.int(0, 3599)).sort((a, b) => a - b);
    for (const second of times) {
      const serial = customers.length + 1;
      const signupMs = instantOf(day, second, timeZone);
      const company = companyName(signupRng, serial);
      const externalId = `cus_${String(serial).padStart(6, "0")}`;
      customers.push({
        workspace_id: workspaceId,
        external_id: externalId,
        name: company.name,
        email: company.email,
        country: COUNTRIES.sample(signupRng),
        created_at: new Date(signupMs).toISOString(),
      });
      // Each customer's life has its own stream: changing one never reshuffles the others.
      const life = simulateSubscription(signupMs, endMs, rngFor(seed, "demo-saas", "subscription", serial));
      subscriptions.push({ ...life, customer: externalId, externalId: `sub_${String(serial).padStart(6, "0")}` });
    }
  }
  const customerIds = await insertForIds(
    db,
    "saas_customers",
    { workspace_id: "bigint", external_id: "text", name: "text", email: "text", country: "text", created_at: "timestamptz" },
    customers,
    ["id", "external_id"],
  );
  progress.advance(customers.length);

  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const subscriptionIds = await insertForIds(
    db,
    "subscriptions",
    {
      workspace_id: "bigint",
      external_id: "text",
      customer_id: "bigint",
      plan_id: "bigint",
      status: "text",
      quantity: "integer",
      mrr_cents: "bigint",
      trial_start: "timestamptz",
      trial_end: "timestamptz",
      started_at: "timestamptz",
      canceled_at: "timestamptz",
    },
    subscriptions.map((s) => ({
      workspace_id: workspaceId,
      external_id: s.externalId,
      customer_id: idOf(customerIds, s.customer),
      plan_id: idOf(planIds, s.plan.externalId),
      status: s.status,
      quantity: s.quantity,
      mrr_cents: s.mrrCents,
      trial_start: iso(s.trialStartMs),
      trial_end: iso(s.trialEndMs),
      started_at: iso(s.startedMs),
      canceled_at: iso(s.canceledMs),
    })),
    ["id", "external_id"],
  );

  const changeRows: Row[] = [];
  const invoiceRows: Row[] = [];
  for (const s of subscriptions) {
    const subscriptionId = idOf(subscriptionIds, s.externalId);
    for (const c of s.changes) {
      changeRows.push({ workspace_id: workspaceId, subscription_id: subscriptionId, changed_at: iso(c.atMs), kind: c.kind, from_mrr_cents: c.fromCents, to_mrr_cents: c.toCents });
    }
    for (const invoice of s.invoices) {
      invoiceRows.push({
        workspace_id: workspaceId,
        external_id: `in_${String(invoiceRows.length + 1).padStart(7, "0")}`,
        subscription_id: subscriptionId,
        customer_id: idOf(customerIds, s.customer),
        issued_at: iso(invoice.issuedMs),
        period_start: iso(invoice.issuedMs),
        period_end: iso(invoice.periodEndMs),
        amount_cents: invoice.amountCents,
        status: invoice.status,
      });
    }
  }
  await insertRows(
    db,
    "subscription_mrr_changes",
    { workspace_id: "bigint", subscription_id: "bigint", changed_at: "timestamptz", kind: "text", from_mrr_cents: "bigint", to_mrr_cents: "bigint" },
    changeRows,
  );
  await insertRows(
    db,
    "invoices",
    {
      workspace_id: "bigint",
      external_id: "text",
      subscription_id: "bigint",
      customer_id: "bigint",
      issued_at: "timestamptz",
      period_start: "timestamptz",
      period_end: "timestamptz",
      amount_cents: "bigint",
      status: "text",
    },
    invoiceRows,
  );
  const paying = subscriptions.filter((s) => s.status === "active" || s.status === "past_due");
  return {
    customers: customers.length,
    subscriptions: subscriptions.length,
    activeSubscriptions: paying.length,
    mrrCents: paying.reduce((acc, s) => acc + s.mrrCents, 0),
  };
}
