/**
 * understand() is pure, and a turn asks it the same thing up to three times (router, agent, answer):
 * remember its results per workspace context object, and parse each system prompt's context block
 * once. Both caches are small and bounded.
 */
import type { BaseMessage } from "@langchain/core/messages";
import { currentQuestion, previousCalls } from "../../shared/turn-messages.ts";
import type { WorkspaceContext } from "../../shared/workspace-context.ts";
import { CONTEXT_CLOSE, CONTEXT_OPEN, readWorkspaceContext } from "../providers/system-prompts.ts";
import { understand } from "./understanding/index.ts";
import type { Understanding, UnderstandingInput } from "./understanding/types.ts";

const RESULTS_PER_CONTEXT = 64;
const CONTEXTS = 16;

const results = new WeakMap<WorkspaceContext, Map<string, Understanding>>();
const contexts = new Map<string, WorkspaceContext | null>();

function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  if (map.size >= limit) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
  return value;
}

export function understandOnce(input: UnderstandingInput): Understanding {
  let cache = results.get(input.context);
  if (!cache) {
    cache = new Map();
    results.set(input.context, cache);
  }
  const key = JSON.stringify([input.text, input.threadLanguage, input.previous]);
  return cache.get(key) ?? remember(cache, key, understand(input), RESULTS_PER_CONTEXT);
}

/**
 * The understanding of a thread's current turn: its question, with the earlier turns' tool calls and
 * language for follow-ups. The offline model, the router and the finish node all read it, once.
 */
export function understandTurn(messages: readonly BaseMessage[], context: WorkspaceContext): Understanding {
  const { calls, language } = previousCalls(messages);
  return understandOnce({ text: currentQuestion(messages), context, previous: calls, threadLanguage: language });
}

/** The workspace context of a system prompt, parsed once per distinct context block. */
export function contextOfPrompt(systemText: string): WorkspaceContext | null {
  const open = systemText.indexOf(CONTEXT_OPEN);
  const close = systemText.indexOf(CONTEXT_CLOSE, open + 1);
  const block = open >= 0 && close > open ? systemText.slice(open, close) : systemText;
  if (contexts.has(block)) return contexts.get(block) ?? null;
  return remember(contexts, block, readWorkspaceContext(systemText), CONTEXTS);
}
