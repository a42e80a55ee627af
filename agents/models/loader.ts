/**
 * The one place models are made. Nodes ask for the model of their task (`modelFor("analytics")`)
 * and never construct one: tests pass scripted fakes as overrides, the configuration picks offline,
 * OpenAI or Anthropic per task, and each task's model is created once and reused.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { MODEL_TASKS, type ModelSettings, type ModelTask } from "../../config/index.ts";
import { AnthropicChatModel } from "./providers/anthropic-chat-model.ts";
import { createOpenAIChatModel } from "./providers/openai-chat-model.ts";

export { MODEL_TASKS, type ModelSettings, type ModelTask };

/** Most tokens an answer may have, per task, for providers that need a limit (Anthropic). */
export const MAX_OUTPUT_TOKENS: Readonly<Record<ModelTask, number>> = {
  router: 512,
  analytics: 2048,
  marketing: 2048,
  commerce: 2048,
  writer: 2048,
};

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;

export interface ModelLoaderOptions {
  /** Makes the offline model (called once per task that uses it). */
  readonly offline: (task: ModelTask) => BaseChatModel;
  /** Models that win over the configuration, by task: scripted fakes in tests. */
  readonly overrides?: Partial<Record<ModelTask, BaseChatModel>>;
  /** Provider retries of rate limits, overloads and connection errors (default 2). */
  readonly maxRetries?: number;
  /** Per request, in milliseconds (default 60 s: a person is waiting in a chat; the SDKs would wait 10 min). */
  readonly timeoutMs?: number;
}

export interface ModelLoader {
  modelFor(task: ModelTask): BaseChatModel;
  /** Which model serves each task, for logs and `bizos doctor`: "offline", "openai:gpt-4.1-mini", "override:…". Never a key. */
  describe(): Record<ModelTask, string>;
}

export class ModelConfigurationError extends Error {
  override readonly name = "ModelConfigurationError";
}

export function createModelLoader(settings: ModelSettings, options: ModelLoaderOptions): ModelLoader {
  const cache = new Map<ModelTask, BaseChatModel>();
  const retries = { maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES };
  const timeout = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };

  function create(task: ModelTask): BaseChatModel {
    const override = options.overrides?.[task];
    if (override) return override;
    const { provider, model } = settings.tasks[task];
    switch (provider) {
      case "offline":
        return options.offline(task);
      case "openai": {
        const apiKey = settings.openai.apiKey;
        if (!apiKey) throw new ModelConfigurationError(`The ${task} task uses openai, but OPENAI_API_KEY is not set.`);
        return createOpenAIChatModel({ apiKey, baseURL: settings.openai.baseURL, model: modelName(task, model), ...retries, ...timeout });
      }
      case "anthropic": {
        const apiKey = settings.anthropic.apiKey;
        if (!apiKey) throw new ModelConfigurationError(`The ${task} task uses anthropic, but ANTHROPIC_API_KEY is not set.`);
        return new AnthropicChatModel({
          apiKey,
          baseURL: settings.anthropic.baseURL,
          model: modelName(task, model),
          maxTokens: MAX_OUTPUT_TOKENS[task],
          ...retries,
          ...timeout,
        });
      }
    }
  }

  function describeTask(task: ModelTask): string {
    const override = options.overrides?.[task];
    if (override) return `override:${override._llmType()}`;
    const { provider, model } = settings.tasks[task];
    return model === null ? provider : `${provider}:${model}`;
  }

  return {
    modelFor(task) {
      let model = cache.get(task);
      if (!model) {
        model = create(task);
        cache.set(task, model);
      }
      return model;
    },
    describe() {
      return {
        router: describeTask("router"),
        analytics: describeTask("analytics"),
        marketing: describeTask("marketing"),
        commerce: describeTask("commerce"),
        writer: describeTask("writer"),
      };
    },
  };
}

function modelName(task: ModelTask, model: string | null): string {
  if (model === null) throw new ModelConfigurationError(`The ${task} task names a provider but no model.`);
  return model;
}
