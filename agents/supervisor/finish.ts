/**
 * The last node of every turn. A reply written from tool results must pass the number checker
 * (every number in it comes from those results); one that fails, or an empty one (tool rounds ran
 * out), is replaced by the answer composed from the same results. The data-freshness line is added
 * when the reply lacks it, and a note of the facts the team asked to keep that bear on the answer.
 * The supervisor's own replies must not state figures it never read.
 */
import { AIMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { answerContextOf, partText } from "../answers/answer-context.ts";
import { answerText, composeAnswer } from "../answers/index.ts";
import { keptFactsNote } from "../answers/kept-facts-note.ts";
import { checkNumbers } from "../answers/number-check.ts";
import { supervisorReply } from "../answers/supervisor-replies.ts";
import type { ToolCallRecord } from "../answers/types.ts";
import { understandTurn } from "../models/offline/understanding-memo.ts";
import type { Intent } from "../models/offline/understanding/types.ts";
import type { TurnKind } from "../turn-types.ts";
import { ensureConfiguration } from "../shared/configuration.ts";
import { currentQuestion, currentToolCalls } from "../shared/turn-messages.ts";
import { madeUpFigures } from "./self-answer-check.ts";
import type { ConversationStateType, ConversationUpdate } from "./state.ts";

/** A data turn asks back when every call failed on a name it could not pin down. */
function kindOfToolTurn(records: readonly ToolCallRecord[]): TurnKind {
  const unresolved = records.every((record) => !record.outcome.ok && (record.outcome.error.code === "ambiguous" || record.outcome.error.code === "not_found"));
  return unresolved ? "clarify" : "answer";
}

/** The supervisor's own turns, classified by what the person asked (the offline understanding's reading). */
function kindOfSupervisorTurn(intent: Intent): TurnKind {
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
  // Read only when the router left no language or the supervisor answered (memoised with the router's reading).
  const reading = () => understandTurn(state.messages, configuration.context);
  const language = state.language ?? reading().language;
  const context = answerContextOf(configuration.context, language);
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
      text = answerText(composed);
    } else if (!checkNumbers(text, records, context).ok) {
      numbersChecked = false;
      text = answerText(composed);
    } else if (composed.freshness && !text.includes(composed.freshness)) {
      text = `${text}\n\n${composed.freshness}`;
    }
  } else if (text === "" || madeUpFigures(text, question).length > 0) {
    numbersChecked = text === "";
    text = partText(supervisorReply({ kind: "help" }, context));
  }

  // A data answer that touches something the team asked to keep in mind says so (memory answers cite their own facts).
  if (records.length > 0 && state.agent !== "memory") {
    const note = keptFactsNote(configuration.context.facts ?? [], [question, text], context);
    if (note !== null && !text.includes(note)) text = `${text}\n\n${note}`;
  }

  const kind = records.length > 0 ? kindOfToolTurn(records) : kindOfSupervisorTurn(reading().intent);
  const unchanged = reply !== null && reply.text.trim() === text;
  const messages = unchanged ? [] : [new AIMessage({ ...(reply?.id ? { id: reply.id } : {}), content: text })];
  return { messages, answer: text, freshness, numbersChecked, language, kind };
}
