/**
 * The last node of every turn. A reply written from tool results must pass the number checker
 * (every number in it comes from those results); one that fails, or an empty one (tool rounds ran
 * out), is replaced by the answer composed from the same results. The data-freshness line is added
 * when the reply lacks it. The supervisor's own replies must not state figures it never read.
 */
import { AIMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { composeAnswer } from "../answers/index.ts";
import { checkNumbers } from "../answers/number-check.ts";
import { supervisorReply } from "../answers/supervisor-replies.ts";
import type { AnswerContext, ToolCallRecord } from "../answers/types.ts";
import { understandOnce } from "../models/offline/understanding-memo.ts";
import type { TurnKind } from "../turn-types.ts";
import { ensureConfiguration } from "../shared/configuration.ts";
import type { Language } from "../shared/language.ts";
import { currentQuestion, currentToolCalls, previousCalls } from "../shared/turn-messages.ts";
import type { WorkspaceContext } from "../shared/workspace-context.ts";
import { madeUpFigures } from "./self-answer-check.ts";
import type { ConversationStateType, ConversationUpdate } from "./state.ts";
import { detectTurnLanguage } from "./turn-language.ts";

function answerContext(context: WorkspaceContext, language: Language): AnswerContext {
  return { language, currency: context.workspace.currency, timeZone: context.workspace.timeZone, now: context.now, workspaceName: context.workspace.name };
}

function joinLines(...lines: readonly (string | null)[]): string {
  return lines.filter((line): line is string => line !== null && line.trim() !== "").join("\n\n");
}

/** A data turn asks back when every call failed on a name it could not pin down. */
function kindOfToolTurn(records: readonly ToolCallRecord[]): TurnKind {
  const unresolved = records.every((record) => !record.outcome.ok && (record.outcome.error.code === "ambiguous" || record.outcome.error.code === "not_found"));
  return unresolved ? "clarify" : "answer";
}

/** The supervisor's own turns, classified by what the person asked (the offline understanding's reading). */
function kindOfSupervisorTurn(messages: ConversationStateType["messages"], context: WorkspaceContext): TurnKind {
  const { calls, language } = previousCalls(messages);
  const intent = understandOnce({ text: currentQuestion(messages), context, previous: calls, threadLanguage: language }).intent;
  switch (intent.kind) {
    case "out_of_scope":
    case "change_request":
      return "refuse";
    case "clarify":
      return "clarify";
    case "tool":
    case "greeting":
    case "thanks":
    case "help":
      return "answer";
  }
}

export function finishTurn(state: ConversationStateType, config: RunnableConfig): ConversationUpdate {
  const configuration = ensureConfiguration(config);
  const question = currentQuestion(state.messages);
  const language = state.language ?? detectTurnLanguage(question, configuration.context, null);
  const context = answerContext(configuration.context, language);
  const last = state.messages.at(-1);
  const reply = last && AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) === 0 ? last : null;
  const records = currentToolCalls(state.messages);

  let text = reply?.text.trim() ?? "";
  let numbersChecked = true;
  let freshness: string | null = null;
  if (records.length > 0) {
    const composed = composeAnswer(records, context);
    freshness = composed.freshness;
    if (text === "") {
      text = joinLines(composed.text, composed.freshness, composed.suggestion);
    } else if (!checkNumbers(text, records, context).ok) {
      numbersChecked = false;
      text = joinLines(composed.text, composed.freshness, composed.suggestion);
    } else if (composed.freshness && !text.includes(composed.freshness)) {
      text = joinLines(text, composed.freshness);
    }
  } else if (text === "" || madeUpFigures(text, question).length > 0) {
    numbersChecked = text === "";
    const help = supervisorReply({ kind: "help" }, context);
    text = joinLines(help.text, help.suggestion);
  }

  const kind = records.length > 0 ? kindOfToolTurn(records) : kindOfSupervisorTurn(state.messages, configuration.context);
  const unchanged = reply !== null && reply.text.trim() === text;
  const messages = unchanged ? [] : [new AIMessage({ ...(reply?.id ? { id: reply.id } : {}), content: text })];
  return { messages, answer: text, freshness, numbersChecked, language, kind };
}
