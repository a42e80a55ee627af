/**
 * The analytics agent: its model with the analytics tools (tools/tool-names.ts AGENT_TOOLS), in the
 * shared model ⇄ tools loop. Added to the supervisor as a subgraph; also served alone (langgraph.json).
 */
import { buildAgentGraph } from "../shared/agent-graph.ts";

export const buildAnalyticsGraph = () => buildAgentGraph("analytics");

export const graph = buildAnalyticsGraph().compile({ name: "analytics" });
