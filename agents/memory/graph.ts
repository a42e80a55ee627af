/**
 * The memory agent: its model with the memory tools (tools/tool-names.ts AGENT_TOOLS): recall what
 * was said before in any channel, with who said it, where and when; keep a fact the team states;
 * forget one. The shared model ⇄ tools loop, added to the supervisor as a subgraph.
 */
import { buildAgentGraph } from "../shared/agent-graph.ts";

export const buildMemoryGraph = () => buildAgentGraph("memory");

export const graph = buildMemoryGraph().compile({ name: "memory" });
