/**
 * What a turn runs with, passed to the compiled graphs in config.configurable.bizos: the model
 * loader, the turn's tools (bound to its workspace and clock) and the workspace context. Graph nodes
 * read it through ensureConfiguration; they never construct models or tools themselves.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { StructuredToolInterface } from "@langchain/core/tools";
import type { AgentName } from "../../tools/tool-names.ts";
import type { WorkspaceContext } from "./workspace-context.ts";

export type ModelTaskName = "router" | "analytics" | "marketing" | "commerce" | "writer";

export interface ModelSource {
  modelFor(task: ModelTaskName): BaseChatModel;
}

export type PromptRole = "router" | AgentName;

export interface ConversationConfiguration {
  readonly models: ModelSource;
  readonly tools: Readonly<Record<AgentName, readonly StructuredToolInterface[]>>;
  readonly context: WorkspaceContext;
  readonly systemPrompt: (role: PromptRole, context: WorkspaceContext) => string;
  /** How many earlier messages the models see (the memory issue summarises older ones). */
  readonly historyMessages: number;
}

const KEY = "bizos";

export function withConfiguration(configuration: ConversationConfiguration, config: RunnableConfig = {}): RunnableConfig {
  return { ...config, configurable: { ...config.configurable, [KEY]: configuration } };
}

function isConfiguration(value: unknown): value is ConversationConfiguration {
  return typeof value === "object" && value !== null && "models" in value && "tools" in value && "context" in value && "systemPrompt" in value;
}

export function ensureConfiguration(config: RunnableConfig | undefined): ConversationConfiguration {
  const value: unknown = config?.configurable?.[KEY];
  if (!isConfiguration(value)) {
    throw new Error("the conversation graph needs its configuration (models, tools, workspace context): run it through agents/runtime.ts createConversationRuntime");
  }
  return value;
}

export function agentTask(agent: AgentName): ModelTaskName {
  switch (agent) {
    case "analytics":
      return "analytics";
    case "marketing":
      return "marketing";
    case "commerce_ops":
      return "commerce";
    // Settings changes and short explanations need no analysis: the router's small, fast model does them.
    case "notifications":
      return "router";
    // Recall answers quote and cite earlier messages: the writer model words them.
    case "memory":
      return "writer";
  }
}
