/**
 * The daily digest as each channel's OutboundMessage, in the member's language. Email: a subject
 * ("Resumen de ayer · Moda Norte · 20 nov"), the full text, the KPIs as a table, the 14-day chart
 * and the freshness footer. Slack: the same text with the KPIs as fields and Approve/Reject buttons
 * when one change waits; no chart. WhatsApp: a short form within 900 characters (every headline
 * figure on two lines, the top insights as one-liners, the approvals with the reply that approves
 * them, the suggested question), no chart. Every channel shows the same figure strings
 * (digestFigures).
 */
import type { Language } from "../../agents/shared/language.ts";
import { formatDate } from "../../agents/answers/format/dates.ts";
import type { Phrases } from "../../agents/answers/format/phrases.ts";
import type { DigestFacts, PeriodKpis } from "../../engines/digest/types.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import { digestFigures, inlineFigure, kpiName, type KpiFigure } from "./digest-figures.ts";
import {
  approvalButtonsFor,
  approvalLine,
  clip,
  dayInWords,
  describeInsights,
  freshnessOf,
  insightBlock,
  kpiFields,
  previousWeekday,
  questionLine,
  say,
  seriesChart,
  spanInWords,
  type DescribedInsight,
  type DigestRenderContext,
} from "./digest-parts.ts";
import { reportMessage } from "./report-message.ts";
import type { ShortLevel } from "./whatsapp-short.ts";

export { digestFigures } from "./digest-figures.ts";
export type { DigestChannel, DigestRenderContext, InsightDescription } from "./digest-parts.ts";

const TITLE: Phrases = { en: "Yesterday's summary", es: "Resumen de ayer", pt: "Resumo de ontem" };
const TOP_INSIGHTS: Phrases = { en: "*What matters most*", es: "*Lo más importante*", pt: "*O mais importante*" };
const PENDING: Phrases = { en: "*Waiting for approval*", es: "*Pendientes de aprobación*", pt: "*Aguardando aprovação*" };
const NO_DATA: Phrases = { en: "no data yet", es: "sin datos todavía", pt: "sem dados ainda" };

/** "Resumen de ayer · Moda Norte · 20 nov". */
export function digestSubject(facts: DigestFacts, language: Language): string {
  return `${TITLE[language]} · ${facts.workspace.name} · ${formatDate(facts.yesterday, language, false)}`;
}

/** How the two periods are named: the day, and the week to date (or last week, when yesterday ended it). */
function periodNames(facts: DigestFacts, language: Language) {
  const week = facts.weekComplete
    ? { en: "Last week", es: "La semana pasada", pt: "Semana passada" }
    : { en: "Week to date", es: "En la semana", pt: "Na semana" };
  const weekAgainst = facts.weekComplete
    ? { en: "the week before", es: "la semana anterior", pt: "a semana anterior" }
    : { en: "the same days last week", es: "los mismos días de la semana anterior", pt: "os mesmos dias da semana anterior" };
  const weekField = facts.weekComplete ? { en: "last week", es: "semana pasada", pt: "semana passada" } : { en: "week to date", es: "semana", pt: "semana" };
  return {
    day: { name: say(language, { en: "Yesterday", es: "Ayer", pt: "Ontem" }), against: previousWeekday(facts.yesterday, language), field: say(language, { en: "yesterday", es: "ayer", pt: "ontem" }) },
    week: { name: week[language], against: weekAgainst[language], field: weekField[language] },
  };
}

/** "*Ayer* (vie 20 nov): ventas netas *$4,394*, ▼ 80.0% vs el viernes anterior." */
function headline(name: string, when: string, figures: readonly KpiFigure[], against: string, language: Language): string {
  const main = figures[0];
  if (main === undefined) return `*${name}* (${when}): ${NO_DATA[language]}.`;
  const change = main.change === null ? "" : `, ${main.change} vs ${against}`;
  return `*${name}* (${when}): ${kpiLabelInText(main)} *${main.value}*${change}.`;
}

/** A label inside a sentence: lower case unless it starts with an acronym ("MRR"). */
function kpiLabelInText(figure: KpiFigure): string {
  return /^[A-Z]{2,}/.test(figure.label) ? figure.label : figure.label.charAt(0).toLowerCase() + figure.label.slice(1);
}

/** "*Ayer* (vie 20 nov vs vie 13 nov): ventas $4,394 (▼ 80.0%) · pedidos 4 (▼ 69.2%) · …" */
function summaryLine(name: string, period: PeriodKpis, figures: readonly KpiFigure[], day: boolean, language: Language): string {
  const when = day ? `${dayInWords(period.span.start, language)} vs ${dayInWords(period.comparison.start, language)}` : `${spanInWords(period.span, language)} vs ${spanInWords(period.comparison, language)}`;
  const body = figures.length === 0 ? NO_DATA[language] : figures.map(inlineFigure).join(" · ");
  return `*${name}* (${when}): ${body}`;
}

function fullText(facts: DigestFacts, context: DigestRenderContext, described: readonly DescribedInsight[]): string {
  const language = context.language;
  const figures = digestFigures(facts, context);
  const names = periodNames(facts, language);
  const sections = [
    `*${TITLE[language]} · ${facts.workspace.name}*`,
    [
      headline(names.day.name, dayInWords(facts.yesterday, language), figures.day, names.day.against, language),
      headline(names.week.name, spanInWords(facts.weekToDate.span, language), figures.weekToDate, names.week.against, language),
    ].join("\n"),
  ];
  if (described.length > 0) sections.push(`${TOP_INSIGHTS[language]}\n${insightBlock(described)}`);
  if (facts.pendingApprovals.length > 0) sections.push(`${PENDING[language]}\n${facts.pendingApprovals.map((approval) => `• ${approvalLine(approval, context, false)}`).join("\n")}`);
  sections.push(questionLine(facts.suggestedQuestion, language));
  return sections.join("\n\n");
}

function shortText(facts: DigestFacts, context: DigestRenderContext, described: readonly DescribedInsight[], level: ShortLevel): string {
  const language = context.language;
  const figures = digestFigures(facts, context);
  const names = periodNames(facts, language);
  const weekName = facts.weekComplete ? names.week.name : say(language, { en: "Week to date", es: "Semana", pt: "Semana" });
  const sections = [
    [`*${TITLE[language]} · ${facts.workspace.name}*`, summaryLine(names.day.name, facts.day, figures.day, true, language), summaryLine(weekName, facts.weekToDate, figures.weekToDate, false, language)].join("\n"),
  ];
  const insights = described.slice(0, level.insights);
  if (insights.length > 0) sections.push(`${TOP_INSIGHTS[language]}\n${insights.map(({ text }, index) => `${index + 1}. ${clip(text.title, level.lineChars)}`).join("\n")}`);
  const approvals = facts.pendingApprovals.slice(0, level.approvals);
  if (approvals.length > 0) {
    const more = facts.pendingApprovals.length - approvals.length;
    const lines = approvals.map((approval) => `• ${approvalLine(approval, context, true)}`);
    if (more > 0) lines.push(say(language, { en: `…and ${more} more`, es: `…y ${more} más`, pt: `…e mais ${more}` }));
    sections.push(`${PENDING[language]}\n${lines.join("\n")}`);
  }
  sections.push(questionLine(facts.suggestedQuestion, language));
  return sections.join("\n\n");
}

/** The digest as `context.channel`'s message, in `context.language`. */
export function renderDigest(facts: DigestFacts, context: DigestRenderContext): OutboundMessage {
  const language = context.language;
  const subject = digestSubject(facts, language);
  const freshness = freshnessOf(facts.freshness, context);
  const described = describeInsights(facts.insights, context);
  const figures = digestFigures(facts, context);
  const names = periodNames(facts, language);
  const kpis = [
    ...kpiFields(figures.day, facts.day.comparison, language, names.day.field, figures.day.length),
    ...kpiFields(figures.weekToDate, facts.weekToDate.comparison, language, names.week.field, figures.weekToDate.length),
  ];
  const mainLabel = facts.series === null ? "" : kpiName({ metric: facts.series.metric, label: facts.series.label }, language);
  return reportMessage(context.channel, {
    language,
    subject,
    kpis,
    freshness,
    fullText: () => fullText(facts, context, described),
    shortText: (level) => shortText(facts, context, described, level),
    chart: () => seriesChart(facts.series, mainLabel, context),
    buttons: approvalButtonsFor(facts.pendingApprovals, context),
  });
}
