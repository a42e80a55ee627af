/**
 * The answers' formatting context for a turn's message parts. KPI fields and chart labels are made
 * with the same formatters as the answer text (agents/answers/format), so a figure reads the same
 * in a Slack field, an email table and the text. Those formatters take a whole AnswerContext; the
 * ones used here read only its language and currency (no relative dates such as "last week", which
 * would need the turn's now and time zone, neither of which a TurnResult carries).
 */
import { isQueryMetricsData } from "../../agents/answers/analytics/outcome-data.ts";
import { localeOf } from "../../agents/answers/format/numbers.ts";
import type { AnswerContext } from "../../agents/answers/types.ts";
import type { Language } from "../../agents/shared/language.ts";
import type { ToolOutcome } from "../../tools/tool-outcome.ts";

export interface FormatContext extends AnswerContext {
  /** The BCP 47 locale numbers are written in (es + MXN → es-MX), as the answers write them. */
  readonly locale: string;
}

/** A context for formatting values, labels and dates; now, time zone and workspace name stay neutral. */
export function formatContextOf(language: Language, currency: string): FormatContext {
  const base = { language, currency, timeZone: "UTC", now: new Date(0).toISOString(), workspaceName: "" };
  return { ...base, locale: localeOf(base) };
}

/** A metric query's money is in the currency its result names; other outcomes' is the workspace's. */
export function outcomeContext(outcome: ToolOutcome, language: Language, workspaceCurrency: string): FormatContext {
  const currency = outcome.ok && isQueryMetricsData(outcome.data) ? outcome.data.currency : workspaceCurrency;
  return formatContextOf(language, currency);
}
