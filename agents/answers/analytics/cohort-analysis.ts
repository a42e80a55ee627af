/** Answers for cohort_analysis: cohort sizes, the average retention curve, best and worst cohorts. */
import type { CohortRanking } from "../../../engines/metrics/analysis/cohorts.ts";
import type { Result } from "../../../lib/result.ts";
import type { CohortAnalysisData } from "../../../tools/analytics/cohort-analysis.ts";
import { formatMonthKey } from "../format/dates.ts";
import { capitalise } from "../format/labels.ts";
import { count, money, percent } from "../format/numbers.ts";
import { bullets, wantToSee } from "../format/phrases.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { isCohortAnalysisData } from "./outcome-data.ts";

/** Ages of the average curve worth saying, when the data has them. */
const CURVE_AGES = [1, 2, 3, 6, 12];

function curve(data: CohortAnalysisData, context: AnswerContext): string | null {
  const language = context.language;
  const points = data.averageRetention.filter((point) => CURVE_AGES.includes(point.age) && point.retention !== null);
  if (points.length === 0) return null;
  const month = { en: "month", es: "mes", pt: "mês" }[language];
  const parts = points.map((point) => `${month} ${point.age}: ${percent(point.retention ?? 0, context)}`);
  return `${{ en: "Average retention", es: "Retención promedio", pt: "Retenção média" }[language]} — ${parts.join(", ")}`;
}

function ranking(ranked: Result<CohortRanking, string>, kind: "retention" | "ltv", context: AnswerContext): string | null {
  if (!ranked.ok) return null;
  const language = context.language;
  const { best, worst, age } = ranked.value;
  const show = (value: number) => (kind === "retention" ? percent(value, context) : money(value, context));
  const what =
    kind === "retention"
      ? { en: `Retention in month ${age}`, es: `Retención en el mes ${age}`, pt: `Retenção no mês ${age}` }[language]
      : { en: `Revenue per customer through month ${age}`, es: `Ingreso por cliente hasta el mes ${age}`, pt: `Receita por cliente até o mês ${age}` }[language];
  const bestWord = { en: "best", es: "mejor", pt: "melhor" }[language];
  const worstWord = { en: "worst", es: "peor", pt: "pior" }[language];
  return `${what}: ${bestWord} ${formatMonthKey(best.month, language)} (${show(best.value)}), ${worstWord} ${formatMonthKey(worst.month, language)} (${show(worst.value)})`;
}

function cohortText(data: CohortAnalysisData, context: AnswerContext): string {
  const language = context.language;
  const first = data.cohorts[0]?.month ?? data.asOfMonth;
  const span = `${formatMonthKey(first, language)} – ${formatMonthKey(data.asOfMonth, language)}`;
  if (data.totals.customers === 0) {
    return { en: `No customer placed a first order in ${span}, so there are no cohorts to compare.`, es: `Ningún cliente hizo su primer pedido entre ${span}, así que no hay cohortes para comparar.`, pt: `Nenhum cliente fez o primeiro pedido entre ${span}, então não há coortes para comparar.` }[language];
  }
  const header = {
    en: `*Monthly cohorts* ${span}: ${count(data.totals.customers, context)} new customers who brought in ${money(data.totals.revenueCents, context)} in net sales.`,
    es: `*Cohortes mensuales* ${span}: ${count(data.totals.customers, context)} clientes nuevos que generaron ${money(data.totals.revenueCents, context)} en ventas netas.`,
    pt: `*Coortes mensais* ${span}: ${count(data.totals.customers, context)} clientes novos que geraram ${money(data.totals.revenueCents, context)} em vendas líquidas.`,
  }[language];
  const lines = [curve(data, context), ranking(data.retentionRanking, "retention", context), ranking(data.lifetimeValueRanking, "ltv", context)].filter((line): line is string => line !== null);
  const latest = data.cohorts[data.cohorts.length - 1];
  const progress = latest
    ? { en: `${capitalise(formatMonthKey(latest.month, language))} is still in progress (${count(latest.customers, context)} customers so far).`, es: `${capitalise(formatMonthKey(latest.month, language))} sigue en curso (${count(latest.customers, context)} clientes hasta ahora).`, pt: `${capitalise(formatMonthKey(latest.month, language))} ainda está em andamento (${count(latest.customers, context)} clientes até agora).` }[language]
    : null;
  return [header, bullets(lines), ...(progress === null ? [] : [progress])].filter((line) => line !== "").join("\n");
}

export const composeCohortAnalysis: OutcomeComposer = (call, context): ComposedPart => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  if (!isCohortAnalysisData(outcome.data)) throw new Error("cohort_analysis outcome data is not a cohort report");
  const suggestion = wantToSee({ en: "your customers' RFM segments", es: "los segmentos RFM de tus clientes", pt: "os segmentos RFM dos seus clientes" }, context.language);
  return { text: cohortText(outcome.data, context), suggestion };
};
