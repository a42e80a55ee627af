/**
 * The offline model: a deterministic understanding layer behind the same chat-model interface as
 * OpenAI and Anthropic, so one graph serves all three. It reads what a real model reads (the system
 * prompt's workspace context, the thread's messages, the bound tools) and answers the way a real
 * model would: a `route` call from the router, a real tool call from an agent, and, once tool
 * results are in, an answer written from them. It never invents a number: answers are composed from
 * tool outcomes only, and when it cannot tell what is asked it asks.
 */
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from "@langchain/core/language_models/chat_models";
import { AIMessage, SystemMessage, type AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { z } from "zod";
import { answerText, composeAnswer } from "../../answers/index.ts";
import { answerContextOf, partText } from "../../answers/answer-context.ts";
import { supervisorReply } from "../../answers/supervisor-replies.ts";
import type { ComposedPart } from "../../answers/types.ts";
import { currentToolCalls } from "../../shared/turn-messages.ts";
import { contextOfPrompt, understandTurn } from "./understanding-memo.ts";
import type { Intent } from "./understanding/types.ts";

const ROUTE = "route";

const boundToolSchema = z.union([z.object({ name: z.string() }), z.object({ function: z.object({ name: z.string() }) })]);

function toolNameOf(input: BindToolsInput): string | null {
  const parsed = boundToolSchema.safeParse(input);
  if (!parsed.success) return null;
  return "name" in parsed.data ? parsed.data.name : parsed.data.function.name;
}

let sequence = 0;
function messageId(): string {
  sequence += 1;
  return `offline-${Date.now().toString(36)}-${sequence}`;
}

export class OfflineChatModel extends BaseChatModel<BaseChatModelCallOptions> {
  /** Names of the tools bound to this instance. */
  readonly toolNames: readonly string[];

  constructor(toolNames: readonly string[] = []) {
    super({});
    this.toolNames = toolNames;
  }

  _llmType(): string {
    return "bizos-offline";
  }

  override bindTools(tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    const names = tools.map(toolNameOf).filter((name): name is string => name !== null);
    return new OfflineChatModel([...this.toolNames, ...names]).withConfig({});
  }

  _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.respond(messages);
    return Promise.resolve({ generations: [{ text: message.text, message }] });
  }

  private respond(messages: readonly BaseMessage[]): AIMessage {
    const system = messages.find((message) => SystemMessage.isInstance(message));
    const context = system ? contextOfPrompt(system.text) : null;
    if (!context) return new AIMessage({ id: messageId(), content: "I am missing the workspace context: I cannot answer without it." });
    const understanding = understandTurn(messages, context);
    const reply = (part: ComposedPart) => new AIMessage({ id: messageId(), content: partText(part) });

    // Tool results are in for this turn: write the answer from them.
    const records = currentToolCalls(messages);
    if (records.length > 0 && !this.toolNames.includes(ROUTE)) {
      return new AIMessage({ id: messageId(), content: answerText(composeAnswer(records, answerContextOf(context, understanding.language))) });
    }

    const intent = understanding.intent;
    const language = understanding.language;
    if (intent.kind !== "tool") return reply(supervisorReply(intent, answerContextOf(context, language)));
    if (this.toolNames.includes(ROUTE)) {
      return new AIMessage({
        id: messageId(),
        content: "",
        tool_calls: [{ id: `${messageId()}-route`, name: ROUTE, args: { agent: intent.agent, language, reason: `${intent.tool} request` }, type: "tool_call" }],
      });
    }
    if (this.toolNames.includes(intent.tool)) {
      return new AIMessage({ id: messageId(), content: "", tool_calls: [{ id: `${messageId()}-call`, name: intent.tool, args: { ...intent.args }, type: "tool_call" }] });
    }
    // Routed to an agent without the tool this needs (a real router's choice): ask rather than guess.
    const clarify: Intent = { kind: "clarify", reason: "metric", options: [], term: null };
    return reply(supervisorReply(clarify, answerContextOf(context, language)));
  }

}
