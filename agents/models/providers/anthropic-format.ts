/**
 * LangChain messages and tools in the shape of Anthropic's Messages API, and its responses back as an
 * AIMessage. Pure functions: anthropic-chat-model.ts does the calling.
 */
import type Anthropic from "@anthropic-ai/sdk";
import type { BindToolsInput, ToolChoice } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { ToolCall } from "@langchain/core/messages/tool";
import { isLangChainTool } from "@langchain/core/utils/function_calling";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { z } from "zod";

type MessageParam = Anthropic.Messages.MessageParam;
type ContentBlockParam = Anthropic.Messages.ContentBlockParam;
type TextBlockParam = Anthropic.Messages.TextBlockParam;
type ToolUseBlockParam = Anthropic.Messages.ToolUseBlockParam;
type ToolResultBlockParam = Anthropic.Messages.ToolResultBlockParam;
export type AnthropicTool = Anthropic.Messages.Tool;
export type AnthropicToolChoice = Anthropic.Messages.ToolChoice;

const jsonObject = z.record(z.string(), z.unknown());

/** A tool already in Anthropic's shape, or in OpenAI's (what convertToOpenAITool and many callers produce). */
const anthropicToolShape = z.object({ name: z.string().min(1), description: z.string().optional(), input_schema: jsonObject });
const openAIToolShape = z.object({
  type: z.literal("function"),
  function: z.object({ name: z.string().min(1), description: z.string().optional(), parameters: jsonObject.optional() }),
});

function inputSchema(schema: Record<string, unknown>): AnthropicTool["input_schema"] {
  const { $schema: _ignored, ...rest } = schema;
  return { ...rest, type: "object" };
}

/** One bound tool (a LangChain tool with a zod or JSON schema, or a tool definition) as an Anthropic tool. */
export function toAnthropicTool(tool: BindToolsInput): AnthropicTool {
  if (isLangChainTool(tool)) {
    const schema = jsonObject.parse(toJsonSchema(tool.schema));
    return { name: tool.name, ...(tool.description ? { description: tool.description } : {}), input_schema: inputSchema(schema) };
  }
  const anthropic = anthropicToolShape.safeParse(tool);
  if (anthropic.success) {
    const { name, description, input_schema } = anthropic.data;
    return { name, ...(description ? { description } : {}), input_schema: inputSchema(input_schema) };
  }
  const openai = openAIToolShape.safeParse(tool);
  if (openai.success) {
    const { name, description, parameters } = openai.data.function;
    return { name, ...(description ? { description } : {}), input_schema: inputSchema(parameters ?? { type: "object", properties: {} }) };
  }
  throw new TypeError("Unsupported tool for the Anthropic model: expected a LangChain tool, or an Anthropic or OpenAI tool definition.");
}

const namedChoice = z.union([
  z.object({ type: z.literal("tool"), name: z.string().min(1) }),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }),
]);

/** LangChain's tool_choice ("auto", "any"/"required", "none", a tool name, or a named-tool object) in Anthropic's shape. */
export function toAnthropicToolChoice(choice: ToolChoice | undefined): AnthropicToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === "string") {
    if (choice === "auto") return { type: "auto" };
    if (choice === "any" || choice === "required") return { type: "any" };
    if (choice === "none") return { type: "none" };
    return { type: "tool", name: choice };
  }
  const named = namedChoice.safeParse(choice);
  if (!named.success) throw new TypeError("Unsupported tool_choice for the Anthropic model.");
  return { type: "tool", name: named.data.type === "tool" ? named.data.name : named.data.function.name };
}

/** The text of a message's content; non-text blocks are refused for people's messages and skipped otherwise. */
function textOf(message: BaseMessage, refuseOtherBlocks: boolean): string {
  if (typeof message.content === "string") return message.content;
  const parts: string[] = [];
  for (const block of message.content) {
    if (block.type === "text" && typeof block.text === "string") parts.push(block.text);
    else if (refuseOtherBlocks) throw new TypeError(`The Anthropic model only takes text content here, got a "${block.type}" block.`);
  }
  return parts.join("");
}

function pushTurn(turns: MessageParam[], role: "user" | "assistant", blocks: ContentBlockParam[]): void {
  if (blocks.length === 0) return;
  const last = turns.at(-1);
  // The API wants turns to alternate: consecutive turns of one role become one (tool results stay first).
  if (last && last.role === role && Array.isArray(last.content)) last.content.push(...blocks);
  else turns.push({ role, content: blocks });
}

/** The conversation as the Messages API takes it: system text apart, tool results as user tool_result blocks. */
export function toAnthropicMessages(messages: readonly BaseMessage[]): { system: string | undefined; messages: MessageParam[] } {
  const system: string[] = [];
  const turns: MessageParam[] = [];
  for (const message of messages) {
    if (SystemMessage.isInstance(message)) {
      const text = textOf(message, false).trim();
      if (text) system.push(text);
    } else if (HumanMessage.isInstance(message)) {
      const text = textOf(message, true);
      if (text.trim()) pushTurn(turns, "user", [{ type: "text", text }]);
    } else if (AIMessage.isInstance(message)) {
      const text = textOf(message, false);
      const blocks: (TextBlockParam | ToolUseBlockParam)[] = text.trim() ? [{ type: "text", text }] : [];
      for (const call of message.tool_calls ?? []) {
        if (!call.id) throw new TypeError(`Tool call "${call.name}" has no id: the Anthropic API needs one to pair it with its result.`);
        blocks.push({ type: "tool_use", id: call.id, name: call.name, input: call.args });
      }
      pushTurn(turns, "assistant", blocks);
    } else if (ToolMessage.isInstance(message)) {
      const result: ToolResultBlockParam = {
        type: "tool_result",
        tool_use_id: message.tool_call_id,
        content: textOf(message, false),
        ...(message.status === "error" ? { is_error: true } : {}),
      };
      pushTurn(turns, "user", [result]);
    } else {
      throw new TypeError(`The Anthropic model cannot send a "${message.type}" message.`);
    }
  }
  return { system: system.length > 0 ? system.join("\n\n") : undefined, messages: turns };
}

/** The parts of a Messages API response this model reads, checked rather than trusted. */
const responseSchema = z.object({
  id: z.string(),
  model: z.string(),
  stop_reason: z.string().nullable(),
  content: z.array(z.object({ type: z.string() }).loose()),
  usage: z
    .object({
      input_tokens: z.number(),
      output_tokens: z.number(),
      cache_creation_input_tokens: z.number().nullish(),
      cache_read_input_tokens: z.number().nullish(),
    })
    .loose(),
});
const textBlock = z.object({ type: z.literal("text"), text: z.string() });
const toolUseBlock = z.object({ type: z.literal("tool_use"), id: z.string(), name: z.string(), input: jsonObject });

/** The response as an AIMessage: text joined, tool_use blocks as tool_calls, token usage. */
export function fromAnthropicResponse(response: unknown): AIMessage {
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success) throw new TypeError(`The Anthropic API answered with an unexpected shape: ${z.prettifyError(parsed.error)}`);
  const { id, model, stop_reason, content, usage } = parsed.data;
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of content) {
    const text = textBlock.safeParse(block);
    if (text.success) texts.push(text.data.text);
    const toolUse = toolUseBlock.safeParse(block);
    if (toolUse.success) toolCalls.push({ type: "tool_call", id: toolUse.data.id, name: toolUse.data.name, args: toolUse.data.input });
  }
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheCreation = usage.cache_creation_input_tokens ?? 0;
  const inputTokens = usage.input_tokens + cacheRead + cacheCreation;
  return new AIMessage({
    id,
    content: texts.join(""),
    tool_calls: toolCalls,
    usage_metadata: {
      input_tokens: inputTokens,
      output_tokens: usage.output_tokens,
      total_tokens: inputTokens + usage.output_tokens,
      input_token_details: { cache_read: cacheRead, cache_creation: cacheCreation },
    },
    response_metadata: { model_provider: "anthropic", model_name: model, stop_reason },
  });
}
