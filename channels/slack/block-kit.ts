/**
 * Turns an OutboundMessage into what chat.postMessage (or a response_url) takes: a plain fallback
 * `text` for notifications and screen readers, and Block Kit `blocks` for the message itself —
 * the text as mrkdwn sections, the KPIs as section fields, the freshness line as a context block
 * and the reply buttons as an actions block.
 * https://api.slack.com/reference/block-kit/blocks
 */
import type { KpiField, OutboundMessage, ReplyButton } from "../outbound/outbound-message.ts";

/** Slack refuses a section whose text is longer than this (invalid_blocks). */
export const MAX_SECTION_TEXT_CHARS = 3000;
/** Slack's limit for one section field. */
const MAX_FIELD_TEXT_CHARS = 2000;
const MAX_FIELDS_PER_SECTION = 10;
/** Slack's limit for the blocks of one message. */
const MAX_BLOCKS = 50;
/** Notifications show little; a long fallback only repeats the blocks. */
const MAX_FALLBACK_CHARS = 3000;

export interface MrkdwnText {
  readonly type: "mrkdwn";
  readonly text: string;
}

export interface PlainText {
  readonly type: "plain_text";
  readonly text: string;
  readonly emoji?: boolean;
}

export type SectionBlock =
  | { readonly type: "section"; readonly text: MrkdwnText }
  | { readonly type: "section"; readonly fields: readonly MrkdwnText[] };

export interface ContextBlock {
  readonly type: "context";
  readonly elements: readonly MrkdwnText[];
}

export interface ButtonElement {
  readonly type: "button";
  readonly text: PlainText;
  readonly action_id: string;
  readonly value: string;
}

export interface ActionsBlock {
  readonly type: "actions";
  readonly elements: readonly ButtonElement[];
}

/** The blocks this app sends; a subset of Block Kit. */
export type SlackBlock = SectionBlock | ContextBlock | ActionsBlock;

export interface SlackMessageContent {
  /** Plain fallback text (no markup), escaped as Slack requires. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Slack reads &, < and > as control characters (links, mentions) in every mrkdwn field. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function toSlackMessage(message: OutboundMessage): SlackMessageContent {
  const escaped = escapeSlackText(message.text);
  const trailing: SlackBlock[] = [];
  if (message.kpis.length > 0) trailing.push(kpiSection(message.kpis));
  if (message.freshness !== null) trailing.push({ type: "context", elements: [mrkdwn(escapeSlackText(message.freshness).slice(0, MAX_SECTION_TEXT_CHARS))] });
  if (message.buttons.length > 0) trailing.push(actionsBlock(message.buttons));

  let sections = splitForSections(escaped, MAX_SECTION_TEXT_CHARS);
  const room = MAX_BLOCKS - trailing.length;
  if (sections.length > room) sections = [...sections.slice(0, room - 1), truncate(sections.slice(room - 1).join("\n"), MAX_SECTION_TEXT_CHARS)];
  const textBlocks: SlackBlock[] = sections.map((chunk) => ({ type: "section", text: mrkdwn(chunk) }));
  return { text: fallbackText(message.text), blocks: [...textBlocks, ...trailing] };
}

/** The notification text: the message without its *bold* markers, escaped and kept short. */
export function fallbackText(text: string): string {
  const plain = text.replace(/\*([^*\n]+)\*/g, "$1");
  return truncate(escapeSlackText(plain), MAX_FALLBACK_CHARS);
}

/**
 * Splits already-escaped mrkdwn into chunks of at most `limit` characters, preferring paragraph
 * breaks, then line breaks, then spaces, and never cutting an entity such as "&amp;" in two.
 */
export function splitForSections(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  // A break in the last part of the window is worth taking; one near the start would leave tiny chunks.
  const minimum = Math.floor(limit / 2);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator);
    if (at >= minimum) return at;
  }
  const entityStart = text.lastIndexOf("&", limit - 1);
  if (entityStart >= 0 && limit - entityStart < "&amp;".length && !text.slice(entityStart, limit).includes(";")) return entityStart;
  return limit;
}

function kpiSection(kpis: readonly KpiField[]): SectionBlock {
  const fields = kpis.slice(0, MAX_FIELDS_PER_SECTION).map((kpi) => {
    const lines = [`*${escapeSlackText(kpi.label)}*`, escapeSlackText(kpi.value)];
    if (kpi.change !== null) lines.push(escapeSlackText(kpi.change));
    return mrkdwn(truncate(lines.join("\n"), MAX_FIELD_TEXT_CHARS));
  });
  return { type: "section", fields };
}

function actionsBlock(buttons: readonly ReplyButton[]): ActionsBlock {
  // plain_text is shown literally: escaping it would print "&amp;".
  return {
    type: "actions",
    elements: buttons.map((button) => ({ type: "button", text: { type: "plain_text", text: button.title, emoji: true }, action_id: button.id, value: button.id })),
  };
}

function mrkdwn(text: string): MrkdwnText {
  return { type: "mrkdwn", text };
}

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = cutPoint(text, limit - 1);
  return `${text.slice(0, cut).trimEnd()}…`;
}
