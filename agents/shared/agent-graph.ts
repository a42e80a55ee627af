/**
 * The shape every agent shares: a model node that may call the agent's tools, a tools node that runs
 * them, and back, at most MAX_TOOL_ROUNDS times; the agent ends when its model answers in text (or
 * the rounds run out, and the supervisor writes the answer from the results that are in).
 */
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { END, START, StateGraph } from "@langchain/langgraph";
import { ConversationState, MAX_TOOL_ROUNDS, type ConversationStateType, type ConversationUpdate } from "../supervisor/state.ts";
import type { AgentName } from "../../tools/tool-names.ts";
import { agentTask, ensureConfiguration } from "./configuration.ts";
import { modelInput } from "./model-input.ts";
import { runToolCalls } from "./run-tools.ts";
import { currentTurnStart } from "./turn-messages.ts";

/** Tool-call rounds the agent has made in the current turn. */
export function toolRounds(messages: readonly BaseMessage[]): number {
  const start = currentTurnStart(messages);
  return messages.slice(Math.max(start, 0)).filter((message) => AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) > 0 && message.tool_calls?.[0]?.name !== "route").length;
}

export function buildAgentGraph(agent: AgentName) {
  const callModel = async (state: ConversationStateType, config: RunnableConfig): Promise<ConversationUpdate> => {
    const configuration = ensureConfiguration(config);
    const model = configuration.models.modelFor(agentTask(agent));
    if (!model.bindTools) throw new Error(`the ${agentTask(agent)} model cannot call tools`);
    const bound = model.bindTools([...configuration.tools[agent]]);
    const input = modelInput(configuration.systemPrompt(agent, configuration.context), state.messages, configuration.historyMessages, state.summary);
    const response = await bound.invoke(input, config);
    return { messages: [response], modelCalls: state.modelCalls + 1 };
  };

  const callTools = async (state: ConversationStateType, config: RunnableConfig): Promise<ConversationUpdate> => {
    const configuration = ensureConfiguration(config);
    return { messages: await runToolCalls(state.messages, configuration.tools[agent]) };
  };

  const afterModel = (state: ConversationStateType): "tools" | typeof END => {
    const last = state.messages.at(-1);
    const wantsTools = last !== undefined && AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) > 0;
    return wantsTools && toolRounds(state.messages) <= MAX_TOOL_ROUNDS ? "tools" : END;
  };

  const afterTools = (state: ConversationStateType): "model" | typeof END => (toolRounds(state.messages) < MAX_TOOL_ROUNDS ? "model" : END);

  return new StateGraph(ConversationState)
    .addNode("model", callModel)
    .addNode("tools", callTools)
    .addEdge(START, "model")
    .addConditionalEdges("model", afterModel, ["tools", END])
    .addConditionalEdges("tools", afterTools, ["model", END]);
}
