/**
 * Claude behind LangChain's chat-model interface, over the official SDK's Messages API: bound tools
 * go out as Anthropic tools, tool_use blocks come back as tool_calls, so createAgent and our graphs
 * drive it like any other model. Not streaming: answers are short and go out whole to the channels.
 *
 * API version 2026-10-21 (what SDK 1.x sends) rejects temperature, top_p and top_k, so none are sent.
 */
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
  type LangSmithParams,
} from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { fromAnthropicResponse, toAnthropicMessages, toAnthropicTool, toAnthropicToolChoice } from "./anthropic-format.ts";
import { ModelProviderError, toModelProviderError } from "./provider-error.ts";

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

export interface AnthropicChatModelCallOptions extends BaseChatModelCallOptions {
  /** Tools the model may call: LangChain tools (zod schemas) or Anthropic/OpenAI tool definitions. */
  tools?: BindToolsInput[];
}

export interface AnthropicChatModelFields extends Omit<BaseChatModelParams, "maxRetries"> {
  apiKey: string;
  /** Null or unset: the public API. The SDK appends /v1/messages. */
  baseURL?: string | null;
  model: string;
  /** Most tokens one answer may have. */
  maxTokens: number;
  /** Retries of 408/409/429/5xx and connection errors, honouring retry-after (SDK default 2). Tests use 0. */
  maxRetries?: number;
  /** Per request, in milliseconds (SDK default: derived from maxTokens, at most 10 minutes). */
  timeoutMs?: number;
  /** A prepared client (tests, or a shared one); apiKey, baseURL, maxRetries and timeoutMs are then ignored. */
  client?: Anthropic;
}

export class AnthropicChatModel extends BaseChatModel<AnthropicChatModelCallOptions, AIMessageChunk> {
  readonly model: string;
  readonly maxTokens: number;
  readonly baseURL: string;
  private readonly client: Anthropic;

  static override lc_name(): string {
    return "BizosAnthropicChatModel";
  }

  constructor(fields: AnthropicChatModelFields) {
    const { apiKey, baseURL, model, maxTokens, maxRetries, timeoutMs, client, ...base } = fields;
    super(base);
    if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new RangeError(`maxTokens must be a positive integer, got ${maxTokens}`);
    this.model = model;
    this.maxTokens = maxTokens;
    this.baseURL = baseURL ?? ANTHROPIC_DEFAULT_BASE_URL;
    // baseURL is always given so the SDK never falls back to reading the environment itself.
    this.client =
      client ??
      new Anthropic({
        apiKey,
        baseURL: this.baseURL,
        ...(maxRetries === undefined ? {} : { maxRetries }),
        ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
      });
  }

  _llmType(): string {
    return "bizos-anthropic";
  }

  override get callKeys(): string[] {
    return [...super.callKeys, "tools", "tool_choice"];
  }

  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<AnthropicChatModelCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, AnthropicChatModelCallOptions> {
    // Formatting now surfaces a bad tool at bind time rather than on the first call.
    return this.withConfig({ ...kwargs, tools: tools.map(toAnthropicTool) });
  }

  override getLsParams(options: this["ParsedCallOptions"]): LangSmithParams {
    return { ...super.getLsParams(options), ls_provider: "anthropic", ls_model_name: this.model, ls_model_type: "chat", ls_max_tokens: this.maxTokens };
  }

  /** The request body for these messages and options (exposed for tests and debugging). */
  requestBody(messages: readonly BaseMessage[], options: Partial<AnthropicChatModelCallOptions>): Anthropic.Messages.MessageCreateParamsNonStreaming {
    const { system, messages: turns } = toAnthropicMessages(messages);
    if (turns.length === 0) throw new TypeError("The Anthropic model needs at least one user message.");
    const tools = options.tools?.map(toAnthropicTool);
    const toolChoice = tools && tools.length > 0 ? toAnthropicToolChoice(options.tool_choice) : undefined;
    return {
      model: this.model,
      max_tokens: this.maxTokens,
      messages: turns,
      ...(system === undefined ? {} : { system }),
      ...(tools && tools.length > 0 ? { tools } : {}),
      ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
      ...(options.stop && options.stop.length > 0 ? { stop_sequences: options.stop } : {}),
    };
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], _runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    const body = this.requestBody(messages, options);
    let response: unknown;
    try {
      response = await this.client.messages.create(body, { ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      throw this.providerError(error);
    }
    const message = fromAnthropicResponse(response);
    return { generations: [{ text: message.text, message }], llmOutput: { tokenUsage: message.usage_metadata } };
  }

  private providerError(error: unknown): unknown {
    const context = { model: this.model, baseURL: this.baseURL };
    if (error instanceof APIUserAbortError) return error;
    if (error instanceof APIConnectionError) {
      const timedOut = error instanceof APIConnectionTimeoutError;
      return new ModelProviderError(
        {
          provider: "anthropic",
          kind: "connection",
          status: null,
          retryAfterMs: null,
          requestId: null,
          message: `Could not reach Anthropic at ${this.baseURL}: ${timedOut ? "the request timed out" : error.message}`,
        },
        { cause: error },
      );
    }
    if (error instanceof APIError) return toModelProviderError("anthropic", error, context);
    return error;
  }
}
