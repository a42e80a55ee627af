/**
 * The marketing agent: its model with the marketing tools (tools/tool-names.ts AGENT_TOOLS), in the
 * shared model ⇄ tools loop. Added to the supervisor as a subgraph; also served alone (langgraph.json).
 */
import { buildAgentGraph } from "../shared/agent-graph.ts";

export const buildMarketingGraph = () => buildAgentGraph("marketing");

export const graph = buildMarketingGraph().compile({ name: "marketing" });
