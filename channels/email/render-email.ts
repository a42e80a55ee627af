/**
 * An OutboundMessage as an email: a subject, a plain-text part, an HTML part (escaped text with
 * *bold* as <strong>, the KPIs as a small table, the freshness line as a muted footer) and the chart
 * as a PNG attached inline and shown by the HTML through its Content-ID.
 */
import type { ChartSpec, KpiField, OutboundMessage } from "../outbound/outbound-message.ts";

/** The chart's Content-ID: the HTML shows it with <img src="cid:chart@bizos">. */
export const CHART_CID = "chart@bizos";
/** RFC 5322 recommends lines of at most 78 characters; a subject that fits reads whole in every inbox. */
const SUBJECT_MAX_CHARS = 78;

export interface InlineAttachment {
  readonly filename: string;
  readonly content: Buffer;
  readonly contentType: "image/png";
  readonly cid: string;
  readonly contentDisposition: "inline";
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly InlineAttachment[];
}

export interface RenderEmailOptions {
  /** The email answers another (In-Reply-To is set): the subject starts with "Re: ". */
  readonly replying: boolean;
  /** Draws the message's chart as a PNG. */
  readonly renderChart: (spec: ChartSpec) => Buffer;
}

/** *bold* in the answers' markup: an asterisk, no space, the words, no space, an asterisk ("2 * 3" is not bold). */
const BOLD = /\*(\S(?:[^*\n]*?\S)?)\*/g;

const withoutMarkup = (text: string) => text.replace(BOLD, "$1");

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const REPLY_PREFIX = /^(?:re|rv|res|aw|sv)\s*:/i;

/** The subject: the message's own, or its first line; markup and line breaks gone, cut at a word near 78 characters. */
export function emailSubject(message: Pick<OutboundMessage, "subject" | "text">, replying: boolean): string {
  const source = message.subject?.trim() ? message.subject : (message.text.split("\n").find((line) => line.trim() !== "") ?? message.text);
  let subject = withoutMarkup(source).replace(/\s+/g, " ").trim();
  if (replying && !REPLY_PREFIX.test(subject)) subject = `Re: ${subject}`;
  if (subject.length <= SUBJECT_MAX_CHARS) return subject;
  const cut = subject.slice(0, SUBJECT_MAX_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > SUBJECT_MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

function kpiLine(kpi: KpiField): string {
  return kpi.change ? `${kpi.label}: ${kpi.value} (${kpi.change})` : `${kpi.label}: ${kpi.value}`;
}

function plainText(message: OutboundMessage): string {
  const sections = [withoutMarkup(message.text).trim()];
  if (message.kpis.length > 0) sections.push(message.kpis.map(kpiLine).join("\n"));
  if (message.freshness) sections.push(message.freshness);
  return `${sections.join("\n\n")}\n`;
}

/** Escaped text with *bold* as <strong>: paragraphs at blank lines, <br> at single line breaks. */
function htmlParagraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const body = escapeHtml(paragraph.trim()).replace(BOLD, "<strong>$1</strong>").split("\n").join("<br>\n");
      return `<p style="margin:0 0 14px 0">${body}</p>`;
    })
    .join("\n");
}

function kpiTable(kpis: readonly KpiField[]): string {
  const cell = "padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;vertical-align:top";
  const rows = kpis.map(
    (kpi) =>
      `<tr><td style="${cell};color:#4b5563">${escapeHtml(kpi.label)}</td>` +
      `<td style="${cell};font-weight:600;white-space:nowrap">${escapeHtml(kpi.value)}</td>` +
      `<td style="${cell};color:#4b5563">${escapeHtml(kpi.change ?? "")}</td></tr>`,
  );
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px 0;font-size:14px">\n${rows.join("\n")}\n</table>`;
}

function htmlDocument(message: OutboundMessage, subject: string): string {
  const parts = [htmlParagraphs(message.text)];
  if (message.kpis.length > 0) parts.push(kpiTable(message.kpis));
  if (message.chart) {
    parts.push(`<p style="margin:0 0 16px 0"><img src="cid:${CHART_CID}" alt="${escapeHtml(message.chart.title)}" style="display:block;max-width:100%;height:auto;border:0"></p>`);
  }
  if (message.freshness) parts.push(`<p style="margin:16px 0 0 0;color:#6b7280;font-size:12px">${escapeHtml(message.freshness)}</p>`);
  return [
    "<!doctype html>",
    `<html lang="${message.language}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff">',
    '<div style="max-width:640px;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#111827">',
    ...parts,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

export function renderEmail(message: OutboundMessage, options: RenderEmailOptions): RenderedEmail {
  const subject = emailSubject(message, options.replying);
  const attachments: InlineAttachment[] = message.chart
    ? [{ filename: "chart.png", content: options.renderChart(message.chart), contentType: "image/png", cid: CHART_CID, contentDisposition: "inline" }]
    : [];
  return { subject, text: plainText(message), html: htmlDocument(message, subject), attachments };
}
