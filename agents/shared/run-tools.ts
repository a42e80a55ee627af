/**
 * Executes the tool calls of an agent's last message with the turn's tools. A call the model got
 * wrong (an unknown tool, arguments its schema rejects) becomes an error result the model can read
 * and correct, never an exception: only bugs throw.
 */
import { AIMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { ToolInputParsingException, type StructuredToolInterface } from "@langchain/core/tools";
import type { ToolCall } from "@langchain/core/messages/tool";
import { isToolName } from "./turn-messages.ts";
import { toolError } from "../../tools/tool-outcome.ts";

function errorMessage(call: ToolCall, message: string): ToolMessage {
  const outcome = isToolName(call.name) ? toolError(call.name, "invalid_request", message) : { ok: false, error: { code: "invalid_request", message } };
  return new ToolMessage({ tool_call_id: call.id ?? call.name, name: call.name, content: JSON.stringify(outcome), artifact: isToolName(call.name) ? outcome : undefined, status: "error" });
}

async function runOne(call: ToolCall, tools: readonly StructuredToolInterface[]): Promise<ToolMessage> {
  const found = tools.find((candidate) => candidate.name === call.name);
  if (!found) return errorMessage(call, `There is no tool named "${call.name}". Available: ${tools.map((candidate) => candidate.name).join(", ")}.`);
  try {
    const result: unknown = await found.invoke({ ...call, type: "tool_call" });
    if (ToolMessage.isInstance(result)) return result;
    return new ToolMessage({ tool_call_id: call.id ?? call.name, name: call.name, content: typeof result === "string" ? result : JSON.stringify(result) });
  } catch (error) {
    // Schema validation failures are the model's mistake: tell it what was wrong.
    if (error instanceof ToolInputParsingException) return errorMessage(call, `The arguments do not fit ${call.name}'s schema: ${error.message}`);
    throw error;
  }
}

export async function runToolCalls(messages: readonly BaseMessage[], tools: readonly StructuredToolInterface[]): Promise<ToolMessage[]> {
  const last = messages.at(-1);
  if (!last || !AIMessage.isInstance(last)) return [];
  const results: ToolMessage[] = [];
  // One at a time: PGlite is a single connection, and tools are quick.
  for (const call of last.tool_calls ?? []) results.push(await runOne(call, tools));
  return results;
}
