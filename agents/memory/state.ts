/**
 * The memory agent runs on the conversation state (agents/supervisor/state.ts, every field
 * documented there): it reads the thread's messages and adds its tool calls, their results and its
 * answer; it counts its model calls in modelCalls.
 */
export { ConversationState as MemoryState, type ConversationStateType as MemoryStateType } from "../supervisor/state.ts";
