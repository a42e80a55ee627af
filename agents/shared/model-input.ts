/**
 * The messages a model sees: its system prompt, then the thread's recent turns. Older turns are cut
 * at a turn boundary so a tool call is never separated from its result (providers reject that).
 */
import { HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";

export function recentTurns(messages: readonly BaseMessage[], budget: number): BaseMessage[] {
  const starts: number[] = [];
  messages.forEach((message, index) => {
    if (HumanMessage.isInstance(message)) starts.push(index);
  });
  const current = starts.at(-1) ?? 0;
  let from = current;
  for (let i = starts.length - 2; i >= 0; i--) {
    const start = starts[i] ?? 0;
    if (messages.length - start > budget) break;
    from = start;
  }
  return messages.slice(from);
}

export function modelInput(system: string, messages: readonly BaseMessage[], budget: number): BaseMessage[] {
  return [new SystemMessage(system), ...recentTurns(messages, budget)];
}
