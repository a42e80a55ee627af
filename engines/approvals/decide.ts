/**
 * A person's decision on a pending proposal, from a reply ("SI 4F2K", "no", a button). Only owners
 * and admins of the proposal's own workspace decide; the proposal is locked while deciding, so two
 * replies at once (or the same reply twice) decide it once. Every attempt — refusals included — is
 * audited with who, where and what they wrote. The model never reaches this: no tool calls it.
 */
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../db/repositories/audit-log.ts";
import { findProposalView, findProposalViewByCode, listPendingProposals, lockProposal, updateProposalStatus, type ProposalView } from "../../db/repositories/price-proposals.ts";
import type { Role } from "../../db/schema/core.ts";
import { canApprove } from "../access/roles.ts";

export interface Decider {
  readonly workspaceId: number;
  readonly memberId: number | null;
  readonly role: Role;
}

export interface DecisionRequest {
  readonly decider: Decider;
  readonly decision: "approve" | "reject";
  /** The code the reply named, or the one its thread is about; null: the only pending one, if there is one. */
  readonly code: string | null;
  /** Where the reply came from (whatsapp, slack, email, cli, web) and what it said, for the audit log. */
  readonly channel: string;
  readonly text: string;
  readonly now: Date;
}

export type DecisionOutcome =
  /** The member's role may not approve or reject. */
  | { readonly kind: "not_allowed"; readonly proposal: ProposalView | null }
  /** No code and nothing is waiting for a decision. */
  | { readonly kind: "nothing_pending" }
  /** No code and several are waiting: the person must say which. */
  | { readonly kind: "which"; readonly pending: readonly ProposalView[] }
  | { readonly kind: "unknown_code"; readonly code: string }
  /** Already decided (or applied, failed…): nothing changed. */
  | { readonly kind: "already_decided"; readonly proposal: ProposalView }
  | { readonly kind: "expired"; readonly proposal: ProposalView }
  | { readonly kind: "approved"; readonly proposal: ProposalView }
  | { readonly kind: "rejected"; readonly proposal: ProposalView };

type Unresolved = Extract<DecisionOutcome, { kind: "nothing_pending" | "which" | "unknown_code" }>;

/** The proposal the reply means, or why there is none to decide. */
async function target(db: Db, request: DecisionRequest): Promise<{ readonly proposal: ProposalView } | { readonly unresolved: Unresolved }> {
  const workspaceId = request.decider.workspaceId;
  if (request.code !== null) {
    const proposal = await findProposalViewByCode(db, workspaceId, request.code);
    return proposal ? { proposal } : { unresolved: { kind: "unknown_code", code: request.code.toUpperCase() } };
  }
  const pending = await listPendingProposals(db, workspaceId, request.now);
  if (pending.length === 0) return { unresolved: { kind: "nothing_pending" } };
  const [only] = pending;
  return pending.length === 1 && only ? { proposal: only } : { unresolved: { kind: "which", pending } };
}

export async function decideProposal(db: Db, request: DecisionRequest): Promise<DecisionOutcome> {
  const { decider } = request;
  const resolved = await target(db, request);
  if ("unresolved" in resolved) return canApprove(decider.role) ? resolved.unresolved : { kind: "not_allowed", proposal: null };
  const found = resolved.proposal;
  const actor = { actorKind: "member" as const, actorId: decider.memberId === null ? null : String(decider.memberId) };
  const audit = { workspaceId: decider.workspaceId, subjectKind: "price_change", subjectId: found.code, channel: request.channel, at: request.now, ...actor };
  if (!canApprove(decider.role)) {
    await recordAudit(db, { ...audit, action: "decision_refused", details: { reason: "role", role: decider.role, decision: request.decision, text: request.text } });
    return { kind: "not_allowed", proposal: found };
  }
  return db.transaction().execute(async (trx): Promise<DecisionOutcome> => {
    const locked = await lockProposal(trx, decider.workspaceId, found.id);
    if (!locked || locked.status !== "pending_approval") {
      const proposal = (await findProposalView(trx, decider.workspaceId, found.id)) ?? found;
      return { kind: "already_decided", proposal };
    }
    if (locked.expires_at.getTime() <= request.now.getTime()) {
      await updateProposalStatus(trx, decider.workspaceId, locked.id, ["pending_approval"], { status: "expired", updated_at: request.now });
      await recordAudit(trx, { ...audit, actorKind: "system", actorId: null, action: "expired", details: { expiresAt: locked.expires_at.toISOString(), lateReply: request.text } });
      return { kind: "expired", proposal: (await findProposalView(trx, decider.workspaceId, locked.id)) ?? found };
    }
    const status = request.decision === "approve" ? "approved" : "rejected";
    await updateProposalStatus(trx, decider.workspaceId, locked.id, ["pending_approval"], {
      status,
      decided_by_member_id: decider.memberId,
      decided_at: request.now,
      decision_channel: request.channel,
      updated_at: request.now,
    });
    await recordAudit(trx, { ...audit, action: status, details: { text: request.text } });
    const proposal = (await findProposalView(trx, decider.workspaceId, locked.id)) ?? found;
    return request.decision === "approve" ? { kind: "approved", proposal } : { kind: "rejected", proposal };
  });
}

/** Expires one pending proposal past its time (the job runner's expiry tick); undefined when it was decided or expired meanwhile. */
export async function expireProposal(db: Db, workspaceId: number, id: number, now: Date): Promise<ProposalView | undefined> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockProposal(trx, workspaceId, id);
    if (!locked || locked.status !== "pending_approval" || locked.expires_at.getTime() > now.getTime()) return undefined;
    await updateProposalStatus(trx, workspaceId, id, ["pending_approval"], { status: "expired", updated_at: now });
    await recordAudit(trx, { workspaceId, actorKind: "system", actorId: null, action: "expired", subjectKind: "price_change", subjectId: locked.code, channel: null, details: { expiresAt: locked.expires_at.toISOString() }, at: now });
    return findProposalView(trx, workspaceId, id);
  });
}
