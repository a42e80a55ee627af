/**
 * Where members can be reached: their addresses on the channels this deployment sends on, most
 * recently used first (then WhatsApp, Slack, email), read for many members at once.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { listMemberAddresses } from "../../db/repositories/members.ts";
import type { IdentityChannel } from "../../db/schema/core.ts";

export interface Reach {
  readonly channel: IdentityChannel;
  readonly address: string;
  readonly lastInboundAt: Date | null;
}

const CHANNEL_ORDER: readonly IdentityChannel[] = ["whatsapp", "slack", "email"];

export async function memberReach(db: DbOrTrx, workspaceId: number, memberIds: readonly number[], usable: ReadonlySet<IdentityChannel>): Promise<Map<number, Reach[]>> {
  const reach = new Map<number, Reach[]>(memberIds.map((id) => [id, []]));
  for (const row of await listMemberAddresses(db, workspaceId, memberIds)) {
    if (!usable.has(row.channel)) continue;
    reach.get(row.memberId)?.push({ channel: row.channel, address: row.address, lastInboundAt: row.lastInboundAt });
  }
  for (const list of reach.values()) {
    list.sort((a, b) => (b.lastInboundAt?.getTime() ?? 0) - (a.lastInboundAt?.getTime() ?? 0) || CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel));
  }
  return reach;
}

/** The reachable channels among those wanted (null: all of them), in the member's order. */
export function pick(reach: readonly Reach[], wanted: readonly IdentityChannel[] | null): Reach[] {
  return wanted === null ? [...reach] : reach.filter((r) => wanted.includes(r.channel));
}
