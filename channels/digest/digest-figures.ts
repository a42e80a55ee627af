/**
 * The digest's and the weekly report's figures as strings, formatted once with the answers'
 * formatters (agents/answers/format) so every channel shows the very same value and change for a
 * KPI: "$4,394" and "▼ 80.0%" in the email's table, the Slack fields and the WhatsApp text alike.
 * Changes are relative ("▲ 12.3%"), in points for rates ("▲ 0.2 pp"), or absolute when the
 * comparison was zero ("▲ $1,250").
 */
import type { Language } from "../../agents/shared/language.ts";
import { capitalise, metricLabel } from "../../agents/answers/format/labels.ts";
import { decimal, metricValue, percent } from "../../agents/answers/format/numbers.ts";
import type { Phrases } from "../../agents/answers/format/phrases.ts";
import type { DigestFacts, KpiFact, WeeklyFacts } from "../../engines/digest/types.ts";
import { formatContextOf, type FormatContext } from "../outbound/from-turn-context.ts";

/** What formatting needs: the member's language and the workspace currency. */
export interface FigureContext {
  readonly language: Language;
  readonly currency: string;
}

/** One KPI's formatted figures. */
export interface KpiFigure {
  readonly metric: string;
  /** Its name in the language, sentence case ("Ventas netas"). */
  readonly label: string;
  /** A short name for one-line summaries ("ventas"). */
  readonly shortLabel: string;
  readonly value: string;
  /** "▲ 12.3%", "▼ 0.4 pp", "no change"…; null without a comparison value. */
  readonly change: string | null;
  /** The comparison period's value, formatted; null without one. */
  readonly previous: string | null;
}

export interface DigestFigures {
  /** Yesterday against the same weekday a week earlier. */
  readonly day: readonly KpiFigure[];
  /** The week to date against the same days of the previous week. */
  readonly weekToDate: readonly KpiFigure[];
}

export interface WeeklyFigures {
  readonly week: readonly KpiFigure[];
}

/** Names the answers' label table does not translate. */
const LABELS: Readonly<Record<string, Phrases>> = {
  expansion_mrr: { en: "expansion MRR", es: "MRR de expansión", pt: "MRR de expansão" },
};

const SHORT_LABELS: Readonly<Record<string, Phrases>> = {
  net_sales: { en: "sales", es: "ventas", pt: "vendas" },
  orders: { en: "orders", es: "pedidos", pt: "pedidos" },
  aov: { en: "AOV", es: "ticket", pt: "ticket" },
  conversion_rate: { en: "conversion", es: "conversión", pt: "conversão" },
  mrr: { en: "MRR", es: "MRR", pt: "MRR" },
  new_mrr: { en: "new", es: "nuevo", pt: "novo" },
  expansion_mrr: { en: "expansion", es: "expansión", pt: "expansão" },
  churned_mrr: { en: "churned", es: "perdido", pt: "perdido" },
  net_new_mrr: { en: "net new MRR", es: "MRR neto nuevo", pt: "MRR líquido novo" },
  active_subscriptions: { en: "subscriptions", es: "suscripciones", pt: "assinaturas" },
};

/** KPIs shown per period on every channel (two periods fill the ten KPI fields a message carries). */
export const MAX_KPIS_PER_PERIOD = 5;

const NO_CHANGE: Phrases = { en: "no change", es: "sin cambios", pt: "sem mudança" };

export function figureContext(context: FigureContext): FormatContext {
  return formatContextOf(context.language, context.currency);
}

/** A KPI's name in the language ("ventas netas", "MRR"), lower case except acronyms. */
export function kpiName(kpi: Pick<KpiFact, "metric" | "label">, language: Language): string {
  return LABELS[kpi.metric]?.[language] ?? metricLabel(kpi.metric, kpi.label, language);
}

/** The change of a KPI against its comparison, as every channel shows it. */
export function changeFigure(kpi: KpiFact, context: FormatContext): string | null {
  if (kpi.value === null || kpi.previous === null || kpi.change === null) return null;
  if (kpi.change === 0) return NO_CHANGE[context.language];
  const arrow = kpi.change > 0 ? "▲" : "▼";
  if (kpi.unit === "ratio") return `${arrow} ${decimal(Math.abs(kpi.change) * 100, context, 1, 1)} pp`;
  if (kpi.changePct !== null) return `${arrow} ${percent(Math.abs(kpi.changePct), context)}`;
  return `${arrow} ${metricValue(Math.abs(kpi.change), kpi.unit, context)}`;
}

export function kpiFigure(kpi: KpiFact, context: FormatContext): KpiFigure {
  const language = context.language;
  return {
    metric: kpi.metric,
    label: capitalise(kpiName(kpi, language)),
    shortLabel: SHORT_LABELS[kpi.metric]?.[language] ?? kpiName(kpi, language),
    value: metricValue(kpi.value, kpi.unit, context),
    change: changeFigure(kpi, context),
    previous: kpi.previous === null ? null : metricValue(kpi.previous, kpi.unit, context),
  };
}

/** The digest's KPI figures, formatted once for every channel. */
export function digestFigures(facts: DigestFacts, context: FigureContext): DigestFigures {
  const format = figureContext(context);
  const figures = (kpis: readonly KpiFact[]) => kpis.slice(0, MAX_KPIS_PER_PERIOD).map((kpi) => kpiFigure(kpi, format));
  return { day: figures(facts.day.kpis), weekToDate: figures(facts.weekToDate.kpis) };
}

/** The weekly report's KPI figures, formatted once for every channel. */
export function weeklyFigures(facts: WeeklyFacts, context: FigureContext): WeeklyFigures {
  const format = figureContext(context);
  return { week: facts.kpis.kpis.slice(0, MAX_KPIS_PER_PERIOD * 2).map((kpi) => kpiFigure(kpi, format)) };
}

/** "ventas $4,394 (▼ 80.0%)": one KPI in a one-line summary. */
export function inlineFigure(figure: KpiFigure): string {
  return figure.change === null ? `${figure.shortLabel} ${figure.value}` : `${figure.shortLabel} ${figure.value} (${figure.change})`;
}
