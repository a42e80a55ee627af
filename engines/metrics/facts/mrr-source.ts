/**
 * SaaS facts from the MRR change log. Flows (new, expansion, contraction, churn, reactivation)
 * are summed per local day in SQL; levels (MRR, active subscriptions) at any instant are the
 * running sum of every change before it; paying accounts at an instant come from each
 * subscription's last change before it. No dimensions: a SaaS workspace's change log is small
 * (thousands of rows), so this reads O(days × kinds) aggregated rows.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import type { MrrChangeKind } from "../../../db/schema/saas.ts";
import { bucketStart, bucketsOf } from "../time/buckets.ts";
import { utcBounds } from "../time/utc-bounds.ts";
import type { LocalDate } from "../time/types.ts";
import type { FactRequest, FactResult, FactRow, FactSource } from "./types.ts";

interface DayFlow {
  readonly day: LocalDate;
  readonly kind: MrrChangeKind;
  readonly delta: number;
  readonly changes: number;
}

interface Span {
  readonly key: LocalDate | null;
  readonly start: LocalDate;
  readonly end: LocalDate;
}

function spansOf(request: FactRequest): Span[] {
  const spans: Span[] = [];
  if (request.levels.total) spans.push({ key: null, start: request.start, end: request.end });
  if (request.levels.bucket && request.grain !== null) {
    const grain = request.grain;
    for (const bucket of bucketsOf({ start: request.start, end: request.end }, grain, request.scope.weekStart)) {
      spans.push({ key: bucketStart(bucket.start, grain, request.scope.weekStart), start: bucket.start, end: bucket.end });
    }
  }
  return spans;
}

function flowsIn(flows: readonly DayFlow[], span: Span, kind: MrrChangeKind): { delta: number; changes: number } {
  let delta = 0;
  let changes = 0;
  for (const flow of flows) {
    if (flow.kind === kind && flow.day >= span.start && flow.day < span.end) {
      delta += flow.delta;
      changes += flow.changes;
    }
  }
  return { delta, changes };
}

/** MRR lost, as a positive amount: 0 − delta, so a range with no loss gives 0 and not −0 (shown as "-$0.00"). */
function lost(delta: number): number {
  return 0 - delta;
}

function levelBefore(flows: readonly DayFlow[], day: LocalDate): { mrr: number; active: number } {
  let mrr = 0;
  let active = 0;
  for (const flow of flows) {
    if (flow.day >= day) continue;
    mrr += flow.delta;
    if (flow.kind === "new" || flow.kind === "reactivation") active += flow.changes;
    if (flow.kind === "churn") active -= flow.changes;
  }
  return { mrr, active };
}

async function loadFlows(db: DbOrTrx, request: FactRequest, endUtc: Date): Promise<DayFlow[]> {
  const result = await sql<DayFlow>`
    select (changed_at at time zone ${request.scope.timeZone})::date as day, kind,
      sum(to_mrr_cents - from_mrr_cents) as delta, count(*) as changes
    from subscription_mrr_changes
    where workspace_id = ${request.scope.workspaceId} and changed_at < ${endUtc}
    group by 1, 2`.execute(db);
  return result.rows;
}

async function payingAccounts(db: DbOrTrx, request: FactRequest, ends: readonly Date[]): Promise<Map<number, number>> {
  if (ends.length === 0) return new Map();
  const result = await sql<{ end_at: Date; accounts: number }>`
    select e.end_at, count(distinct s.customer_id) as accounts
    from unnest(${ends.map((end) => end.toISOString())}::timestamptz[]) as e(end_at)
    join lateral (
      select distinct on (m.subscription_id) m.subscription_id, m.to_mrr_cents
      from subscription_mrr_changes m
      where m.workspace_id = ${request.scope.workspaceId} and m.changed_at < e.end_at
      order by m.subscription_id, m.changed_at desc, m.id desc
    ) last on true
    join subscriptions s on s.id = last.subscription_id
    where last.to_mrr_cents > 0
    group by e.end_at`.execute(db);
  return new Map(result.rows.map((row) => [row.end_at.getTime(), row.accounts]));
}

async function trials(db: DbOrTrx, request: FactRequest, startUtc: Date, endUtc: Date): Promise<{ day: LocalDate; ended: number; converted: number }[]> {
  const result = await sql<{ day: LocalDate; ended: number; converted: number }>`
    select (s.trial_end at time zone ${request.scope.timeZone})::date as day, count(*) as ended,
      count(*) filter (where exists (select 1 from subscription_mrr_changes m where m.subscription_id = s.id and m.kind = 'new')) as converted
    from subscriptions s
    where s.workspace_id = ${request.scope.workspaceId} and s.trial_end >= ${startUtc} and s.trial_end < ${endUtc}
    group by 1`.execute(db);
  return result.rows;
}

export const mrrFacts: FactSource = {
  name: "mrr",
  supports: () => false,
  async load(db: DbOrTrx, request: FactRequest): Promise<FactResult> {
    const spans = spansOf(request);
    const { startUtc, endUtc } = utcBounds({ start: request.start, end: request.end }, request.scope.timeZone);
    const flows = await loadFlows(db, request, endUtc);
    const wants = (measure: string) => request.measures.includes(measure);
    const spanEnds = spans.map((span) => utcBounds({ start: span.start, end: span.end }, request.scope.timeZone).endUtc);
    const accounts = wants("active_customers_end") ? await payingAccounts(db, request, spanEnds) : new Map<number, number>();
    const trialDays = wants("trials_ended") || wants("trials_converted") ? await trials(db, request, startUtc, endUtc) : [];

    const rows: FactRow[] = spans.map((span, index) => {
      const atStart = levelBefore(flows, span.start);
      const atEnd = levelBefore(flows, span.end);
      const inSpan = trialDays.filter((trial) => trial.day >= span.start && trial.day < span.end);
      const all: Record<string, number> = {
        new_mrr_cents: flowsIn(flows, span, "new").delta,
        expansion_mrr_cents: flowsIn(flows, span, "expansion").delta,
        contraction_mrr_cents: lost(flowsIn(flows, span, "contraction").delta),
        churned_mrr_cents: lost(flowsIn(flows, span, "churn").delta),
        reactivation_mrr_cents: flowsIn(flows, span, "reactivation").delta,
        new_subscriptions: flowsIn(flows, span, "new").changes,
        churned_subscriptions: flowsIn(flows, span, "churn").changes,
        reactivated_subscriptions: flowsIn(flows, span, "reactivation").changes,
        trials_ended: inSpan.reduce((acc, trial) => acc + trial.ended, 0),
        trials_converted: inSpan.reduce((acc, trial) => acc + trial.converted, 0),
        mrr_start_cents: atStart.mrr,
        mrr_end_cents: atEnd.mrr,
        active_subscriptions_start: atStart.active,
        active_subscriptions_end: atEnd.active,
        active_customers_end: accounts.get(spanEnds[index]!.getTime()) ?? 0,
      };
      const values: Record<string, number> = {};
      for (const measure of request.measures) values[measure] = all[measure] ?? 0;
      return { bucket: span.key, member: null, values };
    });
    return { rows, path: "daily" };
  },
};
