/**
 * Where members can be reached: their addresses on the channels this deployment sends on, in each
 * member's order (most recently written from first, then WhatsApp, Slack, email), read for many
 * members at once; and which of them a digest or an alert goes to, by the one rule in
 * engines/notifications/channel-choice.ts that the notification_preferences tool also tells members.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { listMemberAddresses } from "../../db/repositories/members.ts";
import type { IdentityChannel } from "../../db/schema/core.ts";
import { alertChannels, byLastWritten, chosenChannels } from "../../engines/notifications/channel-choice.ts";

export interface Reach {
  readonly channel: IdentityChannel;
  readonly address: string;
  readonly lastInboundAt: Date | null;
}

export async function memberReach(db: DbOrTrx, workspaceId: number, memberIds: readonly number[], usable: ReadonlySet<IdentityChannel>): Promise<Map<number, Reach[]>> {
  const reach = new Map<number, Reach[]>(memberIds.map((id) => [id, []]));
  for (const row of await listMemberAddresses(db, workspaceId, memberIds)) {
    if (!usable.has(row.channel)) continue;
    reach.get(row.memberId)?.push({ channel: row.channel, address: row.address, lastInboundAt: row.lastInboundAt });
  }
  for (const list of reach.values()) list.sort(byLastWritten);
  return reach;
}

/** The reachable channels among those wanted (null: all of them), in the member's order: where a digest goes. */
export function pick(reach: readonly Reach[], wanted: readonly IdentityChannel[] | null): Reach[] {
  return chosenChannels(reach, wanted);
}

/** Where an alert goes: the wanted channels; none wanted (null), the one the member last wrote from. */
export function pickForAlerts(reach: readonly Reach[], wanted: readonly IdentityChannel[] | null): Reach[] {
  return alertChannels(reach, wanted);
}
