/**
 * One conversation turn, as every entry point sees it (CLI ask/chat, web chat, channels, evals,
 * bench): a person's text in, the graph's answer and everything it did out.
 */
import type { Workspace } from "../db/schema/core.ts";
import type { TurnAccess } from "../engines/access/roles.ts";
import type { TurnActor } from "../tools/tool-contract.ts";
import type { Language } from "./shared/language.ts";
import type { AgentName } from "../tools/tool-names.ts";
import type { ToolOutcome } from "../tools/tool-outcome.ts";

export interface TurnRequest {
  readonly workspace: Workspace;
  readonly text: string;
  /** Thread key within the workspace; turns with the same key share state (follow-ups). Null: a fresh thread. */
  readonly thread: string | null;
  /** The turn's now: pinned by tests, evals and --now; the system clock otherwise. */
  readonly now: Date;
  /** What the asker may use and see (channels pass the member's role); unset: the owner (terminal, local web chat). */
  readonly access?: TurnAccess;
  /** Who is asking and where (channels pass the member); unset: the terminal's owner. */
  readonly actor?: TurnActor;
}

export interface TurnToolCall {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/**
 * What the turn did for the person: answered (with data, or a greeting/help), asked a clarifying
 * question (an ambiguous or unknown name, a missing metric or period), or refused (out of scope, or
 * a change that needs an approval).
 */
export type TurnKind = "answer" | "clarify" | "refuse";

export interface TurnResult {
  /** Who answered: an agent, or the supervisor itself (greeting, help, clarification, refusal). */
  readonly agent: AgentName | "supervisor";
  readonly toolCalls: readonly TurnToolCall[];
  readonly answer: string;
  readonly kind: TurnKind;
  readonly language: Language;
  /** The tool outcomes the answer was written from. */
  readonly data: readonly ToolOutcome[];
  /** One English line per executed tool call, in toolCalls order (agents/answers/tool-summaries.ts): what conversation memory keeps of the results. */
  readonly toolSummaries: readonly string[];
  /** The one-line data-freshness stamp, when tools read data. */
  readonly freshness: string | null;
  /** Model invocations in this turn (router + agent steps). */
  readonly modelCalls: number;
  readonly latencyMs: number;
  /** The thread key used (generated when the request had none). */
  readonly thread: string;
  /** False when the number checker rejected the model's reply and a composed answer was sent instead. */
  readonly numbersChecked: boolean;
}

export interface ConversationRuntime {
  runTurn(request: TurnRequest): Promise<TurnResult>;
}
