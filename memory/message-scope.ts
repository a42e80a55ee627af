/**
 * Who may recall a message: what was said in a private place (a WhatsApp chat, an email thread, a
 * Slack DM or a Slack slash command's private answer, the terminal or the web chat) is the member's
 * alone; what was said in a shared Slack channel is the workspace's. Recall then shows private
 * memories only to their member (memory/recall-candidates.ts).
 */

export interface MessagePlace {
  /** The conversation's channel: slack, whatsapp, email, web, cli… */
  readonly channel: string;
  /** Its thread key (Slack: "<channel id>:<thread ts>", "<D…>:dm" or "<channel>:ask:<user>"). */
  readonly threadKey: string;
  /** The member the conversation belongs to, if any. */
  readonly memberId: number | null;
}

/**
 * Slack channel ids: C… a channel, G… a private group or multi-person DM, D… a direct message. Only a
 * C… channel is shared with the workspace; a G… conversation is kept private to the asker, because
 * its people are not the whole workspace and we do not know who they are.
 */
function sharedSlackThread(threadKey: string): boolean {
  const [channelId = "", kind] = threadKey.split(":");
  return channelId.startsWith("C") && kind !== "ask";
}

/** The member a message's memory belongs to, or null when the whole workspace may recall it. */
export function memoryOwner(place: MessagePlace): number | null {
  if (place.memberId === null) return null;
  return place.channel === "slack" && sharedSlackThread(place.threadKey) ? null : place.memberId;
}
