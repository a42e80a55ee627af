/**
 * The commerce_ops agent: its model with the commerce_ops tools (tools/tool-names.ts AGENT_TOOLS), in the
 * shared model ⇄ tools loop. Added to the supervisor as a subgraph; also served alone (langgraph.json).
 */
import { buildAgentGraph } from "../shared/agent-graph.ts";

export const buildCommerceOpsGraph = () => buildAgentGraph("commerce_ops");

export const graph = buildCommerceOpsGraph().compile({ name: "commerce_ops" });
