/**
 * Long threads stay fast: once a thread holds more than COMPACT_ABOVE_TURNS turns, its older turns
 * are removed from `messages` (RemoveMessage by id, which messagesStateReducer drops) and folded into
 * the state's `summary`, one line per turn, so the checkpointer loads, passes and saves a bounded
 * thread whatever its length. The most recent KEEP_RECENT_TURNS turns stay verbatim: follow-ups read
 * the earlier tool calls from them. Turns are cut only where no tool call would be parted from its
 * result. The summary is deterministic and model-free (it works offline): the person's question, the
 * agent and tools that answered it and the first line of the answer, which came from the engines.
 */
import { AIMessage, HumanMessage, RemoveMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { ConversationStateType } from "../supervisor/state.ts";
import { ROUTE_TOOL } from "../supervisor/route-tool.ts";
import { isToolName } from "./turn-messages.ts";

/** A thread is compacted when it holds more than this many turns (a turn: a person's message and all that answered it). */
export const COMPACT_ABOVE_TURNS = 12;
/** Turns kept verbatim in `messages` after compaction (the newest ones); compaction then waits until the thread is over COMPACT_ABOVE_TURNS again. */
export const KEEP_RECENT_TURNS = 8;
/** The summary's largest size in characters; over it, its oldest lines go first. */
export const SUMMARY_MAX_CHARS = 4_000;
/** Largest size of one summary line in characters (well under SUMMARY_MAX_CHARS, so the newest line always fits). */
export const SUMMARY_LINE_MAX_CHARS = 320;
/** Characters of the person's question kept in its summary line. */
const QUESTION_MAX_CHARS = 120;
/** Characters of the answer's first line kept in its summary line. */
const ANSWER_MAX_CHARS = 140;
/** Tools named in one summary line; more are counted. */
const TOOLS_NAMED_MAX = 3;

export interface Compaction {
  /** One RemoveMessage per message of the dropped turns. */
  readonly remove: RemoveMessage[];
  /** The summary with the dropped turns' lines appended (and bounded). */
  readonly summary: string;
  /** How many turns were dropped. */
  readonly droppedTurns: number;
}

/** Where each turn starts: the index of each person's message (the first turn also owns anything before it). */
export function turnStarts(messages: readonly BaseMessage[]): number[] {
  const starts: number[] = [];
  messages.forEach((message, index) => {
    if (HumanMessage.isInstance(message)) starts.push(index);
  });
  return starts;
}

/** True when cutting before `cut` parts no tool call from its result (no kept ToolMessage answers a dropped call). */
export function isSafeCut(messages: readonly BaseMessage[], cut: number): boolean {
  const dropped = new Set<string>();
  for (const message of messages.slice(0, cut)) {
    if (!AIMessage.isInstance(message)) continue;
    for (const call of message.tool_calls ?? []) if (call.id !== undefined) dropped.add(call.id);
  }
  return messages.slice(cut).every((message) => !ToolMessage.isInstance(message) || !dropped.has(message.tool_call_id));
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The agent the router sent the turn to, or "supervisor" when it answered itself. */
function agentOf(turn: readonly BaseMessage[]): string {
  for (const message of turn) {
    if (!AIMessage.isInstance(message)) continue;
    const routed: unknown = message.tool_calls?.find((call) => call.name === ROUTE_TOOL)?.args["agent"];
    if (typeof routed === "string" && routed !== "") return routed;
  }
  return "supervisor";
}

/** The data tools the turn called, in order, each once. */
function toolsOf(turn: readonly BaseMessage[]): string[] {
  const names = new Set<string>();
  for (const message of turn) {
    if (!AIMessage.isInstance(message)) continue;
    for (const call of message.tool_calls ?? []) if (isToolName(call.name)) names.add(call.name);
  }
  return [...names];
}

/** The first non-empty line of the turn's answer (its last text reply), or "". */
function answerOf(turn: readonly BaseMessage[]): string {
  const reply = [...turn].reverse().find((message) => AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) === 0 && message.text.trim() !== "");
  return reply?.text.split("\n").find((line) => line.trim() !== "") ?? "";
}

/** One turn in one line: `- “question” → agent (tools): first line of the answer`. */
export function summaryLine(turn: readonly BaseMessage[]): string {
  const question = turn.find((message) => HumanMessage.isInstance(message))?.text ?? "";
  const tools = toolsOf(turn);
  const named = tools.slice(0, TOOLS_NAMED_MAX).join(", ") + (tools.length > TOOLS_NAMED_MAX ? ` +${tools.length - TOOLS_NAMED_MAX}` : "");
  const answer = clip(answerOf(turn), ANSWER_MAX_CHARS);
  const line = `- “${clip(question, QUESTION_MAX_CHARS)}” → ${agentOf(turn)}${named ? ` (${named})` : ""}${answer ? `: ${answer}` : ""}`;
  return clip(line, SUMMARY_LINE_MAX_CHARS);
}

/** The summary with new lines appended, keeping its newest lines within SUMMARY_MAX_CHARS. */
export function appendToSummary(summary: string, lines: readonly string[]): string {
  const all = [...summary.split("\n").filter((line) => line.trim() !== ""), ...lines.map((line) => clip(line, SUMMARY_LINE_MAX_CHARS))];
  const kept: string[] = [];
  let size = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const line = all[i] ?? "";
    const grown = size + line.length + (kept.length > 0 ? 1 : 0);
    if (grown > SUMMARY_MAX_CHARS) break;
    kept.unshift(line);
    size = grown;
  }
  return kept.join("\n");
}

/**
 * The compaction a thread needs, or null when it has at most COMPACT_ABOVE_TURNS turns (or no safe
 * cut, or a message to drop has no id to remove it by; messagesStateReducer gives every message one).
 */
export function compactThread(messages: readonly BaseMessage[], summary: string): Compaction | null {
  const starts = turnStarts(messages);
  if (starts.length <= COMPACT_ABOVE_TURNS) return null;
  // Keep the newest KEEP_RECENT_TURNS turns; keep more if that cut would part a tool call from its result.
  let first = starts.length - KEEP_RECENT_TURNS;
  while (first > 0 && !isSafeCut(messages, starts[first] ?? 0)) first--;
  if (first <= 0) return null;
  const cut = starts[first] ?? 0;
  const dropped = messages.slice(0, cut);
  const ids = dropped.map((message) => message.id);
  if (ids.some((id) => id === undefined || id === "")) return null;
  const lines = starts.slice(0, first).map((start, turn) => summaryLine(messages.slice(turn === 0 ? 0 : start, starts[turn + 1] ?? cut)));
  return {
    remove: ids.filter((id): id is string => id !== undefined).map((id) => new RemoveMessage({ id })),
    summary: appendToSummary(summary, lines),
    droppedTurns: first,
  };
}

/** The supervisor's last node: compact the thread when it has grown past COMPACT_ABOVE_TURNS turns. */
export function compactTurn(state: ConversationStateType): { messages?: RemoveMessage[]; summary?: string } {
  const compaction = compactThread(state.messages, state.summary);
  return compaction ? { messages: compaction.remove, summary: compaction.summary } : {};
}
