/**
 * The approvals desk: where a person's reply decides a price change. A short reply ("SI 4F2K",
 * "dale", "no", "undo 4F2K") or an Approve/Reject button reaches it before any model: approval never
 * passes through the model, which can only propose. The desk checks the member may decide, decides
 * (engines/approvals), queues the apply job for an approval, and answers in the member's language.
 * Anything that is not an approval reply (or a "yes" with nothing pending) goes on to the
 * conversation as usual.
 */
import type { Language } from "../../agents/shared/language.ts";
import type { Db } from "../../db/database.ts";
import type { Role, Workspace } from "../../db/schema/core.ts";
import { canApprove } from "../../engines/access/roles.ts";
import type { ApprovalRequestSink } from "../../engines/approvals/approval-requests.ts";
import { DEFAULT_PROPOSAL_TTL_MS } from "../../engines/approvals/create-proposal.ts";
import { decideProposal } from "../../engines/approvals/decide.ts";
import { CODE_ALPHABET, CODE_LENGTH } from "../../engines/approvals/proposal-codes.ts";
import { parseApprovalReply, type ApprovalReply } from "../../engines/approvals/reply-parser.ts";
import { requestUndo } from "../../engines/approvals/undo.ts";
import { loadRuleSet } from "../../engines/pricing/pricing-sql.ts";
import { resolvePricingRules } from "../../engines/pricing/rules.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import type { ActionHandler } from "../inbound/action-router.ts";
import { deskReply, type MessageContext } from "./approval-messages.ts";

/** Who replied: a member (on a channel) or the machine's owner at the terminal (memberId null). */
export interface Replier {
  readonly memberId: number | null;
  readonly role: Role;
  readonly language: Language;
}

export interface TextReply {
  readonly workspace: Workspace;
  readonly replier: Replier;
  /** slack, whatsapp, email, cli, web. */
  readonly channel: string;
  /** The thread it came in (an email reply to an approval request names "approval:<code>"). */
  readonly threadKey: string | null;
  readonly text: string;
}

/** Queues the apply job of an approved proposal (jobs/pricing runners). */
export interface ApplyQueue {
  enqueue(job: { readonly workspaceId: number; readonly proposalId: number; readonly idempotencyKey: string }): Promise<void>;
}

export interface ApprovalDeskOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly applies: ApplyQueue;
  /** Where undo proposals that need a second approval are sent. */
  readonly requests: ApprovalRequestSink;
}

export interface ApprovalDesk {
  /** The answer to an approval reply, or null when the text is not one (the conversation answers it). */
  handleText(reply: TextReply): Promise<OutboundMessage | null>;
  /** Approve/Reject buttons: register under "approve:" and "reject:". */
  readonly handleAction: ActionHandler;
}

const THREAD_CODE = new RegExp(`^approval:([${CODE_ALPHABET}]{${CODE_LENGTH}})$`);

export function approvalThreadKey(code: string): string {
  return `approval:${code}`;
}

export function createApprovalDesk(options: ApprovalDeskOptions): ApprovalDesk {
  const { db, clock, logger } = options;

  async function undoNeedsApproval(workspaceId: number): Promise<boolean> {
    const ruleSet = await loadRuleSet(db, workspaceId);
    return resolvePricingRules(ruleSet.workspace, null, null).undoNeedsApproval;
  }

  /** "undo <code>": an approver's own words approve the undo unless the workspace wants a second approval. */
  async function undo(workspace: Workspace, replier: Replier, channel: string, code: string, text: string, context: MessageContext): Promise<OutboundMessage> {
    if (replier.role === "viewer") return deskReply({ kind: "not_allowed" }, context);
    const approveNow = canApprove(replier.role) && !(await undoNeedsApproval(workspace.id));
    const decider = { workspaceId: workspace.id, memberId: replier.memberId, role: replier.role };
    const outcome = await requestUndo(db, { decider, code, channel, text, ttlMs: DEFAULT_PROPOSAL_TTL_MS, approveNow, now: clock.now() });
    switch (outcome.kind) {
      case "unknown_code":
        return deskReply(outcome, context);
      case "is_undo":
      case "not_applied":
        return deskReply({ kind: "not_applied", proposal: outcome.proposal }, context);
      case "open":
        return deskReply({ kind: "already_decided", proposal: outcome.undo }, context);
      case "created":
        if (outcome.approved) {
          await options.applies.enqueue({ workspaceId: workspace.id, proposalId: outcome.undo.id, idempotencyKey: outcome.undo.idempotency_key });
          return deskReply({ kind: "undo_approved", proposal: outcome.undo }, context);
        }
        await options.requests.request({ workspace, proposal: outcome.undo, askerMemberId: replier.memberId, askerChannel: channel });
        return deskReply({ kind: "undo_requested", proposal: outcome.undo }, context);
    }
  }

  async function decide(workspace: Workspace, replier: Replier, channel: string, reply: ApprovalReply, code: string | null, text: string): Promise<OutboundMessage | null> {
    const now = clock.now();
    const context: MessageContext = { language: replier.language, currency: workspace.currency, timeZone: workspace.timezone };
    const decider = { workspaceId: workspace.id, memberId: replier.memberId, role: replier.role };
    switch (reply.decision) {
      case "undo":
        return code === null ? null : undo(workspace, replier, channel, code, text, context);
      case "approve":
      case "reject": {
        const outcome = await decideProposal(db, { decider, decision: reply.decision, code, channel, text, now });
        logger.info("approval reply", { workspace: workspace.slug, member: replier.memberId, channel, decision: reply.decision, outcome: outcome.kind });
        switch (outcome.kind) {
          case "nothing_pending":
            // "yes"/"ok" with nothing waiting is just conversation.
            return code === null ? null : deskReply({ kind: "unknown_code", code }, context);
          case "approved":
            await options.applies.enqueue({ workspaceId: workspace.id, proposalId: outcome.proposal.id, idempotencyKey: outcome.proposal.idempotency_key });
            return deskReply(outcome, context);
          case "not_allowed":
            return deskReply({ kind: "not_allowed" }, context);
          case "rejected":
          case "which":
          case "unknown_code":
          case "already_decided":
          case "expired":
            return deskReply(outcome, context);
        }
      }
    }
  }

  return {
    async handleText(input) {
      const reply = parseApprovalReply(input.text);
      if (reply === null) return null;
      const fromThread = input.threadKey === null ? null : (THREAD_CODE.exec(input.threadKey)?.[1] ?? null);
      return decide(input.workspace, input.replier, input.channel, reply, reply.code ?? fromThread, input.text);
    },
    async handleAction({ action, member, workspace }) {
      const [verb, code] = action.actionId.split(":");
      if ((verb !== "approve" && verb !== "reject") || code === undefined) return null;
      const replier = { memberId: member.id, role: member.role, language: member.language };
      return decide(workspace, replier, action.channel, { decision: verb, code }, code, `button ${action.actionId}`);
    },
  };
}
