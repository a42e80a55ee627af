/**
 * The weekly report as each channel's OutboundMessage, in the member's language: the week's KPIs
 * against the previous week, what changed and why (drivers), customers worth a look (RFM segments),
 * the recommended actions of the top insights and a suggested question. Email: subject, full text,
 * KPI table, the 8-week chart, freshness. Slack: the same text with KPI fields, no chart. WhatsApp:
 * a short form within 900 characters. Every channel shows the same figure strings (weeklyFigures).
 */
import type { Language } from "../../agents/shared/language.ts";
import type { Phrases } from "../../agents/answers/format/phrases.ts";
import type { WeeklyFacts } from "../../engines/digest/types.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import { figureContext, inlineFigure, kpiName, weeklyFigures, type KpiFigure } from "./digest-figures.ts";
import {
  clip,
  describeInsights,
  freshnessOf,
  insightBlock,
  kpiFields,
  questionLine,
  say,
  seriesChart,
  spanInWords,
  type DescribedInsight,
  type DigestRenderContext,
} from "./digest-parts.ts";
import { segmentLine, segmentsShortLine, storyLines, storyShortLine } from "./weekly-story.ts";
import { reportMessage } from "./report-message.ts";
import type { ShortLevel } from "./whatsapp-short.ts";

export { weeklyFigures } from "./digest-figures.ts";

const TITLE: Phrases = { en: "Weekly report", es: "Informe semanal", pt: "Relatório semanal" };
const CHANGED: Phrases = { en: "*What changed and why*", es: "*Qué cambió y por qué*", pt: "*O que mudou e por quê*" };
const SEGMENTS: Phrases = { en: "*Customers worth a look*", es: "*Clientes que merecen atención*", pt: "*Clientes que merecem atenção*" };
const ACTIONS: Phrases = { en: "*Recommended actions*", es: "*Acciones recomendadas*", pt: "*Ações recomendadas*" };
const AGAINST: Phrases = { en: "the week before", es: "la semana anterior", pt: "a semana anterior" };
const NO_DATA: Phrases = { en: "no data for the week", es: "sin datos de la semana", pt: "sem dados da semana" };

/** "Informe semanal · Moda Norte · 9–15 nov". */
export function weeklySubject(facts: WeeklyFacts, language: Language): string {
  return `${TITLE[language]} · ${facts.workspace.name} · ${spanInWords(facts.week, language)}`;
}

/** "Ventas netas *$64,837*, ▲ 77.1% vs la semana anterior (2–8 nov)." */
function headline(facts: WeeklyFacts, figures: readonly KpiFigure[], language: Language): string {
  const main = figures[0];
  if (main === undefined) return `${NO_DATA[language]}.`;
  const change = main.change === null ? "" : `, ${main.change} vs ${AGAINST[language]} (${spanInWords(facts.kpis.comparison, language)})`;
  return `${main.label} *${main.value}*${change}.`;
}

/** The insights with their recommended actions; an action the describer left empty comes from the insight's own. */
function actionsBlock(facts: WeeklyFacts, described: readonly DescribedInsight[], language: Language): string {
  const withActions = described.map((entry) => {
    if (entry.text.action.trim() !== "") return entry;
    const own = facts.actions.find((action) => action.insightId === entry.fact.insight.id)?.action;
    const action = own === undefined ? "" : own.kind === "question" ? own.question[language] : own.request[language];
    return { ...entry, text: { ...entry.text, action } };
  });
  return insightBlock(withActions);
}

function fullText(facts: WeeklyFacts, context: DigestRenderContext, described: readonly DescribedInsight[]): string {
  const language = context.language;
  const format = figureContext(context);
  const figures = weeklyFigures(facts, context).week;
  const sections = [`*${weeklySubject(facts, language)}*\n${headline(facts, figures, language)}`];
  const story = storyLines(facts, figures, format);
  if (story.length > 0) sections.push(`${CHANGED[language]}\n${story.join("\n")}`);
  if (facts.segments.length > 0) sections.push(`${SEGMENTS[language]}\n${facts.segments.map((segment) => segmentLine(segment, format)).join("\n")}`);
  if (described.length > 0) sections.push(`${ACTIONS[language]}\n${actionsBlock(facts, described, language)}`);
  sections.push(questionLine(facts.suggestedQuestion, language));
  return sections.join("\n\n");
}

function shortText(facts: WeeklyFacts, context: DigestRenderContext, described: readonly DescribedInsight[], level: ShortLevel): string {
  const language = context.language;
  const format = figureContext(context);
  const figures = weeklyFigures(facts, context).week;
  const when = `${spanInWords(facts.kpis.span, language)} vs ${spanInWords(facts.kpis.comparison, language)}`;
  const body = figures.length === 0 ? NO_DATA[language] : figures.map(inlineFigure).join(" · ");
  const lines = [`*${weeklySubject(facts, language)}*`, `*${say(language, { en: "Week", es: "Semana", pt: "Semana" })}* (${when}): ${body}`];
  const why = storyShortLine(facts, format);
  if (why !== null) lines.push(`*${say(language, { en: "Why", es: "Por qué", pt: "Por quê" })}:* ${why}`);
  const segments = segmentsShortLine(facts.segments, format);
  if (segments !== null) lines.push(`*${say(language, { en: "Customers", es: "Clientes", pt: "Clientes" })}:* ${segments}`);
  const sections = [lines.join("\n")];
  const insights = described.slice(0, level.insights);
  if (insights.length > 0) {
    const items = insights.map(({ text }, index) => `${index + 1}. ${clip(text.action.trim() === "" ? text.title : text.action, level.lineChars)}`);
    sections.push(`${ACTIONS[language]}\n${items.join("\n")}`);
  }
  sections.push(questionLine(facts.suggestedQuestion, language));
  return sections.join("\n\n");
}

/** The weekly report as `context.channel`'s message, in `context.language`. */
export function renderWeekly(facts: WeeklyFacts, context: DigestRenderContext): OutboundMessage {
  const language = context.language;
  const subject = weeklySubject(facts, language);
  const freshness = freshnessOf(facts.freshness, context);
  const described = describeInsights(facts.insights, context);
  const figures = weeklyFigures(facts, context).week;
  const kpis = kpiFields(figures, facts.kpis.comparison, language, null, figures.length);
  const mainLabel = facts.series === null ? "" : kpiName({ metric: facts.series.metric, label: facts.series.label }, language);
  return reportMessage(context.channel, {
    language,
    subject,
    kpis,
    freshness,
    fullText: () => fullText(facts, context, described),
    shortText: (level) => shortText(facts, context, described, level),
    chart: () => seriesChart(facts.series, mainLabel, context),
    buttons: [],
  });
}
