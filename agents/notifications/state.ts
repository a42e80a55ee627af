/**
 * The notifications agent runs on the conversation state (agents/supervisor/state.ts, every field
 * documented there): it reads the thread's messages and adds its tool calls, their results and its
 * answer; it counts its model calls in modelCalls.
 */
export { ConversationState as NotificationsState, type ConversationStateType as NotificationsStateType } from "../supervisor/state.ts";
