/**
 * The member's own notifications, read before anything else: "why did you send me this?"
 * (explain_notification), "no me sirve" / "this was useful" (insight_feedback) and settings orders
 * (notification_preferences): "stop the WhatsApp digest", "send me alerts only in Slack", "mándame
 * el resumen a las 7", "turn off the weekly report", "no alerts at night", "quiet hours 22 to 7",
 * "what are my notification settings?". Strict on purpose: a data question that mentions a summary,
 * alerts or a channel ("resumen de ventas de ayer", "ventas por WhatsApp") stays a data question.
 */
import type { IdentityChannel } from "../../../../db/schema/core.ts";
import type { ToolName } from "../../../../tools/tool-names.ts";
import type { Args } from "./args.ts";
import { toolArgs } from "./build-args.ts";
import { clockText, readClockSpan, readClockTime } from "./clock-phrases.ts";
import { findPhrases, hasPhrase, phraseList, type PhraseMatch } from "./phrases.ts";
import type { Reading } from "./reading.ts";
import type { Intent, PreviousCall } from "./types.ts";
import { FUNCTION_WORDS } from "./vocabulary/languages.ts";
import { GREETING, THANKS } from "./vocabulary/intents.ts";
import {
  CHANNEL_WORDS,
  EXPLAIN_LEADS,
  FEEDBACK_FILLER,
  FEEDBACK_PHRASES,
  MESSAGE_WORDS,
  MOVE_VERBS,
  NIGHT_WORDS,
  NOTIFICATION_OBJECTS,
  OFF_VERBS,
  ON_VERBS,
  ONLY_WORDS,
  RECEIVED_VERBS,
  SHOW_CUES,
  ARRIVAL_CUES,
  THIS_WORDS,
  WEAK_DIGEST,
  WHY_WORDS,
  type NotificationObject,
} from "./vocabulary/notifications.ts";

const ANY_TIME = phraseList("at any time|any time|anytime|at all hours|24 7|a cualquier hora|a toda hora|en cualquier momento|a qualquer hora|qualquer hora|toda hora");
const ALL_WORDS = phraseList("all|every|todas|todos|todo|tudo|todas las|todos los|todas as|todos os|everything");

function toolIntent(tool: ToolName, args: Args): Intent {
  return { kind: "tool", agent: "notifications", tool, args: toolArgs(tool, args), followUp: false };
}

const free = (words: readonly string[]) => words.map(() => false);
const find = <T>(reading: Reading, table: Parameters<typeof findPhrases<T>>[1]): PhraseMatch<T>[] => findPhrases(reading.words, table, free(reading.words), false);

/**
 * A data question: metrics or the workspace's names are named ("why did we get fewer orders?"). A
 * sales channel named like a messaging channel ("WhatsApp") does not count: it is where we write.
 */
function aboutData(reading: Reading): boolean {
  const channelWords = find(reading, CHANNEL_WORDS);
  const isChannelWord = (index: number) => channelWords.some((match) => index >= match.start && index < match.end);
  const named = reading.members.matches.filter((match) => match.member.kind !== "attribute" && !match.positions.every(isChannelWord));
  return (reading.metrics.length > 0 && !reading.weakMetric) || named.length > 0;
}

/** "why did you send me this?", "¿por qué me llegó esta alerta?", "por que recebi isso?", "explain this alert". */
function readWhy(reading: Reading): Intent | null {
  if (aboutData(reading)) return null;
  const words = reading.words;
  const pointer = hasPhrase(words, THIS_WORDS) || hasPhrase(words, MESSAGE_WORDS);
  const why = hasPhrase(words, WHY_WORDS) && hasPhrase(words, RECEIVED_VERBS) && pointer;
  const explain = hasPhrase(words, EXPLAIN_LEADS) && hasPhrase(words, THIS_WORDS) && hasPhrase(words, MESSAGE_WORDS);
  return why || explain ? toolIntent("explain_notification", {}) : null;
}

const NOTIFICATION_TOOLS: ReadonlySet<string> = new Set(["notification_preferences", "explain_notification", "insight_feedback"]);

/**
 * "no me sirve", "not useful", "esto me sirvió", "this alert was useful": a verdict on the last
 * notification, and little else. Right after an answer in the thread, a bare verdict is about that
 * answer ("that's helpful"), and "useful" said with thanks is a thank-you: neither is feedback
 * unless the message names the notification ("esta alerta no me sirve").
 */
function readFeedback(reading: Reading, previous: readonly PreviousCall[]): Intent | null {
  const words = reading.words;
  const found = find(reading, FEEDBACK_PHRASES);
  const first = found[0];
  if (first === undefined || aboutData(reading)) return null;
  const covered = words.map((_, index) => found.some((match) => index >= match.start && index < match.end));
  const around = words.filter((word, index) => !covered[index] && !FEEDBACK_FILLER.has(word) && !FUNCTION_WORDS.has(word) && !hasPhrase([word], THANKS) && !hasPhrase([word], GREETING));
  if (around.length > 0) return null;
  // "not useful" wins over "useful" inside it; any not-useful phrase makes the verdict.
  const verdict = found.some((match) => match.value === "not_useful") ? "not_useful" : first.value;
  const named = hasPhrase(words, MESSAGE_WORDS);
  const last = previous.at(-1);
  if (!named && last !== undefined && !NOTIFICATION_TOOLS.has(last.tool)) return null;
  // After "why did you send me this?", "that was useful, thanks" is about that insight.
  if (!named && verdict === "useful" && hasPhrase(words, THANKS) && last?.tool !== "explain_notification") return null;
  return toolIntent("insight_feedback", { verdict });
}

interface ChannelChange {
  readonly mode: "only" | "add" | "remove";
  readonly channels: IdentityChannel[];
}

/** The channels named and how: only ("solo por Slack", "move it to Slack"), off ("stop the WhatsApp digest"), or too. */
function channelChange(reading: Reading, channels: readonly PhraseMatch<IdentityChannel>[], off: boolean): ChannelChange | null {
  if (channels.length === 0) return null;
  const words = reading.words;
  const only = channels.some((channel) => hasPhrase(words.slice(Math.max(0, channel.start - 3), channel.start), ONLY_WORDS) || hasPhrase(words.slice(channel.end, channel.end + 1), ONLY_WORDS));
  const moved = hasPhrase(words, MOVE_VERBS);
  const named = [...new Set(channels.map((channel) => channel.value))];
  if (only || moved) {
    // "send it to Slack instead of WhatsApp": the channels after "instead" are the ones dropped.
    const instead = findPhrases(words, phraseList("instead of|en vez de|en lugar de|em vez de|ao inves de|no lugar de"), free(words), false)[0];
    const kept = instead === undefined ? named : [...new Set(channels.filter((channel) => channel.start < instead.start).map((channel) => channel.value))];
    return { mode: "only", channels: kept.length > 0 ? kept : named };
  }
  return { mode: off ? "remove" : "add", channels: named };
}

function readSettings(reading: Reading): Intent | null {
  const words = reading.words;
  const objects = new Set<NotificationObject>(find(reading, NOTIFICATION_OBJECTS).map((match) => match.value));
  const weak = objects.size === 0 && hasPhrase(words, WEAK_DIGEST);
  const night = hasPhrase(words, NIGHT_WORDS);
  if (objects.size === 0 && !weak) return null;
  const channels = find(reading, CHANNEL_WORDS);
  const off = hasPhrase(words, OFF_VERBS);
  const on = hasPhrase(words, ON_VERBS);
  const span = readClockSpan(reading.text);
  const time = span === null ? readClockTime(reading.text) : null;
  const anyTime = hasPhrase(words, ANY_TIME);
  const arrival = hasPhrase(words, ARRIVAL_CUES);
  const show = arrival || hasPhrase(words, SHOW_CUES);
  const signal = channels.length > 0 || time !== null || span !== null || off || on || anyTime || (night && !weak);
  // "resumen de ventas", "summary of last week": a data summary, not the digest.
  if (weak && ((!signal && !arrival) || aboutData(reading) || on)) return null;
  if (!signal && !show) return null;

  const args: { digest: Args; alerts: Args; weekly: Args; quietHours: Args } = { digest: {}, alerts: {}, weekly: {}, quietHours: {} };
  const alertsNamed = objects.has("alerts") || objects.has("generic");
  const quiet = objects.has("quiet") || (alertsNamed && (night || span !== null || anyTime));
  if (quiet) {
    const offQuiet = anyTime || (objects.has("quiet") && off && !night && span === null);
    args.quietHours = offQuiet ? { enabled: false } : { enabled: true, ...(span?.start ? { start: clockText(span.start) } : {}), ...(span?.end ? { end: clockText(span.end) } : {}) };
  }
  const change = channelChange(reading, channels, off);
  // Alerts named only to say when they should not come are quiet hours, not an alerts setting.
  const alerts = alertsNamed && !(quiet && change === null);
  const digest = objects.has("digest") || weak || (objects.has("generic") && !quiet);
  if (digest) {
    if (change !== null) args.digest["channels"] = change;
    else if (off) args.digest["enabled"] = false;
    else if (on) args.digest["enabled"] = true;
    if (time !== null && !off) args.digest["time"] = clockText(time);
  }
  if (alerts) {
    if (change !== null) args.alerts["channels"] = change;
    else if (off) args.alerts["enabled"] = false;
    else if (on) args.alerts["enabled"] = true;
  }
  const weekly = objects.has("weekly") || (objects.has("generic") && hasPhrase(words, ALL_WORDS));
  if (weekly && change === null && (off || on)) args.weekly["enabled"] = !off;
  const changes = Object.values(args).some((section) => Object.keys(section).length > 0);
  if (!changes && !show) return null;
  return toolIntent("notification_preferences", args);
}

/** A notification intent, or null when the message is about something else. */
export function readNotificationIntent(reading: Reading, previous: readonly PreviousCall[]): Intent | null {
  return readWhy(reading) ?? readFeedback(reading, previous) ?? readSettings(reading);
}
