/**
 * Answers are written from tool outcomes only: every number in them is formatted from a tool's data.
 * A composer turns one tool call's outcome into text in the asker's language; composeAnswer (index.ts)
 * joins them, adds the data-freshness line and a suggested next question.
 */
import type { Language } from "../shared/language.ts";
import type { ToolName } from "../../tools/tool-names.ts";
import type { ToolOutcome } from "../../tools/tool-outcome.ts";

export interface AnswerContext {
  readonly language: Language;
  readonly currency: string;
  readonly timeZone: string;
  /** The turn's now (ISO instant): "today", "yesterday" and freshness ages are relative to it. */
  readonly now: string;
  readonly workspaceName: string;
}

/** One executed tool call of the turn. */
export interface ToolCallRecord {
  readonly name: ToolName;
  readonly args: Readonly<Record<string, unknown>>;
  readonly outcome: ToolOutcome;
}

export interface ComposedPart {
  /** Plain text with light markdown (*bold*, bullet lines "• "), readable in a terminal, Slack and WhatsApp. */
  readonly text: string;
  /** A natural next question in the same language, or null. */
  readonly suggestion: string | null;
}

export type OutcomeComposer = (call: ToolCallRecord, context: AnswerContext) => ComposedPart;
