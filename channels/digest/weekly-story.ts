/**
 * The weekly report's story in words, en/es/pt: how the main metric moved and which categories and
 * sales channels moved it (the drivers), or for a SaaS business how new, expansion and churned MRR
 * added up; and the customer segments worth a look (RFM at risk, cannot lose them).
 */
import type { Language } from "../../agents/shared/language.ts";
import { segmentLabel } from "../../agents/answers/analytics/rfm-labels.ts";
import { capitalise, dimensionLabel, memberLabel } from "../../agents/answers/format/labels.ts";
import { count, metricValue, percent } from "../../agents/answers/format/numbers.ts";
import { listInWords, type Phrases } from "../../agents/answers/format/phrases.ts";
import type { DriverContribution, DriverFact, SegmentFact, WeeklyFacts } from "../../engines/digest/types.ts";
import { isRfmSegment } from "../../engines/metrics/analysis/rfm-segments.ts";
import type { FormatContext } from "../outbound/from-turn-context.ts";
import { kpiName, type KpiFigure } from "./digest-figures.ts";
import { say } from "./digest-parts.ts";

const ROSE: Phrases = { en: "rose", es: "subieron", pt: "subiram" };
const FELL: Phrases = { en: "fell", es: "bajaron", pt: "caíram" };
const ROSE_ONE: Phrases = { en: "rose", es: "subió", pt: "subiu" };
const FELL_ONE: Phrases = { en: "fell", es: "bajó", pt: "caiu" };

/** "+$16,629" / "−$1,250". */
function signed(value: number, unit: DriverFact["unit"], context: FormatContext): string {
  return `${value < 0 ? "−" : "+"}${metricValue(Math.abs(value), unit, context)}`;
}

function contribution(driver: DriverContribution, fact: DriverFact, first: boolean, context: FormatContext): string {
  const language = context.language;
  const share = percent(driver.share, context, 0);
  const ofChange = first ? say(language, { en: ` of the change`, es: ` del cambio`, pt: ` da mudança` }) : "";
  return `${memberLabel(driver.label, language)} ${signed(driver.change, fact.unit, context)} (${share}${ofChange})`;
}

/** "• Por categoría: Calzado +$16,629 (59% del cambio), Accesorios +$4,705 (17%) y Sudaderas +$3,517 (12%)". */
function driverLine(fact: DriverFact, context: FormatContext): string {
  const language = context.language;
  const by = say(language, { en: "By", es: "Por", pt: "Por" });
  const items = fact.drivers.map((driver, index) => contribution(driver, fact, index === 0, context));
  return `• ${by} ${dimensionLabel(fact.dimension, language)}: ${listInWords(items, language)}.`;
}

/** "Las ventas netas subieron $28,231 frente a la semana anterior." */
function movedSentence(label: string, plural: boolean, change: number, unit: DriverFact["unit"], context: FormatContext): string {
  const language = context.language;
  const verb = (change >= 0 ? (plural ? ROSE : ROSE_ONE) : plural ? FELL : FELL_ONE)[language];
  const amount = metricValue(Math.abs(change), unit, context);
  const article = say(language, { en: "", es: plural ? "Las " : "El ", pt: plural ? "As " : "O " });
  const subject = language === "en" ? capitalise(label) : `${article}${label}`;
  const against = say(language, { en: "from the week before", es: "frente a la semana anterior", pt: "em relação à semana anterior" });
  return `${subject} ${verb} ${amount} ${against}.`;
}

/** What changed and why, as lines under the section title; empty when nothing moved. */
export function storyLines(facts: WeeklyFacts, figures: readonly KpiFigure[], context: FormatContext): string[] {
  const language = context.language;
  const main = facts.kpis.kpis[0];
  if (main === undefined || main.change === null || main.change === 0) return [];
  const label = kpiName(main, language);
  const lines = [movedSentence(label, main.metric === "net_sales", main.change, main.unit, context)];
  if (facts.drivers.length > 0) return [...lines, ...facts.drivers.map((fact) => driverLine(fact, context))];
  // SaaS: the MRR movements the KPIs already hold, named with their figures.
  const movements = figures.filter((figure) => figure.metric.endsWith("_mrr")).map((figure) => `${figure.shortLabel} ${figure.value}`);
  if (movements.length > 0) lines.push(`• ${capitalise(listInWords(movements, language))}.`);
  return lines;
}

/** The drivers as one short line for WhatsApp: "Calzado +$16,629 · Tienda online +$31,045". */
export function storyShortLine(facts: WeeklyFacts, context: FormatContext): string | null {
  const items = facts.drivers.flatMap((fact) => fact.drivers.slice(0, 2).map((driver) => `${memberLabel(driver.label, context.language)} ${signed(driver.change, fact.unit, context)}`));
  return items.length === 0 ? null : items.join(" · ");
}

const SEGMENT_MEANING: Readonly<Record<string, Phrases>> = {
  at_risk: {
    en: "They bought often and spent well, but not for a long time.",
    es: "Compraban seguido y gastaban bien, pero hace tiempo que no compran.",
    pt: "Compravam com frequência e gastavam bem, mas não compram há tempo.",
  },
  cannot_lose_them: {
    en: "They were among the best customers and have not come back.",
    es: "Estaban entre los mejores clientes y no han vuelto.",
    pt: "Estavam entre os melhores clientes e não voltaram.",
  },
};

function segmentName(segment: string, language: Language): string {
  return isRfmSegment(segment) ? segmentLabel(segment, language) : segment;
}

/** "• *En riesgo*: 101 clientes (98 una semana antes), $271,584 en el último año. Compraban seguido…" */
export function segmentLine(segment: SegmentFact, context: FormatContext): string {
  const language = context.language;
  const customers = count(segment.customers, context);
  const before = count(segment.customersWeekBefore, context);
  const who = say(language, { en: segment.customers === 1 ? "customer" : "customers", es: segment.customers === 1 ? "cliente" : "clientes", pt: segment.customers === 1 ? "cliente" : "clientes" });
  const weekAgo = say(language, { en: `${before} a week earlier`, es: `${before} una semana antes`, pt: `${before} uma semana antes` });
  const value = metricValue(segment.revenueCents, "money", context);
  const year = say(language, { en: `${value} in sales over the last year`, es: `${value} en compras del último año`, pt: `${value} em compras no último ano` });
  const meaning = SEGMENT_MEANING[segment.segment]?.[language];
  return `• *${segmentName(segment.segment, language)}*: ${customers} ${who} (${weekAgo}), ${year}.${meaning === undefined ? "" : ` ${meaning}`}`;
}

/** "En riesgo 101 · No podemos perderlos 20". */
export function segmentsShortLine(segments: readonly SegmentFact[], context: FormatContext): string | null {
  if (segments.length === 0) return null;
  return segments.map((segment) => `${segmentName(segment.segment, context.language)} ${count(segment.customers, context)}`).join(" · ");
}
