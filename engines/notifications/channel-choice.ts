/**
 * Which of a member's channels a notification goes on: one rule for the jobs that send digests and
 * alerts (jobs/notifications/member-reach.ts) and for the notification_preferences tool that tells
 * the member where things go, so what the member is told is what happens.
 *
 * A member's channels are kept in their order: the one they last wrote from first (then WhatsApp,
 * Slack, email). The digest goes on the channels the member chose among those they can be reached
 * on; none chosen means every one. Alerts with none chosen go only to the first — where the member
 * is now — because an urgent message repeated on every channel is noise, not urgency.
 */
import type { IdentityChannel } from "../../db/schema/core.ts";

/** A channel, or something reached on one (an address on it). */
export type OnChannel = IdentityChannel | { readonly channel: IdentityChannel };

/** The order of channels a member wrote from equally recently (or never). */
export const CHANNEL_ORDER: readonly IdentityChannel[] = ["whatsapp", "slack", "email"];

function channelOf(item: OnChannel): IdentityChannel {
  return typeof item === "string" ? item : item.channel;
}

/** For sorting a member's channels into their order: the most recently written from first, then CHANNEL_ORDER. */
export function byLastWritten(a: { readonly channel: IdentityChannel; readonly lastInboundAt: Date | null }, b: { readonly channel: IdentityChannel; readonly lastInboundAt: Date | null }): number {
  return (b.lastInboundAt?.getTime() ?? 0) - (a.lastInboundAt?.getTime() ?? 0) || CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel);
}

/** The reachable ones on the chosen channels (null: none chosen, so every one), in the member's order. */
export function chosenChannels<T extends OnChannel>(reachable: readonly T[], chosen: readonly IdentityChannel[] | null): T[] {
  return chosen === null ? [...reachable] : reachable.filter((item) => chosen.includes(channelOf(item)));
}

/** Where an alert goes: the chosen channels; none chosen, the one the member last wrote from (reachable in the member's order). */
export function alertChannels<T extends OnChannel>(reachable: readonly T[], chosen: readonly IdentityChannel[] | null): T[] {
  return chosen === null ? reachable.slice(0, 1) : chosenChannels(reachable, chosen);
}
