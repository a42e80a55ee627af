/**
 * Undoing an applied price change: a new proposal (kind undo) back to the price the change replaced.
 * From a person's reply ("undo 4F2K") an approver's own words may approve it at once when the
 * workspace does not require a second approval for undos; from the model (the undo tool) it always
 * waits for an approver. One open undo per change: asking again returns the one already open.
 */
import { inTransaction, type DbOrTrx } from "../../db/database.ts";
import { recordAudit } from "../../db/repositories/audit-log.ts";
import { findOpenUndo, findProposalView, findProposalViewByCode, lockProposal, updateProposalStatus, type ProposalView } from "../../db/repositories/price-proposals.ts";
import { proposalVariantIds } from "./apply-steps.ts";
import { createProposal } from "./create-proposal.ts";
import type { Decider } from "./decide.ts";

export interface UndoRequest {
  readonly decider: Decider;
  readonly code: string;
  readonly channel: string;
  readonly text: string;
  readonly ttlMs: number;
  /** True when the request is itself the approval (an approver's reply, undos need no second approval). */
  readonly approveNow: boolean;
  readonly now: Date;
}

export type UndoOutcome =
  | { readonly kind: "unknown_code"; readonly code: string }
  /** Only applied changes can be undone (this one is pending, rejected, failed or already undone). */
  | { readonly kind: "not_applied"; readonly proposal: ProposalView }
  /** The change it names is itself an undo: undo it by proposing the price again. */
  | { readonly kind: "is_undo"; readonly proposal: ProposalView }
  /** An undo of this change is already open: that one. */
  | { readonly kind: "open"; readonly undo: ProposalView }
  | { readonly kind: "created"; readonly undo: ProposalView; readonly approved: boolean };

export async function requestUndo(db: DbOrTrx, request: UndoRequest): Promise<UndoOutcome> {
  const workspaceId = request.decider.workspaceId;
  const original = await findProposalViewByCode(db, workspaceId, request.code);
  if (!original) return { kind: "unknown_code", code: request.code.toUpperCase() };
  if (original.kind === "undo") return { kind: "is_undo", proposal: original };
  if (original.status !== "applied") return { kind: "not_applied", proposal: original };
  return inTransaction(db, async (trx): Promise<UndoOutcome> => {
    // Lock the applied change so two undo requests at once open one undo.
    await lockProposal(trx, workspaceId, original.id);
    const open = await findOpenUndo(trx, workspaceId, original.id);
    if (open !== undefined) {
      const undo = await findProposalView(trx, workspaceId, open);
      if (undo) return { kind: "open", undo };
    }
    const created = await createProposal(trx, {
      workspaceId,
      productId: original.product_id,
      variantId: original.variant_id,
      currency: original.currency,
      currentPriceCents: original.proposed_price_cents,
      proposedPriceCents: original.previous_price_cents ?? original.current_price_cents,
      kind: "undo",
      undoOfId: original.id,
      rule: null,
      explanation: null,
      details: { undoOf: original.code, text: request.text, variantIds: proposalVariantIds(original) },
      requestedByMemberId: request.decider.memberId,
      channel: request.channel,
      ttlMs: request.ttlMs,
      now: request.now,
    });
    if (request.approveNow) {
      await updateProposalStatus(trx, workspaceId, created.id, ["pending_approval"], {
        status: "approved",
        decided_by_member_id: request.decider.memberId,
        decided_at: request.now,
        decision_channel: request.channel,
        updated_at: request.now,
      });
      await recordAudit(trx, {
        workspaceId,
        actorKind: "member",
        actorId: request.decider.memberId === null ? null : String(request.decider.memberId),
        action: "approved",
        subjectKind: "price_change",
        subjectId: created.code,
        channel: request.channel,
        details: { text: request.text, undoOf: original.code },
        at: request.now,
      });
    }
    const undo = await findProposalView(trx, workspaceId, created.id);
    if (!undo) throw new Error(`undo proposal ${created.id} vanished inside its transaction`);
    return { kind: "created", undo, approved: request.approveNow };
  });
}
