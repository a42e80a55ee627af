/**
 * An insight in the member's language: a short title, a one-paragraph explanation with the numbers
 * from its evidence (money in the workspace currency, as the locale writes it), and the recommended
 * action. The digest, alerts and the "why did you send me this?" answer all call insightText, so the
 * same insight reads the same everywhere. Evidence is parsed per type (engines/insights/evidence.ts);
 * when it does not parse, the text falls back to the stored English title and summary, which are true.
 */
import { parseEvidence, insightActionSchema, type ParsedEvidence } from "../../../engines/insights/evidence.ts";
import { assertNever } from "../../../lib/assert-never.ts";
import type { Language } from "../../shared/language.ts";
import { money } from "../format/numbers.ts";
import type { AnswerContext } from "../types.ts";
import { churnText, expansionText, syncText } from "./account-texts.ts";
import { overstockText, pricingText, stockoutText, undercutText } from "./catalog-texts.ts";
import { anomalyText, campaignText, segmentText, trendText } from "./metric-texts.ts";
import type { Phrases, Text } from "./text-parts.ts";

export interface InsightTextInput {
  readonly type: string;
  readonly severity: string;
  readonly evidence: unknown;
  readonly action: unknown;
  readonly impact_cents: number | null;
  /** The stored English one-liners: the fallback when the evidence does not parse. */
  readonly title?: string;
  readonly summary?: string;
}

export interface InsightTextContext {
  readonly language: Language;
  readonly currency: string;
  readonly timeZone: string;
}

export interface InsightText {
  readonly title: string;
  readonly explanation: string;
  readonly action: string;
}

export function insightText(insight: InsightTextInput, ctx: InsightTextContext): InsightText {
  const parsed = parseEvidence(insight.type, insight.evidence);
  const action = actionText(insight, ctx.language);
  if (parsed === null) return fallbackText(insight, ctx, action);
  // The number formatters take an answer context; only language, currency and time zone matter to them.
  const context: AnswerContext = { language: ctx.language, currency: currencyOf(parsed, ctx.currency), timeZone: ctx.timeZone, now: new Date(0).toISOString(), workspaceName: "" };
  const text = textFor(parsed, insight.impact_cents, context);
  return { title: text.title[ctx.language], explanation: text.explanation, action };
}

function currencyOf(parsed: ParsedEvidence, fallback: string): string {
  return "currency" in parsed.evidence && parsed.evidence.currency ? parsed.evidence.currency : fallback;
}

function textFor(parsed: ParsedEvidence, impactCents: number | null, c: AnswerContext): Text {
  switch (parsed.type) {
    case "metric_anomaly":
      return anomalyText(parsed.evidence, c);
    case "trend_break":
      return trendText(parsed.evidence, c);
    case "stockout_risk":
      return stockoutText(parsed.evidence, impactCents, c);
    case "overstock":
      return overstockText(parsed.evidence, c);
    case "competitor_undercut":
      return undercutText(parsed.evidence, impactCents, c);
    case "pricing_opportunity":
      return pricingText(parsed.evidence, c);
    case "campaign_efficiency":
      return campaignText(parsed.evidence, c);
    case "segment_shift":
      return segmentText(parsed.evidence, c);
    case "churn_risk":
      return churnText(parsed.evidence, c);
    case "expansion":
      return expansionText(parsed.evidence, c);
    case "sync_failed":
      return syncText(parsed.evidence, c);
    default:
      return assertNever(parsed, "insight evidence");
  }
}

const TYPE_NAMES: Readonly<Record<string, Phrases>> = {
  metric_anomaly: { en: "Unusual change in a metric", es: "Cambio inusual en una métrica", pt: "Mudança incomum em uma métrica" },
  trend_break: { en: "A metric broke its trend", es: "Una métrica rompió su tendencia", pt: "Uma métrica quebrou a tendência" },
  stockout_risk: { en: "Stockout risk", es: "Riesgo de quiebre de stock", pt: "Risco de ruptura de estoque" },
  overstock: { en: "Overstock", es: "Exceso de inventario", pt: "Excesso de estoque" },
  competitor_undercut: { en: "A competitor undercut our price", es: "Un competidor bajó de nuestro precio", pt: "Um concorrente ficou abaixo do nosso preço" },
  pricing_opportunity: { en: "Pricing opportunity", es: "Oportunidad de precio", pt: "Oportunidade de preço" },
  campaign_efficiency: { en: "Campaign efficiency changed", es: "Cambió la eficiencia de una campaña", pt: "Mudou a eficiência de uma campanha" },
  segment_shift: { en: "A customer segment shifted", es: "Cambió un segmento de clientes", pt: "Mudou um segmento de clientes" },
  churn_risk: { en: "Revenue at risk of churning", es: "Ingresos en riesgo de cancelación", pt: "Receita em risco de cancelamento" },
  expansion: { en: "Accounts expanding", es: "Cuentas que crecen", pt: "Contas crescendo" },
  sync_failed: { en: "A data source failed to sync", es: "Falló la sincronización de una fuente de datos", pt: "Falhou a sincronização de uma fonte de dados" },
};

const SEVERITY_NAMES: Readonly<Record<string, Phrases>> = {
  info: { en: "info", es: "informativo", pt: "informativo" },
  warning: { en: "warning", es: "advertencia", pt: "alerta" },
  critical: { en: "critical", es: "crítico", pt: "crítico" },
};

/** Evidence that does not parse: the stored English one-liners (true, if not translated) and the impact. */
function fallbackText(insight: InsightTextInput, ctx: InsightTextContext, action: string): InsightText {
  const language = ctx.language;
  const typeName = TYPE_NAMES[insight.type]?.[language] ?? insight.type.replace(/_/g, " ");
  const title = language === "en" && insight.title ? insight.title : typeName;
  const context: AnswerContext = { language, currency: ctx.currency, timeZone: ctx.timeZone, now: new Date(0).toISOString(), workspaceName: "" };
  const severity = SEVERITY_NAMES[insight.severity]?.[language];
  const parts: string[] = [];
  if (language !== "en" && insight.title) parts.push(`${typeName}${severity ? ` (${severity})` : ""}: ${insight.title}.`);
  if (insight.summary) parts.push(insight.summary);
  if (insight.impact_cents !== null && insight.impact_cents > 0) {
    const impact = money(insight.impact_cents, context);
    parts.push({ en: `Estimated impact: ${impact}.`, es: `Impacto estimado: ${impact}.`, pt: `Impacto estimado: ${impact}.` }[language]);
  }
  if (parts.length === 0) parts.push(typeName + ".");
  return { title, explanation: parts.join(" "), action };
}

const GENERIC_ACTIONS: Phrases = { en: "Want me to look into it?", es: "¿Quieres que lo revise?", pt: "Quer que eu analise isso?" };

/** The stored recommended action in the language: a question to ask, or the proposal to request. */
function actionText(insight: InsightTextInput, language: Language): string {
  const action = insightActionSchema.safeParse(insight.action);
  if (!action.success) return GENERIC_ACTIONS[language];
  switch (action.data.kind) {
    case "question":
      return action.data.question[language];
    case "proposal":
      return action.data.request[language];
    default:
      return assertNever(action.data, "insight action");
  }
}
