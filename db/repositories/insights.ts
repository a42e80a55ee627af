/**
 * Insights: one row per ongoing problem, keyed by (workspace_id, fingerprint) (unique index).
 *
 * - upsertInsights stores a detection run: a new fingerprint is inserted; one seen again gets the
 *   run's numbers, severity and score, last_seen_at, one more occurrence when last seen on an earlier
 *   local day, and is reopened if it had been resolved (a dismissed one stays dismissed); open
 *   insights of the types the run covered that it did not find again are resolved.
 * - listRankedInsights lists the open ones by score, lowered for a member by their own feedback
 *   (feedbackPenalty below; engines/insights/rank.ts explains the score itself).
 * - findInsight reads one, scoped to its workspace.
 */
import type { DbOrTrx } from "../database.ts";
import type { FeedbackVerdict } from "../schema/notifications.ts";
import type { Insight, InsightSeverity } from "../schema/operations.ts";
import { localDate } from "../../lib/zoned-time.ts";

/** What a detector found (engines/insights/types.ts InsightCandidate) with its ranking score. */
export interface InsightToStore {
  readonly type: string;
  readonly severity: InsightSeverity;
  readonly fingerprint: string;
  readonly subject: string;
  readonly impactCents: number | null;
  readonly confidence: number;
  readonly score: number;
  readonly title: string;
  readonly summary: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly action: Readonly<Record<string, unknown>>;
}

export interface UpsertOptions {
  /** The insight types the run's detectors covered (their open insights not found again are resolved); default every type. */
  readonly types?: readonly string[];
}

export interface UpsertResult {
  readonly inserted: number;
  readonly updated: number;
  readonly resolved: number;
  /** The open insights this run found (new or updated), highest score first. */
  readonly insights: Insight[];
}

export async function upsertInsights(db: DbOrTrx, workspaceId: number, candidates: readonly InsightToStore[], seenAt: Date, options: UpsertOptions = {}): Promise<UpsertResult> {
  const workspace = await db.selectFrom("workspaces").select("timezone").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  const seenDay = localDate(seenAt, workspace.timezone);
  const fingerprints = candidates.map((c) => c.fingerprint);
  const existing = fingerprints.length === 0 ? [] : await db.selectFrom("insights").selectAll().where("workspace_id", "=", workspaceId).where("fingerprint", "in", fingerprints).execute();
  const byFingerprint = new Map(existing.map((row) => [row.fingerprint, row]));
  let inserted = 0;
  let updated = 0;
  const ids: number[] = [];
  for (const candidate of candidates) {
    const fields = {
      type: candidate.type,
      severity: candidate.severity,
      subject: candidate.subject,
      title: candidate.title,
      summary: candidate.summary,
      impact_cents: candidate.impactCents,
      confidence: candidate.confidence,
      score: candidate.score,
      evidence: JSON.stringify(candidate.evidence),
      action: JSON.stringify(candidate.action),
      last_seen_at: seenAt,
      updated_at: seenAt,
    };
    const row = byFingerprint.get(candidate.fingerprint);
    if (row) {
      const newDay = localDate(row.last_seen_at, workspace.timezone) < seenDay;
      await db
        .updateTable("insights")
        .set({ ...fields, occurrences: row.occurrences + (newDay ? 1 : 0), status: row.status === "resolved" ? "open" : row.status })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", row.id)
        .execute();
      ids.push(Number(row.id));
      updated++;
      continue;
    }
    const added = await db
      .insertInto("insights")
      .values({ ...fields, workspace_id: workspaceId, fingerprint: candidate.fingerprint, status: "open", occurrences: 1, first_seen_at: seenAt })
      // A concurrent run that inserted it first wins; this run's numbers are the same day's.
      .onConflict((oc) => oc.columns(["workspace_id", "fingerprint"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (added) {
      ids.push(Number(added.id));
      inserted++;
    }
  }
  let resolve = db
    .updateTable("insights")
    .set({ status: "resolved", updated_at: seenAt })
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "open");
  if (options.types !== undefined) resolve = options.types.length === 0 ? resolve.where((eb) => eb.val(false)) : resolve.where("type", "in", [...options.types]);
  if (fingerprints.length > 0) resolve = resolve.where("fingerprint", "not in", fingerprints);
  const resolved = await resolve.executeTakeFirst();
  const insights =
    ids.length === 0
      ? []
      : await db.selectFrom("insights").selectAll().where("workspace_id", "=", workspaceId).where("id", "in", ids).where("status", "=", "open").orderBy("score", "desc").orderBy("id").execute();
  return { inserted, updated, resolved: Number(resolved.numUpdatedRows), insights };
}

/** A member's multiplier on an insight of this type and subject: lower for what they found not useful. */
export const SAME_SUBJECT_PENALTY = 0.2;
export const SAME_TYPE_PENALTY = 0.7;

export interface FeedbackEntry {
  readonly insight_type: string;
  readonly subject: string;
  readonly verdict: FeedbackVerdict;
  readonly created_at: Date;
}

/**
 * The member's latest verdict on the same type and subject being "not_useful" → × SAME_SUBJECT_PENALTY
 * (a later "useful" lifts it); any "not_useful" on the same type and another subject → × SAME_TYPE_PENALTY.
 * Both can apply; 1 when neither does.
 */
export function feedbackPenalty(insight: { readonly type: string; readonly subject: string }, feedback: readonly FeedbackEntry[]): number {
  const sameType = feedback.filter((f) => f.insight_type === insight.type);
  const latest = sameType.filter((f) => f.subject === insight.subject).sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
  let penalty = 1;
  if (latest?.verdict === "not_useful") penalty *= SAME_SUBJECT_PENALTY;
  if (sameType.some((f) => f.subject !== insight.subject && f.verdict === "not_useful")) penalty *= SAME_TYPE_PENALTY;
  return penalty;
}

export type RankedInsight = Insight & { readonly rankScore: number };

export interface RankedQuery {
  /** Whose feedback lowers what they found not useful; null or absent for no one's. */
  readonly memberId?: number | null;
  readonly limit: number;
  readonly types?: readonly string[];
}

/** Open insights by score × the member's feedback penalty, highest first (ties: most recently seen, then id). */
export async function listRankedInsights(db: DbOrTrx, workspaceId: number, query: RankedQuery): Promise<RankedInsight[]> {
  if (query.limit <= 0 || (query.types !== undefined && query.types.length === 0)) return [];
  let open = db.selectFrom("insights").selectAll().where("workspace_id", "=", workspaceId).where("status", "=", "open");
  if (query.types !== undefined) open = open.where("type", "in", [...query.types]);
  const insights = await open.execute();
  const memberId = query.memberId ?? null;
  const feedback =
    memberId === null || insights.length === 0
      ? []
      : await db.selectFrom("insight_feedback").select(["insight_type", "subject", "verdict", "created_at"]).where("workspace_id", "=", workspaceId).where("member_id", "=", memberId).execute();
  return insights
    .map((insight) => ({ ...insight, rankScore: Math.round(insight.score * feedbackPenalty(insight, feedback) * 1e4) / 1e4 }))
    .sort((a, b) => b.rankScore - a.rankScore || b.last_seen_at.getTime() - a.last_seen_at.getTime() || Number(a.id) - Number(b.id))
    .slice(0, query.limit);
}

export async function findInsight(db: DbOrTrx, workspaceId: number, id: number): Promise<Insight | undefined> {
  return db.selectFrom("insights").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}
