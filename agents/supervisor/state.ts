/**
 * The conversation's state: what the supervisor and the agents read and write during a turn, and
 * what the checkpointer keeps between turns of a thread (so follow-ups see earlier questions and the
 * tool calls that answered them, and a summary of older turns). Per-turn fields are reset by the runtime
 * at the start of each turn.
 */
import { Annotation, MessagesAnnotation } from "@langchain/langgraph";
import type { Language } from "../shared/language.ts";
import type { AgentName } from "../../tools/tool-names.ts";
import type { TurnKind } from "../turn-types.ts";

const last = <T>(initial: () => T) => Annotation<T>({ reducer: (_previous: T, next: T) => next, default: initial });

export const ConversationState = Annotation.Root({
  /**
   * The thread's messages, oldest first: each turn adds the person's message, the router's `route`
   * call and its acknowledgement, the agent's tool calls with their results (ToolMessages carrying
   * the whole outcome as artifact), and the answer. Kept across turns by the checkpointer.
   */
  ...MessagesAnnotation.spec,
  /**
   * Kept across turns: a compact running summary of the turns dropped from `messages` once the thread
   * grew long, one line per turn (question, agent and tools, the answer's first line), oldest first and
   * bounded in size (see agents/shared/thread-compaction.ts). Empty until the first compaction.
   */
  summary: last<string>(() => ""),
  /** Per turn: who handles it: an agent the router chose, or "supervisor" when the router answered itself. */
  agent: last<AgentName | "supervisor" | null>(() => null),
  /** The language of the current turn (the answer's language); kept for short follow-ups. */
  language: last<Language | null>(() => null),
  /** Per turn: agent hand-offs made so far (the router makes at most one; see MAX_HOPS). */
  hops: last<number>(() => 0),
  /** Per turn: model invocations (router and agent steps). */
  modelCalls: last<number>(() => 0),
  /** Per turn: the answer sent to the person (after the number check). */
  answer: last<string>(() => ""),
  /** Per turn: answer, clarify or refuse (see TurnKind). */
  kind: last<TurnKind>(() => "answer"),
  /** Per turn: the data-freshness line of the answer, when tools read data. */
  freshness: last<string | null>(() => null),
  /** Per turn: false when the model's reply failed the number check and a composed answer replaced it. */
  numbersChecked: last<boolean>(() => true),
});

export type ConversationStateType = typeof ConversationState.State;
export type ConversationUpdate = typeof ConversationState.Update;

/** At most this many agent hand-offs per turn: the router routes once; agents never route. */
export const MAX_HOPS = 1;
/** At most this many rounds of tool calls per agent per turn before the answer is written from what is in. */
export const MAX_TOOL_ROUNDS = 3;
