/**
 * OpenAI through @langchain/openai's ChatOpenAI (Chat Completions, tool calling built in). The only
 * additions: the base URL for proxies and tests, temperature 0 where the model accepts it, and
 * failures turned into ModelProviderError like the Anthropic model's.
 */
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { ChatOpenAI } from "@langchain/openai";
import { toModelProviderError } from "./provider-error.ts";

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

export interface OpenAIChatModelOptions {
  readonly apiKey: string;
  /** Null or unset: the public API. Ends in /v1 (the client appends /chat/completions). */
  readonly baseURL?: string | null;
  readonly model: string;
  /** Retries of 429/5xx/connection errors with exponential backoff (LangChain default 6). Tests use 0. */
  readonly maxRetries?: number;
  /** Per request, in milliseconds. */
  readonly timeoutMs?: number;
  /** Most tokens one answer may have (unset: the model's own limit). */
  readonly maxTokens?: number;
}

/**
 * Reasoning models (o-series, GPT-5 and later) reject a temperature other than their default, so it
 * is only sent to the models that take it.
 */
export function acceptsTemperature(model: string): boolean {
  if (/^o\d/.test(model)) return false;
  if (/^gpt-5/.test(model)) return model.startsWith("gpt-5-chat");
  if (/^gpt-(\d+)/.test(model)) return Number(/^gpt-(\d+)/.exec(model)?.[1]) < 5;
  return true;
}

/** ChatOpenAI whose failures are ModelProviderErrors (after its own retries). */
export class BizosChatOpenAI extends ChatOpenAI {
  private readonly endpoint: string;

  constructor(fields: ConstructorParameters<typeof ChatOpenAI>[0] & { endpoint: string }) {
    const { endpoint, ...rest } = fields;
    super(rest);
    this.endpoint = endpoint;
  }

  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    try {
      return await super._generate(messages, options, runManager);
    } catch (error) {
      throw toModelProviderError("openai", error, { model: this.model, baseURL: this.endpoint });
    }
  }
}

export function createOpenAIChatModel(options: OpenAIChatModelOptions): BizosChatOpenAI {
  const baseURL = options.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  return new BizosChatOpenAI({
    apiKey: options.apiKey,
    model: options.model,
    // Given explicitly so the client never falls back to reading OPENAI_BASE_URL itself.
    configuration: { baseURL },
    endpoint: baseURL,
    ...(acceptsTemperature(options.model) ? { temperature: 0 } : {}),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
  });
}
