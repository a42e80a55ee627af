/** Answers for rfm_segments: every non-empty segment, or one segment with its top customers. */
import type { RfmSegmentSummary } from "../../../engines/metrics/analysis/rfm.ts";
import type { RfmSegmentsData } from "../../../tools/analytics/rfm-segments.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import { formatDate, formatRange } from "../format/dates.ts";
import { count, counted, decimal, money, percent } from "../format/numbers.ts";
import { spanPhrase } from "../format/periods.ts";
import { bullets, wantToSee } from "../format/phrases.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { isRfmSegmentsData } from "./outcome-data.ts";
import { segmentLabel } from "./rfm-labels.ts";

/** Customers of a focus segment listed by name. */
const LISTED_CUSTOMERS = 5;

function figures(segment: RfmSegmentSummary, context: AnswerContext): string {
  const language = context.language;
  const share = segment.customerShare === null ? "" : ` (${percent(segment.customerShare, context)})`;
  const revenueShare = segment.revenueShare === null ? "" : ` (${percent(segment.revenueShare, context)} ${{ en: "of sales", es: "de las ventas", pt: "das vendas" }[language]})`;
  const customers = { en: "customers", es: "clientes", pt: "clientes" }[language];
  return `${count(segment.customers, context)} ${customers}${share}, ${money(segment.revenueCents, context)}${revenueShare}`;
}

function summaryLine(segment: RfmSegmentSummary, context: AnswerContext): string {
  return `${segmentLabel(segment.segment, context.language)}: ${figures(segment, context)}`;
}

function focusText(data: RfmSegmentsData, segment: RfmSegmentSummary, window: string, context: AnswerContext): string {
  const language = context.language;
  const name = segmentLabel(segment.segment, language);
  if (segment.customers === 0) return { en: `No customer is in *${name}* right now (${window}).`, es: `Ahora no hay clientes en *${name}* (${window}).`, pt: `Agora não há clientes em *${name}* (${window}).` }[language];
  const habits =
    segment.avgRecencyDays !== null && segment.avgFrequency !== null && segment.avgMonetaryCents !== null
      ? {
          en: `On average they last bought ${decimal(segment.avgRecencyDays, context, 0)} days ago, placed ${decimal(segment.avgFrequency, context)} orders and spent ${money(segment.avgMonetaryCents, context)}.`,
          es: `En promedio compraron por última vez hace ${decimal(segment.avgRecencyDays, context, 0)} días, hicieron ${decimal(segment.avgFrequency, context)} pedidos y gastaron ${money(segment.avgMonetaryCents, context)}.`,
          pt: `Em média compraram pela última vez há ${decimal(segment.avgRecencyDays, context, 0)} dias, fizeram ${decimal(segment.avgFrequency, context)} pedidos e gastaram ${money(segment.avgMonetaryCents, context)}.`,
        }[language]
      : "";
  const customers = (data.customers ?? []).slice(0, LISTED_CUSTOMERS).map((customer) => {
    const who = customer.name ?? customer.email ?? `#${customer.customerId}`;
    const orders = { en: ["order", "orders"], es: ["pedido", "pedidos"], pt: ["pedido", "pedidos"] }[language];
    const last = { en: "last on", es: "último el", pt: "último em" }[language];
    return `${who}: ${money(customer.monetaryCents, context)}, ${counted(customer.frequency, orders[0]!, orders[1]!, context)}, ${last} ${formatDate(customer.lastOrderDate, language)}`;
  });
  const top = customers.length > 0 ? [{ en: "Top customers by spend:", es: "Los que más gastaron:", pt: "Os que mais gastaram:" }[language], bullets(customers)] : [];
  return [`*${name}* (${window}): ${figures(segment, context)}.`, habits, ...top].filter((line) => line !== "").join("\n");
}

function allText(data: RfmSegmentsData, context: AnswerContext): string {
  const language = context.language;
  const report = data.report;
  const window = spanPhrase(report.windowStart, addDays(report.asOfDate, 1), language);
  if (report.totals.customers === 0) return { en: `No customer bought ${window}.`, es: `Ningún cliente compró ${window}.`, pt: `Nenhum cliente comprou ${window}.` }[language];
  const header = {
    en: `*RFM segments* of the ${count(report.totals.customers, context)} customers who bought ${window}:`,
    es: `*Segmentos RFM* de los ${count(report.totals.customers, context)} clientes que compraron ${window}:`,
    pt: `*Segmentos RFM* dos ${count(report.totals.customers, context)} clientes que compraram ${window}:`,
  }[language];
  return [header, bullets(report.segments.filter((segment) => segment.customers > 0).map((segment) => summaryLine(segment, context)))].join("\n");
}

export const composeRfmSegments: OutcomeComposer = (call, context): ComposedPart => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  const data = outcome.data;
  if (!isRfmSegmentsData(data)) throw new Error("rfm_segments outcome data is not an RFM report");
  const language = context.language;
  const window = formatRange(data.report.windowStart, addDays(data.report.asOfDate, 1), language);
  const focus = data.focus === null ? undefined : data.report.segments.find((segment) => segment.segment === data.focus);
  if (focus) return { text: focusText(data, focus, window, context), suggestion: wantToSee({ en: "all the segments", es: "todos los segmentos", pt: "todos os segmentos" }, language) };
  const atRisk = data.report.segments.find((segment) => segment.segment === "at_risk" && segment.customers > 0);
  const next = atRisk ? "at_risk" : "champions";
  const suggestion = wantToSee({ en: `who your ${segmentLabel(next, "en").toLowerCase()} customers are`, es: `quiénes son tus clientes ${next === "at_risk" ? "en riesgo" : "campeones"}`, pt: `quem são seus clientes ${next === "at_risk" ? "em risco" : "campeões"}` }, language);
  return { text: allText(data, context), suggestion };
};
