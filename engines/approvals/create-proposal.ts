/**
 * Recording a proposal: a price change (from a suggestion or a price a person named) or the undo of
 * an applied one. It is stored under a fresh code and moved straight to pending_approval: both steps
 * are audited. Nothing is applied here; only an approver's reply moves it on (decide.ts).
 */
import { randomUUID } from "node:crypto";
import type { DbOrTrx } from "../../db/database.ts";
import { recordAudit } from "../../db/repositories/audit-log.ts";
import { insertProposal, updateProposalStatus } from "../../db/repositories/price-proposals.ts";
import type { PriceChangeProposal, ProposalKind } from "../../db/schema/operations.ts";
import { drawCode } from "./proposal-codes.ts";

/** Proposals expire when nobody decides within a day (workspaces may set another TTL). */
export const DEFAULT_PROPOSAL_TTL_MS = 24 * 60 * 60 * 1000;
const CODE_ATTEMPTS = 25;

export interface ProposalRequest {
  readonly workspaceId: number;
  readonly productId: number | null;
  readonly variantId: number;
  readonly currency: string | null;
  readonly currentPriceCents: number;
  readonly proposedPriceCents: number;
  readonly kind: ProposalKind;
  readonly undoOfId: number | null;
  /** The rule that produced it (e.g. "beat_lowest"), or null for a price a person named. */
  readonly rule: string | null;
  readonly explanation: string | null;
  /** The suggestion or request behind it, kept for messages and audit. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestedByMemberId: number | null;
  /** Where it was asked for: cli, web, slack, whatsapp, email. */
  readonly channel: string;
  readonly ttlMs: number;
  readonly now: Date;
}

/** Records the proposal as pending approval, under a code free in the workspace. Run it in a transaction. */
export async function createProposal(trx: DbOrTrx, request: ProposalRequest): Promise<PriceChangeProposal> {
  const actor = { actorKind: request.requestedByMemberId === null ? ("system" as const) : ("member" as const), actorId: request.requestedByMemberId === null ? null : String(request.requestedByMemberId) };
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const inserted = await insertProposal(trx, {
      workspace_id: request.workspaceId,
      code: drawCode(),
      product_id: request.productId,
      variant_id: request.variantId,
      kind: request.kind,
      undo_of_id: request.undoOfId,
      currency: request.currency,
      current_price_cents: request.currentPriceCents,
      proposed_price_cents: request.proposedPriceCents,
      rule: request.rule,
      explanation: request.explanation,
      details: JSON.stringify(request.details),
      status: "proposed",
      requested_by_member_id: request.requestedByMemberId,
      requested_channel: request.channel,
      expires_at: new Date(request.now.getTime() + request.ttlMs),
      idempotency_key: `price-change:${randomUUID()}`,
      created_at: request.now,
      updated_at: request.now,
    });
    if (!inserted) continue;
    const subject = { workspaceId: request.workspaceId, subjectKind: "price_change", subjectId: inserted.code, channel: request.channel, at: request.now, ...actor };
    await recordAudit(trx, {
      ...subject,
      action: "proposed",
      details: { kind: request.kind, variantId: request.variantId, currentPriceCents: request.currentPriceCents, proposedPriceCents: request.proposedPriceCents, rule: request.rule },
    });
    await updateProposalStatus(trx, request.workspaceId, inserted.id, ["proposed"], { status: "pending_approval", updated_at: request.now });
    await recordAudit(trx, { ...subject, action: "approval_requested", details: { expiresAt: inserted.expires_at.toISOString() } });
    return { ...inserted, status: "pending_approval" };
  }
  throw new Error(`no free proposal code after ${CODE_ATTEMPTS} draws in workspace ${request.workspaceId}`);
}
