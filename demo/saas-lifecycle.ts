/**
 * One SaaS customer's life: a 14-day trial (about 40% convert) or a direct purchase, then monthly
 * (or yearly) renewals with churn (~3%/month, higher in the first months), expansions (upgrades or
 * more units), contractions, failed payments that end in churn after dunning, and occasional
 * reactivations. Every MRR change is recorded, so MRR on any date is the sum of changes before it.
 */
import type { MrrChangeKind, SubscriptionStatus } from "../db/schema/saas.ts";
import { mrrOf, planFor, TIER_MIX, type PlanSpec } from "./saas-data.ts";
import type { Rng } from "./random.ts";

const DAY_MS = 86_400_000;
export const TRIAL_DAYS = 14;
const TRIAL_CONVERSION = 0.4;
const DIRECT_PURCHASE = 0.12;
const ANNUAL_SHARE = 0.25;
const DUNNING_DAYS = 14;

export interface MrrChange {
  readonly atMs: number;
  readonly kind: MrrChangeKind;
  readonly fromCents: number;
  readonly toCents: number;
}

export interface InvoiceDraft {
  readonly issuedMs: number;
  readonly periodEndMs: number;
  readonly amountCents: number;
  readonly status: "paid" | "open" | "uncollectible";
}

export interface SubscriptionDraft {
  readonly plan: PlanSpec;
  readonly quantity: number;
  readonly status: SubscriptionStatus;
  readonly mrrCents: number;
  readonly trialStartMs: number | null;
  readonly trialEndMs: number | null;
  readonly startedMs: number;
  readonly canceledMs: number | null;
  readonly changes: readonly MrrChange[];
  readonly invoices: readonly InvoiceDraft[];
}

/** The same day-of-month `months` later (days past the 28th are clamped so February exists). */
function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

export function simulateSubscription(signupMs: number, endMs: number, rng: Rng): SubscriptionDraft {
  const interval = rng.chance(ANNUAL_SHARE) ? "year" : "month";
  let tier = TIER_MIX.sample(rng);
  let quantity = tier === 0 ? 1 : rng.int(1, tier === 1 ? 3 : 5);
  const trial = !rng.chance(DIRECT_PURCHASE);
  const trialEndMs = trial ? signupMs + TRIAL_DAYS * DAY_MS : null;
  const base = { quantity, trialStartMs: trial ? signupMs : null, trialEndMs, startedMs: signupMs };
  if (trialEndMs !== null && trialEndMs >= endMs) {
    return { ...base, plan: planFor(tier, interval), status: "trialing", mrrCents: 0, canceledMs: null, changes: [], invoices: [] };
  }
  if (trialEndMs !== null && !rng.chance(TRIAL_CONVERSION)) {
    return { ...base, plan: planFor(tier, interval), status: "canceled", mrrCents: 0, canceledMs: trialEndMs, changes: [], invoices: [] };
  }

  const changes: MrrChange[] = [];
  const invoices: InvoiceDraft[] = [];
  let mrr = 0;
  const change = (atMs: number, kind: MrrChangeKind, to: number) => {
    changes.push({ atMs, kind, fromCents: mrr, toCents: to });
    mrr = to;
  };
  const invoice = (issuedMs: number, status: InvoiceDraft["status"] = "paid") => {
    const plan = planFor(tier, interval);
    const periodEndMs = addMonths(issuedMs, interval === "month" ? 1 : 12);
    // The newest invoice may still be waiting for its card payment.
    const settled = endMs - issuedMs > 2 * DAY_MS ? status : "open";
    invoices.push({ issuedMs, periodEndMs, amountCents: plan.priceCents * quantity, status: settled });
  };

  let anchorMs = trialEndMs ?? signupMs;
  change(anchorMs, "new", mrrOf(planFor(tier, interval), quantity));
  invoice(anchorMs);
  let status: SubscriptionStatus = "active";
  let canceledMs: number | null = null;
  let reactivated = false;
  const step = interval === "month" ? 1 : 12;
  for (let k = 1; ; k++) {
    const tickMs = addMonths(anchorMs, k * step);
    if (tickMs >= endMs) break;
    const tenureMonths = k * step;
    const churnP = interval === "year" ? 0.2 : tenureMonths <= 3 ? 0.045 : 0.025;
    if (rng.chance(churnP)) {
      let churnMs = tickMs;
      if (rng.chance(0.25)) {
        // A failed renewal: the invoice goes unpaid through dunning, then the subscription ends.
        churnMs = tickMs + DUNNING_DAYS * DAY_MS;
        if (churnMs >= endMs) {
          invoice(tickMs, "open");
          status = "past_due";
          break;
        }
        invoice(tickMs, "uncollectible");
      }
      change(churnMs, "churn", 0);
      status = "canceled";
      canceledMs = churnMs;
      const backMs = churnMs + rng.int(30, 180) * DAY_MS;
      if (reactivated || !rng.chance(0.12) || backMs >= endMs) break;
      // Won back on the same plan; billing restarts from the reactivation date.
      reactivated = true;
      change(backMs, "reactivation", mrrOf(planFor(tier, interval), quantity));
      status = "active";
      canceledMs = null;
      anchorMs = backMs;
      invoice(backMs);
      k = 0;
      continue;
    }
    const expandP = interval === "year" ? 0.2 : 0.03;
    const contractP = interval === "year" ? 0.08 : 0.012;
    const u = rng.float();
    if (u < expandP) {
      if (tier < 2 && rng.chance(0.5)) tier++;
      else quantity += rng.int(1, 2);
      change(tickMs, "expansion", mrrOf(planFor(tier, interval), quantity));
    } else if (u < expandP + contractP && (quantity > 1 || tier > 0)) {
      if (quantity > 1) quantity--;
      else tier--;
      change(tickMs, "contraction", mrrOf(planFor(tier, interval), quantity));
    }
    invoice(tickMs);
  }
  return { ...base, quantity, plan: planFor(tier, interval), status, mrrCents: mrr, canceledMs, changes, invoices };
}
