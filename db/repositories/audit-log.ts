/**
 * The audit log: one row per thing that happened to a subject (a price-change proposal was
 * proposed, approved, refused, applied…), with who did it, on which channel and what they wrote.
 * Append-only: nothing here updates or deletes.
 */
import type { DbOrTrx } from "../database.ts";
import type { AuditEntry } from "../schema/operations.ts";

export interface AuditInput {
  readonly workspaceId: number;
  /** member: a person; system: the product itself (expiry); job: a background job (apply). */
  readonly actorKind: "member" | "system" | "job";
  /** The member id as text, the job's name, or null. */
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectKind: string;
  readonly subjectId: string | null;
  readonly channel: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

export async function recordAudit(db: DbOrTrx, input: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      workspace_id: input.workspaceId,
      actor_kind: input.actorKind,
      actor_id: input.actorId,
      action: input.action,
      subject_kind: input.subjectKind,
      subject_id: input.subjectId,
      channel: input.channel,
      details: JSON.stringify(input.details),
      created_at: input.at,
    })
    .execute();
}

/** A subject's history, oldest first. */
export async function listAudit(db: DbOrTrx, workspaceId: number, subjectKind: string, subjectId: string): Promise<AuditEntry[]> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", subjectId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
