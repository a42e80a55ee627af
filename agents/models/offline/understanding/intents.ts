/**
 * What a reading asks for: a change (refused; price orders are read before, by price-orders.ts), a
 * social turn (greeting, thanks, help), something out of scope, or a tool and the agent that owns it.
 * Cues are weighed in a fixed order, most specific first: moving budget, reordering, stock, the
 * price-change log, price suggestions, competitors, cohorts, RFM, forecasts, anomalies, ads, then
 * plain metrics.
 */
import type { AgentName, ToolName } from "../../../../tools/tool-names.ts";
import { findPhrases, hasPhrase, phraseList } from "./phrases.ts";
import type { Reading } from "./reading.ts";
import { CHANGE_LEADS, CHANGE_OBJECTS, CHANGE_VERBS, GREETING, HELP, OUT_OF_SCOPE, THANKS, type ChangeWhat, type ToolCue } from "./vocabulary/intents.ts";
import { AD_METRICS, BLENDED_MARKETING_METRICS } from "./vocabulary/metrics.ts";

export interface ToolChoice {
  readonly agent: AgentName;
  readonly tool: ToolName;
}

export interface ChangeRequest {
  readonly what: ChangeWhat;
  readonly subject: string | null;
}

/** Verbs of moving money between places: with a budget word they ask for a reallocation. */
const MOVE_VERBS = phraseList("move|mover|muevo|movemos|shift|split|divide|dividir|divido|dividimos|reparto|repartir|repartimos|distribuir|distribuyo|distribute|reasignar|reasigno|realocar|rebalance|rebalancear|reallocate|redistribuir|pasar|passar|transferir|put|poner|pongo|colocar");

const GENERIC_CUES: ReadonlySet<ToolCue> = new Set(["data", "why", "overview"]);

/** "baja la remera a 399", "pausá la campaña", "aumenta el presupuesto de Meta": an order to change something. */
export function readChangeRequest(reading: Reading): ChangeRequest | null {
  const used = reading.members.used;
  const verbs = findPhrases(reading.words, CHANGE_VERBS, [...used], false);
  const verb = verbs[0];
  if (verb === undefined || verb.start > 5) return null;
  const before = reading.words.slice(0, verb.start);
  const leadsOnly = before.every((word) => hasPhrase([word], CHANGE_LEADS) || hasPhrase([word], GREETING));
  if (!leadsOnly) return null;
  const after = reading.words.map((word, index) => (index < verb.end ? "" : word));
  const object = findPhrases(after, CHANGE_OBJECTS, [...used], false)[0]?.value;
  const matches = reading.members.matches.filter((match) => Math.min(...match.positions) >= verb.end);
  const product = matches.find((match) => match.member.kind === "product")?.member.value ?? null;
  const campaign = matches.find((match) => match.member.kind === "campaign")?.member.value ?? null;
  const hasNumber = after.some((word) => /^\$?\d/.test(word));
  let what: ChangeWhat | undefined = object;
  const category = matches.some((match) => match.member.kind === "category");
  if (what === undefined && (product !== null || category) && hasNumber) what = "price";
  if (what === undefined && campaign !== null) what = "campaign";
  if (what === undefined && matches.some((match) => match.member.kind === "platform")) what = "budget";
  if (what === undefined) {
    if (matches.length === 0) return null;
    what = "other";
  }
  const subject = what === "campaign" || what === "budget" ? (campaign ?? product) : (product ?? campaign);
  return { what, subject };
}

/** True when the message is about data at all (a metric, a member, a ranking, a split, a tool cue). */
export function asksForData(reading: Reading): boolean {
  const specific = [...reading.cues].some((cue) => !GENERIC_CUES.has(cue));
  return reading.metrics.length > 0 || reading.ranking !== null || reading.breakdown !== null || specific || reading.cues.has("overview") || reading.members.matches.some((match) => match.member.kind !== "attribute");
}

export type SocialKind = "greeting" | "thanks" | "help" | "out_of_scope";

/** Greeting, thanks, help or an off-topic question, when the message asks for no data. */
export function readSocial(reading: Reading): SocialKind | null {
  const words = reading.words;
  const data = asksForData(reading);
  const specific = [...reading.cues].some((cue) => !GENERIC_CUES.has(cue) && cue !== "forecast");
  if (hasPhrase(words, OUT_OF_SCOPE) && reading.metrics.length === 0 && reading.ranking === null && !specific) return "out_of_scope";
  if (hasPhrase(words, HELP) && reading.metrics.length === 0 && reading.members.matches.length === 0 && ![...reading.cues].some((cue) => !GENERIC_CUES.has(cue))) return "help";
  if (data) return null;
  if (hasPhrase(words, THANKS)) return "thanks";
  if (hasPhrase(words, GREETING)) return "greeting";
  return null;
}

export function queryAgent(metrics: readonly string[]): AgentName {
  return metrics.length > 0 && metrics.every((metric) => AD_METRICS.has(metric) || BLENDED_MARKETING_METRICS.has(metric)) ? "marketing" : "analytics";
}

/** The tool a data question needs, or null when it names nothing we can query. */
export function chooseTool(reading: Reading): ToolChoice | null {
  const cues = reading.cues;
  const metrics = reading.metrics;
  const kinds = new Set(reading.members.matches.map((match) => match.member.kind));
  const movesBudget = cues.has("budget") && hasPhrase(reading.words, MOVE_VERBS);
  if (cues.has("reallocate") || movesBudget) return { agent: "marketing", tool: "budget_reallocation" };
  if (cues.has("reorder")) return { agent: "commerce_ops", tool: "reorder_suggestions" };
  if (cues.has("inventory") || cues.has("overstock") || (cues.has("days_of_stock") && !metrics.length)) return { agent: "commerce_ops", tool: "inventory_status" };
  const aboutCompetitors = cues.has("competitor") || cues.has("undercut") || kinds.has("competitor");
  // Strong pricing cues win over competitors ("too expensive vs competitors"); weak ones ("estamos caros vs la competencia?") do not.
  if (cues.has("approvals") || (cues.has("price_changes") && !aboutCompetitors)) return { agent: "commerce_ops", tool: "price_changes" };
  const pricing = cues.has("pricing") || cues.has("overpriced") || cues.has("underpriced");
  if (pricing || ((cues.has("expensive") || cues.has("cheap")) && !aboutCompetitors)) return { agent: "commerce_ops", tool: "price_suggestions" };
  if (aboutCompetitors) return { agent: "commerce_ops", tool: "competitor_prices" };
  if (cues.has("cohort")) return { agent: "analytics", tool: "cohort_analysis" };
  if (cues.has("rfm")) return { agent: "analytics", tool: "rfm_segments" };
  // A metric over a future horizon ("orders next 2 weeks", "ventas de la próxima semana") is a forecast.
  const future = reading.horizonDays !== null && metrics.length > 0 && !reading.weakMetric && reading.range === null;
  if (cues.has("forecast") || future) return { agent: "analytics", tool: "forecast_metric" };
  if (cues.has("anomaly") || (cues.has("why") && metrics.length > 0)) return { agent: "analytics", tool: "explain_anomalies" };
  const adMetrics = metrics.filter((metric) => AD_METRICS.has(metric));
  const blended = metrics.filter((metric) => BLENDED_MARKETING_METRICS.has(metric));
  const adsTopic = adMetrics.length > 0 || cues.has("ads") || cues.has("budget") || kinds.has("campaign") || kinds.has("platform");
  // MER and CAC are reported by marketing_performance (blended, for the whole range) unless a trend or split is asked.
  if (blended.length > 0 && adMetrics.length === 0) return { agent: "marketing", tool: reading.grain === undefined && reading.breakdown === null && metrics.length === blended.length ? "marketing_performance" : "query_metrics" };
  if (adsTopic) {
    const otherMetrics = metrics.filter((metric) => !AD_METRICS.has(metric) && !BLENDED_MARKETING_METRICS.has(metric));
    if (reading.grain !== undefined && metrics.length > 0) return { agent: queryAgent(metrics), tool: "query_metrics" };
    if (adMetrics.length > 0 && otherMetrics.length > 0 && !reading.weakMetric) return { agent: "marketing", tool: "query_metrics" };
    if (adMetrics.length === 0 && otherMetrics.length > 0 && !reading.weakMetric && !cues.has("ads") && !cues.has("budget") && kinds.has("platform") === false && kinds.has("campaign") === false) {
      return { agent: "analytics", tool: "query_metrics" };
    }
    return { agent: "marketing", tool: "marketing_performance" };
  }
  const hasMembers = reading.members.matches.length > 0;
  // "are we up or down this month vs last?": a period comparison alone compares sales.
  if (metrics.length > 0 || reading.ranking !== null || reading.breakdown !== null || cues.has("overview") || hasMembers || reading.comparison !== null) return { agent: queryAgent(metrics), tool: "query_metrics" };
  return null;
}
