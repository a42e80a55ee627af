/**
 * Telling people about price changes on their channels: approval requests to the workspace's
 * approvers (each on the channel they last wrote from, with buttons where the channel has them), and
 * the outcome — applied, refused, expired — to whoever decided and whoever asked. Messages go through
 * the outbox like every answer (retries, WhatsApp's 24-hour window, the dead-letter list).
 */
import type { Language } from "../../agents/shared/language.ts";
import type { Db } from "../../db/database.ts";
import { listMembers } from "../../db/repositories/members.ts";
import { enqueueOutbox } from "../../db/repositories/outbox.ts";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import { findWorkspaceById } from "../../db/repositories/workspaces.ts";
import type { IdentityChannel, Member, Workspace } from "../../db/schema/core.ts";
import { canApprove } from "../../engines/access/roles.ts";
import { approverContacts, type ApprovalRequestSink } from "../../engines/approvals/approval-requests.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { DeliveryScheduler } from "../outbound/delivery-scheduler.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import { proactiveDestination } from "../outbound/proactive-destination.ts";
import { applyNews, approvalRequest, type ApplyNews } from "./approval-messages.ts";
import { approvalThreadKey } from "./approval-desk.ts";

export interface ApprovalNotifierOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scheduler: DeliveryScheduler;
  /** The channels this deployment can send on. */
  readonly channels: ReadonlySet<IdentityChannel>;
  /** How WhatsApp messages leave: the Cloud API or the whatsapp-web.js session. */
  readonly whatsappTransport: "cloud" | "web";
  /** Also called with every piece of news (the terminal prints them). */
  readonly onNews?: (news: ApplyNews) => void;
}

export interface ApprovalNotifier extends ApprovalRequestSink {
  /** Tells the decider and the requester what became of a proposal. */
  news(news: ApplyNews): Promise<void>;
}

export function createApprovalNotifier(options: ApprovalNotifierOptions): ApprovalNotifier {
  const { db, clock, logger } = options;

  type Contact = Awaited<ReturnType<typeof approverContacts>>[number] & { readonly language: Language };

  /** The best address of each of these members (one read of their addresses). */
  async function contactsOf(workspaceId: number, pick: (member: Member) => boolean): Promise<Contact[]> {
    const members = (await listMembers(db, workspaceId)).filter(pick);
    const contacts = await approverContacts(db, workspaceId, options.channels, members);
    return contacts.map((contact) => ({ ...contact, language: members.find((m) => m.id === contact.memberId)?.language ?? "en" }));
  }

  async function send(workspace: Workspace, contacts: readonly Contact[], key: string, compose: (language: Language) => OutboundMessage, code: string): Promise<void> {
    const ids: number[] = [];
    for (const contact of contacts) {
      if (contact.channel === null || contact.address === null) continue;
      const destination = await proactiveDestination(
        db,
        { workspaceId: workspace.id, memberId: contact.memberId, channel: contact.channel, address: contact.address },
        // The reply comes back to a conversation about this proposal, so "yes" needs no code.
        { whatsappTransport: options.whatsappTransport, emailThreadKey: approvalThreadKey(code), at: clock.now() },
      );
      const { id } = await enqueueOutbox(db, {
        workspaceId: workspace.id,
        memberId: contact.memberId,
        destination,
        message: compose(contact.language),
        kind: "proactive",
        idempotencyKey: `${key}:${contact.memberId}`,
        notBefore: clock.now(),
      });
      ids.push(id);
    }
    if (ids.length > 0) await options.scheduler.schedule(ids);
  }

  const context = (workspace: Workspace, language: Language) => ({ language, currency: workspace.currency, timeZone: workspace.timezone });

  return {
    async request(input) {
      const { workspace, proposal } = input;
      const contacts = await contactsOf(workspace.id, (member) => canApprove(member.role));
      const others = contacts.filter((c) => c.memberId !== input.askerMemberId);
      await send(workspace, others, `approval:${workspace.id}:${proposal.code}`, (language) => approvalRequest(proposal, context(workspace, language)), proposal.code);
      logger.info("approval requested", { workspace: workspace.slug, code: proposal.code, approvers: others.length });
      return contacts.map(({ memberId, name, channel }) => ({ memberId, name, channel }));
    },
    async news(news) {
      options.onNews?.(news);
      const p: ProposalView = news.proposal;
      const workspace = await findWorkspaceById(db, p.workspace_id);
      if (!workspace) return;
      const people = new Set([p.decided_by_member_id, p.requested_by_member_id]);
      await send(workspace, await contactsOf(workspace.id, (member) => people.has(member.id)), `news:${workspace.id}:${p.code}:${news.kind}`, (language) => applyNews(news, context(workspace, language)), p.code);
    },
  };
}
