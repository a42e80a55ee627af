/**
 * The answer to a turn, written from its tool outcomes only: one part per tool call in the order
 * they ran (each by its tool's composer), the data-freshness line from the union of the outcomes'
 * freshness, and one suggested next question (the last call's). The caller joins text, freshness
 * and suggestion (each may be absent) with blank lines.
 */
import type { ToolName } from "../../tools/tool-names.ts";
import { analyticsComposers } from "./analytics/index.ts";
import { commerceComposers } from "./commerce-ops.ts";
import { freshnessLine, freshnessOfCalls } from "./freshness-line.ts";
import { marketingComposers } from "./marketing.ts";
import { memoryComposers } from "./memory/index.ts";
import { notificationComposers } from "./notifications/index.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer, ToolCallRecord } from "./types.ts";

export type Composers = Readonly<Record<ToolName, OutcomeComposer>>;

export const defaultComposers: Composers = { ...analyticsComposers, ...marketingComposers, ...commerceComposers, ...notificationComposers, ...memoryComposers };

export interface ComposedAnswer {
  /** The parts, joined with blank lines. */
  readonly text: string;
  /** A natural next question, or null. */
  readonly suggestion: string | null;
  /** "Data as of …" for the sources the answer read, or null when none did. */
  readonly freshness: string | null;
}

export function composeAnswer(calls: readonly ToolCallRecord[], context: AnswerContext, composers: Composers = defaultComposers): ComposedAnswer {
  const parts: ComposedPart[] = calls.map((call) => composers[call.name](call, context));
  const text = parts.map((part) => part.text).filter((part) => part !== "").join("\n\n");
  const suggestion = [...parts].reverse().find((part) => part.suggestion !== null)?.suggestion ?? null;
  return { text, suggestion, freshness: freshnessLine(freshnessOfCalls(calls), context) };
}

/** The whole reply as sent: text, freshness line and suggestion, each on its own paragraph. */
export function answerText(answer: ComposedAnswer): string {
  return [answer.text, answer.freshness, answer.suggestion].filter((line): line is string => line !== null && line !== "").join("\n\n");
}

export { analyticsComposers } from "./analytics/index.ts";
export { checkNumbers, type NumberCheck } from "./number-check.ts";
export { supervisorReply } from "./supervisor-replies.ts";
