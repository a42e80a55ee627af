/**
 * How an insight reads in a member's language: the alert, the digest and the weekly report all
 * take this function (agents/answers/insights/insight-text.ts in the app; a stand-in in tests), so
 * one insight is worded the same everywhere.
 */
import type { Language } from "../../agents/shared/language.ts";
import type { Insight } from "../../db/schema/operations.ts";

export interface InsightWording {
  readonly title: string;
  readonly explanation: string;
  /** The recommended action, as a sentence or a question to ask. */
  readonly action: string;
}

export interface WordingContext {
  readonly language: Language;
  readonly currency: string;
  readonly timeZone: string;
}

export type DescribeInsight = (insight: Insight, context: WordingContext) => InsightWording;
