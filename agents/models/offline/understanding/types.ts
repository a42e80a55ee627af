/**
 * What the offline model understands of a message: its language and one intent. A tool intent
 * carries the exact tool call a real model would make (name and arguments valid against the tool's
 * zod schema); the others are answered by the supervisor itself.
 */
import type { Language } from "../../../shared/language.ts";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import type { AgentName, ToolName } from "../../../../tools/tool-names.ts";

/** A tool call from an earlier turn of the thread, for follow-ups ("and in September?", "y por canal?"). */
export interface PreviousCall {
  readonly tool: ToolName;
  readonly args: Readonly<Record<string, unknown>>;
  readonly language: Language;
}

export interface UnderstandingInput {
  /** The person's message, as typed. */
  readonly text: string;
  readonly context: WorkspaceContext;
  /** The thread's earlier tool calls, oldest first (the last one is what a follow-up refers to). */
  readonly previous: readonly PreviousCall[];
  /** The language of the thread so far, for short messages that do not show their own ("ok", "Q3?"). */
  readonly threadLanguage: Language | null;
}

/** Why the supervisor should ask instead of answering, and what it could offer. */
export type ClarifyReason =
  /** Data is asked about but which metric is unclear ("how are we doing with Meta?" is fine; "numbers?" is not). */
  | "metric"
  /** A name matches several products/campaigns: options lists them. */
  | "ambiguous_member"
  /** A name matches nothing in the workspace: options lists the closest. */
  | "unknown_member"
  /** A date phrase could not be read. */
  | "range"
  /** A follow-up with no earlier question to follow. */
  | "no_previous"
  /** A price change with no product to change ("bajalo a 399" with nothing before, "set it to 20"): which product, and to what? */
  | "price_product";

export type Intent =
  | { readonly kind: "tool"; readonly agent: AgentName; readonly tool: ToolName; readonly args: Readonly<Record<string, unknown>>; readonly followUp: boolean }
  | { readonly kind: "greeting" }
  | { readonly kind: "thanks" }
  | { readonly kind: "help" }
  /** Not about the business's data (weather, jokes, code, politics…). */
  | { readonly kind: "out_of_scope" }
  /** Asks us to change something other than a price (a budget, a campaign, stock…): refused. Price orders are propose_price_change calls. */
  | { readonly kind: "change_request"; readonly what: "price" | "budget" | "campaign" | "inventory" | "other"; readonly subject: string | null }
  | { readonly kind: "clarify"; readonly reason: ClarifyReason; readonly options: readonly string[]; readonly term: string | null };

export interface Understanding {
  readonly language: Language;
  readonly intent: Intent;
}
