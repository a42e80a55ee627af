/**
 * The pieces the digest and the weekly report share on every channel, in en/es/pt: the render
 * options, days and weekdays in words, the KPI fields (Slack fields, the email table), the insight
 * lines, the pending approvals with the reply that approves them, the suggested question, the
 * freshness line and the chart of the main metric.
 */
import type { Language } from "../../agents/shared/language.ts";
import { formatDate, formatDateTime, formatRange } from "../../agents/answers/format/dates.ts";
import { capitalise } from "../../agents/answers/format/labels.ts";
import { money } from "../../agents/answers/format/numbers.ts";
import type { Phrases } from "../../agents/answers/format/phrases.ts";
import { freshnessLine } from "../../agents/answers/freshness-line.ts";
import type { DaySpan, InsightFact, PendingApproval, SeriesFact } from "../../engines/digest/types.ts";
import type { LocalizedText } from "../../engines/insights/types.ts";
import type { Freshness } from "../../engines/metrics/query/freshness.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { weekdayOf } from "../../lib/calendar-date.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import { approvalButtons } from "../approvals/approval-messages.ts";
import type { ChartSpec, KpiField, ReplyButton } from "../outbound/outbound-message.ts";
import { figureContext, type KpiFigure } from "./digest-figures.ts";

export type DigestChannel = "email" | "slack" | "whatsapp";

/** An insight in the member's language (agents/answers/insights/insight-text.ts writes it). */
export interface InsightDescription {
  readonly title: string;
  readonly explanation: string;
  readonly action: string;
}

export interface DigestRenderContext {
  readonly channel: DigestChannel;
  readonly language: Language;
  /** The workspace currency (ISO 4217). */
  readonly currency: string;
  /** The member's time zone, for expiry times and the freshness line. */
  readonly timeZone: string;
  readonly describeInsight: (insight: Insight, language: Language) => InsightDescription;
  /** Whether the member may approve price changes (default true): the reply to approve and the buttons are shown only then. */
  readonly canApprove?: boolean;
}

export const say = (language: Language, phrases: Phrases): string => phrases[language];

const SHORT_WEEKDAYS: Readonly<Record<Language, readonly string[]>> = {
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  es: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
  pt: ["dom", "seg", "ter", "qua", "qui", "sex", "sáb"],
};

/** "the previous Friday" / "el viernes anterior" / "a sexta-feira anterior", Sunday first. */
const PREVIOUS_WEEKDAY: Readonly<Record<Language, readonly string[]>> = {
  en: ["the previous Sunday", "the previous Monday", "the previous Tuesday", "the previous Wednesday", "the previous Thursday", "the previous Friday", "the previous Saturday"],
  es: ["el domingo anterior", "el lunes anterior", "el martes anterior", "el miércoles anterior", "el jueves anterior", "el viernes anterior", "el sábado anterior"],
  pt: ["o domingo anterior", "a segunda-feira anterior", "a terça-feira anterior", "a quarta-feira anterior", "a quinta-feira anterior", "a sexta-feira anterior", "o sábado anterior"],
};

/** "Fri, Nov 20" / "vie 20 nov" / "sex 20 nov". */
export function dayInWords(date: string, language: Language): string {
  const weekday = SHORT_WEEKDAYS[language][weekdayOf(date)] ?? "";
  return language === "en" ? `${weekday}, ${formatDate(date, language, false)}` : `${weekday} ${formatDate(date, language, false)}`;
}

export function previousWeekday(date: string, language: Language): string {
  return PREVIOUS_WEEKDAY[language][weekdayOf(date)] ?? "";
}

/** "Nov 16–20" / "16–20 nov" (one day: "Nov 20"). */
export function spanInWords(span: DaySpan, language: Language): string {
  return formatRange(span.start, span.end, language, false);
}

/** "▲ 12.3% vs $3,934 (Nov 9–13)": the KPI field's change, with what it compares against. */
function fieldChange(figure: KpiFigure, comparison: DaySpan, language: Language): string | null {
  if (figure.change === null || figure.previous === null) return null;
  return `${figure.change} vs ${figure.previous} (${spanInWords(comparison, language)})`;
}

/** KPI fields for the Slack section and the email table, the period named after the label when given. */
export function kpiFields(figures: readonly KpiFigure[], comparison: DaySpan, language: Language, period: string | null, limit: number): KpiField[] {
  return figures.slice(0, limit).map((figure) => ({
    label: period === null ? figure.label : `${figure.label} (${period})`,
    value: figure.value,
    change: fieldChange(figure, comparison, language),
  }));
}

export interface DescribedInsight {
  readonly fact: InsightFact;
  readonly text: InsightDescription;
}

export function describeInsights(insights: readonly InsightFact[], context: DigestRenderContext): DescribedInsight[] {
  return insights.map((fact) => ({ fact, text: context.describeInsight(fact.insight, context.language) }));
}

/** "1. *Title*\nExplanation\n→ Action" for the email and Slack. */
export function insightBlock(described: readonly DescribedInsight[]): string {
  return described
    .map(({ text }, index) => {
      const lines = [`${index + 1}. *${text.title}*`];
      if (text.explanation.trim() !== "") lines.push(text.explanation.trim());
      if (text.action.trim() !== "") lines.push(`→ ${text.action.trim()}`);
      return lines.join("\n");
    })
    .join("\n\n");
}

/** Cuts a one-liner at a word, with an ellipsis. */
export function clip(text: string, limit: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= limit) return line;
  const room = line.slice(0, limit - 1);
  const space = room.lastIndexOf(" ");
  return `${(space > limit * 0.6 ? room.slice(0, space) : room).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** "Reply *YES 4F2K* to approve" / "Responda *SI 4F2K* para aprobar" / "Responda *SIM 4F2K* para aprovar". */
export function approveHint(code: string, language: Language): string {
  return say(language, { en: `Reply *YES ${code}* to approve`, es: `Responda *SI ${code}* para aprobar`, pt: `Responda *SIM ${code}* para aprovar` });
}

function priceChange(approval: PendingApproval, context: DigestRenderContext): string {
  const format = figureContext({ language: context.language, currency: approval.currency });
  return `${money(approval.currentPriceCents, format)} → *${money(approval.proposedPriceCents, format)}*`;
}

/** One pending approval: product, current → proposed price, the expiry (long form) and the reply that approves it. */
export function approvalLine(approval: PendingApproval, context: DigestRenderContext, short: boolean): string {
  const language = context.language;
  const what = approval.kind === "undo" ? say(language, { en: "undo", es: "deshacer", pt: "desfazer" }) + " · " : "";
  const head = `*${approval.product}*: ${what}${priceChange(approval, context)}`;
  const canApprove = context.canApprove ?? true;
  if (short) return canApprove ? `${head}. ${approveHint(approval.code, language)}.` : `${head} (${approval.code}).`;
  const expires = formatDateTime(approval.expiresAt, context.timeZone, language);
  const until = say(language, { en: `expires ${expires}`, es: `vence ${expires}`, pt: `expira ${expires}` });
  return canApprove ? `${head} (${approval.code}, ${until}). ${approveHint(approval.code, language)}.` : `${head} (${approval.code}, ${until}).`;
}

/** Approve/Reject buttons when exactly one change waits and the member may approve it. */
export function approvalButtonsFor(approvals: readonly PendingApproval[], context: DigestRenderContext): ReplyButton[] {
  const only = approvals.length === 1 ? approvals[0] : undefined;
  return only !== undefined && (context.canApprove ?? true) ? approvalButtons(only.code, context.language) : [];
}

export function questionLine(question: LocalizedText, language: Language): string {
  return `${say(language, { en: "*Try asking:*", es: "*Pregunta sugerida:*", pt: "*Pergunta sugerida:*" })} ${question[language]}`;
}

export function freshnessOf(freshness: readonly Freshness[], context: DigestRenderContext): string | null {
  return freshnessLine(freshness, { ...figureContext(context), timeZone: context.timeZone });
}

const SERIES_TITLE: Readonly<Record<SeriesFact["grain"], Phrases>> = {
  day: { en: "{label}, last {n} days", es: "{label}, últimos {n} días", pt: "{label}, últimos {n} dias" },
  week: { en: "{label} by week", es: "{label} por semana", pt: "{label} por semana" },
};

/** The main metric's trend as a chart (money in major units), labelled with short dates. */
export function seriesChart(series: SeriesFact | null, label: string, context: Pick<DigestRenderContext, "language" | "currency">): ChartSpec | null {
  if (series === null || series.points.length < 2) return null;
  const language = context.language;
  const scale = series.unit === "money" ? 10 ** currencyMinorDigits(context.currency) : 1;
  const acrossYears = series.points[0]!.date.slice(0, 4) !== series.points[series.points.length - 1]!.date.slice(0, 4);
  return {
    title: capitalise(SERIES_TITLE[series.grain][language].replace("{label}", label).replace("{n}", String(series.points.length))),
    labels: series.points.map((point) => formatDate(point.date, language, acrossYears)),
    series: [{ name: capitalise(label), values: series.points.map((point) => (point.value === null ? null : point.value / scale)) }],
    unit: series.unit === "money" ? "money" : series.unit === "ratio" ? "ratio" : "count",
    currency: series.unit === "money" ? context.currency : null,
    locale: figureContext(context).locale,
  };
}
