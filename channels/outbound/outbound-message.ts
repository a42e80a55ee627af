/**
 * What the product says on a channel, before any channel's format: kept in the outbox (payload
 * jsonb, validated when read) and turned into Block Kit, WhatsApp messages or an email by each
 * channel's sender at delivery time. Text uses the answers' light markup: *bold* and line breaks.
 */
import { z } from "zod";
import { LANGUAGES } from "../../agents/shared/language.ts";

export const kpiFieldSchema = z.object({
  label: z.string().min(1).describe("What the figure is, e.g. 'Net sales'"),
  value: z.string().min(1).describe("The figure, already formatted for the locale, e.g. 'MX$1,193,346'"),
  change: z.string().nullable().describe("The change against the comparison, formatted, e.g. '▲ 85.1% vs the previous week'; null without one"),
});
export type KpiField = z.infer<typeof kpiFieldSchema>;

export const chartSeriesSchema = z.object({
  name: z.string().min(1).describe("Legend label, e.g. 'Net sales' or 'Previous period'"),
  values: z.array(z.number().nullable()).describe("One value per label, in display units (money in major units); null for a gap"),
});

export const chartSpecSchema = z.object({
  title: z.string().min(1).describe("Chart title, e.g. 'Net sales by week'"),
  labels: z.array(z.string()).min(2).describe("X-axis labels, one per point, formatted for the locale"),
  series: z.array(chartSeriesSchema).min(1).max(3).describe("Up to three lines; the first is the main one"),
  unit: z.enum(["money", "count", "ratio"]).describe("How to label the y axis"),
  currency: z.string().length(3).nullable().describe("ISO 4217 code for money charts"),
  locale: z.string().min(2).describe("BCP 47 locale for axis numbers, e.g. es-MX"),
});
export type ChartSpec = z.infer<typeof chartSpecSchema>;

export const replyButtonSchema = z.object({
  id: z.string().min(1).max(256).describe("What the click means to its handler, e.g. 'approve:4F2K'"),
  title: z.string().min(1).max(20).describe("The button text (WhatsApp allows 20 characters)"),
});
export type ReplyButton = z.infer<typeof replyButtonSchema>;

export const outboundMessageSchema = z.object({
  text: z.string().min(1).describe("The whole message in the answers' light markup (*bold*, line breaks)"),
  language: z.enum(LANGUAGES).describe("The language the text is written in"),
  subject: z.string().nullable().describe("Email subject; other channels ignore it"),
  kpis: z.array(kpiFieldSchema).max(10).describe("Headline figures (Slack fields, an email table); may repeat figures in the text"),
  freshness: z.string().nullable().describe("The data-freshness line, shown apart (Slack context block, email footer)"),
  chart: chartSpecSchema.nullable().describe("A trend to draw as a PNG, when one was asked for"),
  buttons: z.array(replyButtonSchema).max(3).describe("Reply buttons (approvals); WhatsApp shows at most three"),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

/** A plain text message with nothing else. */
export function textMessage(text: string, language: OutboundMessage["language"], subject: string | null = null): OutboundMessage {
  return { text, language, subject, kpis: [], freshness: null, chart: null, buttons: [] };
}
