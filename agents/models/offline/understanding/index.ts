/**
 * The offline model's understanding: a deterministic, pure reading of one message into its language
 * and one intent. Tool intents carry the exact call a real model would make (arguments valid against
 * the tool's schema), price orders included (proposals that a person approves); the rest (greeting,
 * thanks, help, out of scope, other change requests, clarifications) the supervisor answers itself.
 */
import type { Language } from "../../../shared/language.ts";
import { buildArgs } from "./build-args.ts";
import { followUpKind, followUpTarget, yearAgoAsComparison } from "./follow-ups.ts";
import { chooseTool, queryAgent, readChangeRequest, readSocial, type ToolChoice } from "./intents.ts";
import { detectLanguage } from "./language.ts";
import { nearestNames } from "./members.ts";
import { readMemoryIntent } from "./memory-orders.ts";
import { readNotificationIntent } from "./notification-orders.ts";
import { readPriceIntent } from "./price-orders.ts";
import { readMessage, type Reading } from "./reading.ts";
import type { Intent, PreviousCall, Understanding, UnderstandingInput } from "./types.ts";

export type { Intent, Understanding, UnderstandingInput, PreviousCall, ClarifyReason } from "./types.ts";
export { detectLanguage } from "./language.ts";
export { readMessage } from "./reading.ts";
export { TOOL_SCHEMAS } from "./build-args.ts";

function toolIntent(choice: ToolChoice, reading: Reading, input: UnderstandingInput, base: Readonly<Record<string, unknown>> | null, followUp: boolean): Intent {
  const args = buildArgs(choice.tool, reading, input.context, base);
  const metrics = args["metrics"];
  const agent = choice.tool === "query_metrics" && Array.isArray(metrics) ? queryAgent(metrics.filter((m): m is string => typeof m === "string")) : choice.agent;
  return { kind: "tool", agent, tool: choice.tool, args, followUp };
}

function clarifyData(reading: Reading): Intent | null {
  const problem = reading.members.problem;
  if (problem !== null) return { kind: "clarify", reason: problem.reason, options: problem.options, term: problem.term };
  if (reading.range === null && reading.unreadableDate !== null) return { kind: "clarify", reason: "range", options: [], term: reading.unreadableDate };
  return null;
}

/** Proposals, notification settings and memory calls are not followed up ("¿y en septiembre?" after one refers to the question before it). */
const NOT_FOLLOWED: ReadonlySet<string> = new Set([
  "propose_price_change",
  "undo_price_change",
  "notification_preferences",
  "explain_notification",
  "insight_feedback",
  "recall_memory",
  "remember_fact",
  "forget_memory",
]);
const isProposal = (call: PreviousCall): boolean => NOT_FOLLOWED.has(call.tool);

function intentOf(reading: Reading, input: UnderstandingInput): Intent {
  const memory = readMemoryIntent(reading);
  if (memory !== null) return memory;
  const notification = readNotificationIntent(reading, input.previous);
  if (notification !== null) return notification;
  const price = readPriceIntent(reading, input.context, input.previous);
  if (price !== null) return price;
  const change = readChangeRequest(reading);
  if (change !== null) return { kind: "change_request", what: change.what, subject: change.subject };
  const previous = input.previous.filter((call) => !isProposal(call)).at(-1);
  const follow = followUpKind(reading, previous !== undefined);
  if (follow === "follow" && previous !== undefined) {
    const problem = clarifyData(reading);
    if (problem !== null) return problem;
    const target = followUpTarget(reading, previous);
    return toolIntent(target.choice, yearAgoAsComparison(reading, target.choice.tool), input, target.base, true);
  }
  if (follow === "orphan") return { kind: "clarify", reason: "no_previous", options: [], term: null };
  const social = readSocial(reading);
  if (social !== null) return { kind: social };
  const choice = chooseTool(reading);
  if (choice !== null) return clarifyData(reading) ?? toolIntent(choice, reading, input, null, false);
  const problem = clarifyData(reading);
  if (problem !== null) return problem;
  return { kind: "clarify", reason: "metric", options: ["net_sales", "orders", "aov"], term: null };
}

/** The language and intent of a message, against the workspace's lexicon and the thread's earlier calls. */
export function understand(input: UnderstandingInput): Understanding {
  const reading = readMessage(input.text, input.context);
  const fallback: Language = input.threadLanguage ?? input.context.workspace.locale;
  const language = detectLanguage(reading.tokens.filter((_, index) => reading.members.used[index] !== true), fallback);
  return { language, intent: intentOf(reading, input) };
}

export { nearestNames };
