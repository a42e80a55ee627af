/**
 * The supervisor: our own StateGraph. The router reads the message and either hands it to one agent
 * (analytics, marketing, commerce_ops, notifications, memory) through its `route` tool or answers itself (greeting, help,
 * out of scope, a refusal to change anything, a clarifying question). The edges are fixed:
 * router → (agent →) finish → compact → END, so a turn makes at most one hop and cannot loop; each agent's
 * tool rounds are bounded too. `finish` checks the numbers of the reply against the turn's tool
 * results and adds the data-freshness line; `compact` then folds a long thread's older turns into its
 * summary (agents/shared/thread-compaction.ts), so long threads stay fast.
 */
import { AIMessage, ToolMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { END, START, StateGraph } from "@langchain/langgraph";
import { buildAnalyticsGraph } from "../analytics/graph.ts";
import { buildCommerceOpsGraph } from "../commerce-ops/graph.ts";
import { buildMarketingGraph } from "../marketing/graph.ts";
import { buildMemoryGraph } from "../memory/graph.ts";
import { buildNotificationsGraph } from "../notifications/graph.ts";
import { ensureConfiguration } from "../shared/configuration.ts";
import { understandTurn } from "../models/offline/understanding-memo.ts";
import { modelInput } from "../shared/model-input.ts";
import { compactTurn } from "../shared/thread-compaction.ts";
import type { AgentName } from "../../tools/tool-names.ts";
import { finishTurn } from "./finish.ts";
import { ROUTE_TOOL, routeSchema, routeTool } from "./route-tool.ts";
import { ConversationState, MAX_HOPS, type ConversationStateType, type ConversationUpdate } from "./state.ts";

async function route(state: ConversationStateType, config: RunnableConfig): Promise<ConversationUpdate> {
  const configuration = ensureConfiguration(config);
  const model = configuration.models.modelFor("router");
  if (!model.bindTools) throw new Error("the router model cannot call tools");
  const input = modelInput(configuration.systemPrompt("router", configuration.context), state.messages, configuration.historyMessages, state.summary);
  const response = await model.bindTools([routeTool]).invoke(input, config);
  const modelCalls = state.modelCalls + 1;
  const call = response.tool_calls?.find((candidate) => candidate.name === ROUTE_TOOL);
  const parsed = call ? routeSchema.safeParse(call.args) : null;
  if (call && parsed?.success && state.hops < MAX_HOPS) {
    // Providers require every tool call to be answered: acknowledge the route in the thread.
    const routed = new AIMessage({ id: response.id, content: response.content, tool_calls: [{ ...call, type: "tool_call" }] });
    const acknowledged = new ToolMessage({ tool_call_id: call.id ?? ROUTE_TOOL, name: ROUTE_TOOL, content: `Routed to ${parsed.data.agent}.` });
    return { messages: [routed, acknowledged], agent: parsed.data.agent, language: parsed.data.language, hops: state.hops + 1, modelCalls };
  }
  const language = understandTurn(state.messages, configuration.context).language;
  // A text answer, or a route we cannot follow: the supervisor answers (finish checks and fixes it).
  const text = call ? "" : response.text;
  return { messages: [new AIMessage({ id: response.id, content: text })], agent: "supervisor", language, modelCalls };
}

function afterRoute(state: ConversationStateType): AgentName | "finish" {
  return state.agent === null || state.agent === "supervisor" ? "finish" : state.agent;
}

export function buildSupervisorGraph() {
  return new StateGraph(ConversationState)
    .addNode("router", route)
    .addNode("analytics", buildAnalyticsGraph().compile({ name: "analytics" }))
    .addNode("marketing", buildMarketingGraph().compile({ name: "marketing" }))
    .addNode("commerce_ops", buildCommerceOpsGraph().compile({ name: "commerce_ops" }))
    .addNode("notifications", buildNotificationsGraph().compile({ name: "notifications" }))
    .addNode("memory", buildMemoryGraph().compile({ name: "memory" }))
    .addNode("finish", finishTurn)
    .addNode("compact", compactTurn)
    .addEdge(START, "router")
    .addConditionalEdges("router", afterRoute, ["analytics", "marketing", "commerce_ops", "notifications", "memory", "finish"])
    .addEdge("analytics", "finish")
    .addEdge("marketing", "finish")
    .addEdge("commerce_ops", "finish")
    .addEdge("notifications", "finish")
    .addEdge("memory", "finish")
    .addEdge("finish", "compact")
    .addEdge("compact", END);
}

/** The compiled supervisor without a checkpointer (langgraph.json; the runtime compiles its own with one). */
export const graph = buildSupervisorGraph().compile({ name: "supervisor" });
