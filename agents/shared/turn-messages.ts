/**
 * Reading a thread's messages the way the nodes and the offline model need them: where the current
 * turn starts, the tool calls of earlier turns (for follow-ups), and this turn's executed tool calls
 * with their outcomes (for answers and the number checker).
 */
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { z } from "zod";
import { FRESHNESS_SOURCES } from "../../engines/metrics/query/freshness.ts";
import { isLanguage, type Language } from "./language.ts";
import type { ToolCallRecord } from "../answers/types.ts";
import type { PreviousCall } from "../models/offline/understanding/types.ts";
import { ANALYTICS_TOOLS, COMMERCE_TOOLS, MARKETING_TOOLS, MEMORY_TOOLS, NOTIFICATION_TOOLS, type ToolName } from "../../tools/tool-names.ts";
import { TOOL_ERROR_CODES, type ToolOutcome } from "../../tools/tool-outcome.ts";

const ROUTE = "route";
const TOOL_NAMES: readonly string[] = [...ANALYTICS_TOOLS, ...MARKETING_TOOLS, ...COMMERCE_TOOLS, ...NOTIFICATION_TOOLS, ...MEMORY_TOOLS];

export function isToolName(name: string): name is ToolName {
  return TOOL_NAMES.includes(name);
}

/** Index of the current turn's human message (the last one), or -1. */
export function currentTurnStart(messages: readonly BaseMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (HumanMessage.isInstance(messages[i])) return i;
  return -1;
}

export function currentQuestion(messages: readonly BaseMessage[]): string {
  const start = currentTurnStart(messages);
  return start < 0 ? "" : (messages[start]?.text ?? "");
}

const outcomeSchema = z.union([
  z.object({ ok: z.literal(true), tool: z.string(), data: z.unknown(), freshness: z.array(z.object({ source: z.enum(FRESHNESS_SOURCES), latestData: z.string().nullable(), lastLoadedAt: z.string().nullable() })) }),
  z.object({ ok: z.literal(false), tool: z.string(), error: z.object({ code: z.enum(TOOL_ERROR_CODES), message: z.string(), suggestions: z.array(z.string()).optional() }) }),
]);

/** A tool message's outcome: its artifact when it has one, else its JSON content. Null when it is not one of ours. */
export function outcomeOf(message: ToolMessage): ToolOutcome | null {
  const candidate: unknown = message.artifact ?? safeJson(message.text);
  // Parsing keeps the data as the tool produced it (z.unknown); composers check it before reading.
  const parsed = outcomeSchema.safeParse(candidate);
  if (!parsed.success) return null;
  const outcome = parsed.data;
  const tool = outcome.tool;
  if (!isToolName(tool)) return null;
  if (!outcome.ok) return { ok: false, tool, error: outcome.error };
  return { ok: true, tool, data: outcome.data, freshness: outcome.freshness };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The executed tool calls in messages[from…], in order, each with its outcome. */
export function toolCallRecords(messages: readonly BaseMessage[], from: number): ToolCallRecord[] {
  const outcomes = new Map<string, ToolOutcome>();
  for (const message of messages.slice(from)) {
    if (!ToolMessage.isInstance(message)) continue;
    const outcome = outcomeOf(message);
    if (outcome) outcomes.set(message.tool_call_id, outcome);
  }
  const records: ToolCallRecord[] = [];
  for (const message of messages.slice(from)) {
    if (!AIMessage.isInstance(message)) continue;
    for (const call of message.tool_calls ?? []) {
      const outcome = call.id === undefined ? undefined : outcomes.get(call.id);
      if (outcome && isToolName(call.name)) records.push({ name: call.name, args: call.args, outcome });
    }
  }
  return records;
}

/** The current turn's executed tool calls. */
export function currentToolCalls(messages: readonly BaseMessage[]): ToolCallRecord[] {
  const start = currentTurnStart(messages);
  return start < 0 ? [] : toolCallRecords(messages, start);
}

/** The language each earlier turn was routed with, and the data tool calls those turns made, oldest first. */
export function previousCalls(messages: readonly BaseMessage[]): { calls: PreviousCall[]; language: Language | null } {
  const end = currentTurnStart(messages);
  const calls: PreviousCall[] = [];
  let language: Language | null = null;
  for (const message of messages.slice(0, Math.max(end, 0))) {
    if (!AIMessage.isInstance(message)) continue;
    for (const call of message.tool_calls ?? []) {
      if (call.name === ROUTE) {
        const routed: unknown = call.args["language"];
        if (typeof routed === "string" && isLanguage(routed)) language = routed;
      } else if (isToolName(call.name)) {
        calls.push({ tool: call.name, args: call.args, language: language ?? "en" });
      }
    }
  }
  return { calls, language };
}
