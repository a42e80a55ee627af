/**
 * The messages a model sees: its system prompt, the thread's summary of older turns (when the thread
 * has been compacted, see thread-compaction.ts), then the thread's recent turns. Older turns are cut
 * at a turn boundary so a tool call is never separated from its result (providers reject that).
 */
import { HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";

/** Introduces the summary of the turns no longer in the thread's messages. */
export const SUMMARY_HEADING = "Earlier in this conversation (older turns, oldest first; figures there may be out of date, call tools for current ones):";

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

/**
 * The system prompt, then the summary as a second system message right after it (both adapters take
 * several: Anthropic joins them into its system text, OpenAI sends them as they are), then the recent
 * turns. The system prompt stays first and unchanged, so providers can cache it.
 */
export function modelInput(system: string, messages: readonly BaseMessage[], budget: number, summary: string): BaseMessage[] {
  const earlier = summary.trim() === "" ? [] : [new SystemMessage(`${SUMMARY_HEADING}\n${summary.trim()}`)];
  return [new SystemMessage(system), ...earlier, ...recentTurns(messages, budget)];
}
