/**
 * SaaS insights from subscriptions and their MRR changes:
 * - churn_risk: subscriptions past due now (failed payments in dunning) and contractions in the last
 *   30 days. Impact = a month of the MRR involved (past-due MRR + MRR removed by contractions): what
 *   the next 30 days lose if they churn. Critical when it is at least CRITICAL_SHARE of MRR.
 * - expansion: accounts that upgraded or added seats in the last 30 days, against the 30 before.
 *   Impact = the MRR they added (a month of it).
 */
import { sql } from "kysely";
import { addDays } from "../../lib/calendar-date.ts";
import { localMidnightUtc } from "../metrics/time/utc-bounds.ts";
import { question } from "./action-text.ts";
import { amount, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { ChurnRiskEvidence, ExpansionEvidence } from "./evidence.ts";
import type { InsightCandidate } from "./types.ts";

export const WINDOW_DAYS = 30;
const CRITICAL_SHARE = 0.05;
const ACCOUNTS_KEPT = 5;

interface AccountRow { customer: string; mrr_cents: number; from_cents: number | null; status: string }

async function pastDue(ctx: DetectorContext): Promise<AccountRow[]> {
  const rows = await sql<AccountRow>`
    select c.name as customer, s.mrr_cents, null::bigint as from_cents, s.status
    from subscriptions s join saas_customers c on c.id = s.customer_id and c.workspace_id = ${ctx.workspace.id}
    where s.workspace_id = ${ctx.workspace.id} and s.status = 'past_due'
    order by s.mrr_cents desc, s.id`.execute(ctx.db);
  return rows.rows.map(numeric);
}

async function changes(ctx: DetectorContext, kind: "contraction" | "expansion", from: Date, to: Date): Promise<AccountRow[]> {
  const rows = await sql<AccountRow>`
    select c.name as customer, m.to_mrr_cents as mrr_cents, m.from_mrr_cents as from_cents, s.status
    from subscription_mrr_changes m
    join subscriptions s on s.id = m.subscription_id and s.workspace_id = ${ctx.workspace.id}
    join saas_customers c on c.id = s.customer_id and c.workspace_id = ${ctx.workspace.id}
    where m.workspace_id = ${ctx.workspace.id} and m.kind = ${kind} and m.changed_at >= ${from} and m.changed_at < ${to}
    order by abs(m.to_mrr_cents - m.from_mrr_cents) desc, m.id`.execute(ctx.db);
  return rows.rows.map(numeric);
}

function numeric(row: AccountRow): AccountRow {
  return { customer: row.customer, mrr_cents: Number(row.mrr_cents), from_cents: row.from_cents === null ? null : Number(row.from_cents), status: row.status };
}

async function totalMrr(ctx: DetectorContext): Promise<number> {
  const row = await ctx.db
    .selectFrom("subscriptions")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("mrr_cents"), eb.lit(0)).as("mrr"))
    .where("workspace_id", "=", ctx.workspace.id)
    .where("status", "in", ["active", "past_due"])
    .executeTakeFirst();
  return Number(row?.mrr ?? 0);
}

const account = (row: AccountRow) => ({ customer: row.customer, mrrCents: row.mrr_cents, status: row.status, ...(row.from_cents === null ? {} : { fromMrrCents: row.from_cents }) });

export const saasDetector: Detector = {
  name: "saas",
  types: ["churn_risk", "expansion"],
  verticals: ["saas"],
  detect: async (ctx) => {
    const tz = ctx.workspace.timezone;
    const now = ctx.clock.now();
    const windowStart = localMidnightUtc(addDays(ctx.today, -WINDOW_DAYS), tz);
    const previousStart = localMidnightUtc(addDays(ctx.today, -2 * WINDOW_DAYS), tz);
    const [due, contractions, expansions, previousExpansions, total] = [
      await pastDue(ctx),
      await changes(ctx, "contraction", windowStart, now),
      await changes(ctx, "expansion", windowStart, now),
      await changes(ctx, "expansion", previousStart, windowStart),
      await totalMrr(ctx),
    ];
    const currency = ctx.workspace.currency;
    const candidates: InsightCandidate[] = [];
    const pastDueMrr = due.reduce((sum, r) => sum + r.mrr_cents, 0);
    const contractionMrr = contractions.reduce((sum, r) => sum + Math.max(0, (r.from_cents ?? 0) - r.mrr_cents), 0);
    if (due.length + contractions.length > 0) {
      const atRisk = pastDueMrr + contractionMrr;
      const critical = total > 0 && atRisk / total >= CRITICAL_SHARE;
      const evidence: ChurnRiskEvidence = {
        currency,
        windowDays: WINDOW_DAYS,
        pastDueCount: due.length,
        pastDueMrrCents: pastDueMrr,
        contractionCount: contractions.length,
        contractionMrrCents: contractionMrr,
        totalMrrCents: total,
        accounts: [...due, ...contractions].sort((a, b) => b.mrr_cents - a.mrr_cents).slice(0, ACCOUNTS_KEPT).map(account),
      };
      candidates.push({
        type: "churn_risk",
        severity: critical ? "critical" : "warning",
        fingerprint: "churn_risk:subscriptions",
        subject: "subscriptions",
        impactCents: atRisk,
        // Most past-due subscriptions that are not recovered within dunning churn; contractions often precede churn.
        confidence: 0.6,
        title: `${amount(atRisk, currency)} of MRR at risk: ${due.length} past due, ${contractions.length} contractions in ${WINDOW_DAYS} days`,
        summary: `${due.length} subscriptions past due (${amount(pastDueMrr, currency)} MRR) and ${contractions.length} contractions (−${amount(contractionMrr, currency)} MRR) of ${amount(total, currency)} MRR.`,
        evidence,
        action: question({ en: "Which accounts are at risk of churning?", es: "¿Qué cuentas están en riesgo de cancelar?", pt: "Quais contas estão em risco de cancelar?" }),
        urgent: false,
      });
    }
    if (expansions.length > 0) {
      const gained = expansions.reduce((sum, r) => sum + Math.max(0, r.mrr_cents - (r.from_cents ?? 0)), 0);
      const before = previousExpansions.reduce((sum, r) => sum + Math.max(0, r.mrr_cents - (r.from_cents ?? 0)), 0);
      const evidence: ExpansionEvidence = {
        currency,
        windowDays: WINDOW_DAYS,
        expansionCount: expansions.length,
        expansionMrrCents: gained,
        previousExpansionCount: previousExpansions.length,
        previousExpansionMrrCents: before,
        totalMrrCents: total,
        accounts: expansions.slice(0, ACCOUNTS_KEPT).map(account),
      };
      candidates.push({
        type: "expansion",
        severity: "info",
        fingerprint: "expansion:subscriptions",
        subject: "subscriptions",
        impactCents: gained,
        confidence: rounded(Math.min(0.9, 0.5 + expansions.length / 50), 3),
        title: `${expansions.length} accounts expanded in ${WINDOW_DAYS} days (+${amount(gained, currency)} MRR)`,
        summary: `${expansions.length} expansions added ${amount(gained, currency)} MRR against ${previousExpansions.length} (+${amount(before, currency)}) the ${WINDOW_DAYS} days before.`,
        evidence,
        action: question({ en: "Which accounts are ready to expand?", es: "¿Qué cuentas están listas para crecer?", pt: "Quais contas estão prontas para crescer?" }),
        urgent: false,
      });
    }
    return candidates;
  },
};
