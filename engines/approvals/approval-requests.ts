/**
 * The seam between proposing and asking: when a proposal is recorded, the workspace's approvers are
 * asked on their channels. Tools only see this interface; the channels implement it (an outbox
 * message per approver with the code and reply buttons). Without channels (a bare terminal) the
 * approvers are still listed, and nothing is sent.
 */
import type { Db } from "../../db/database.ts";
import { listMemberAddresses, listMembers } from "../../db/repositories/members.ts";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import type { IdentityChannel, Member, Workspace } from "../../db/schema/core.ts";
import { canApprove } from "../access/roles.ts";

export interface ApproverContact {
  readonly memberId: number;
  readonly name: string;
  /** The channel they are asked on, or null when they have no address we can write to. */
  readonly channel: IdentityChannel | null;
}

export interface ApprovalRequestInput {
  readonly workspace: Workspace;
  readonly proposal: ProposalView;
  /** Who asked (they see the request in their own answer, so they are not messaged again). */
  readonly askerMemberId: number | null;
  readonly askerChannel: string;
}

export interface ApprovalRequestSink {
  /** Asks every approver but the asker; returns every approver and where they were asked. */
  request(input: ApprovalRequestInput): Promise<readonly ApproverContact[]>;
}

const CHANNEL_PREFERENCE: readonly IdentityChannel[] = ["whatsapp", "slack", "email"];

/** The workspace's approvers (or the members given) and the channel each is best reached on: where they last wrote, else WhatsApp, Slack, email. */
export async function approverContacts(
  db: Db,
  workspaceId: number,
  usable: ReadonlySet<IdentityChannel>,
  /** These members instead of the approvers (to tell a requester the outcome). */
  only?: readonly Member[],
): Promise<(ApproverContact & { readonly address: string | null })[]> {
  const approvers = only ?? (await listMembers(db, workspaceId)).filter((member) => canApprove(member.role));
  const addresses = await listMemberAddresses(db, workspaceId, approvers.map((member) => member.id));
  return approvers.map((member) => {
    const own = addresses.filter((address) => address.memberId === member.id && usable.has(address.channel));
    own.sort((a, b) => (b.lastInboundAt?.getTime() ?? 0) - (a.lastInboundAt?.getTime() ?? 0) || CHANNEL_PREFERENCE.indexOf(a.channel) - CHANNEL_PREFERENCE.indexOf(b.channel));
    const best = own[0];
    return { memberId: member.id, name: member.name, channel: best?.channel ?? null, address: best?.address ?? null };
  });
}

/** A sink that sends nothing: approvers are listed as they would be asked on no channel. */
export function listOnlyApprovalSink(db: Db): ApprovalRequestSink {
  return {
    async request(input) {
      return (await approverContacts(db, input.workspace.id, new Set())).map(({ memberId, name }) => ({ memberId, name, channel: null }));
    },
  };
}

/** A sink bound later (the runtime is built before the channels that send): until bound, it only lists approvers. */
export function lateApprovalSink(db: Db): ApprovalRequestSink & { bind(target: ApprovalRequestSink): void } {
  let target: ApprovalRequestSink = listOnlyApprovalSink(db);
  return {
    request: (input) => target.request(input),
    bind(next) {
      target = next;
    },
  };
}
