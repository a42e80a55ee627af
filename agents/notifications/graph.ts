/**
 * The notifications agent: its model with the notifications tools (tools/tool-names.ts AGENT_TOOLS):
 * the asker's own digest, alert, weekly-report and quiet-hours settings, why an insight was sent to
 * them, and their feedback on it. The shared model ⇄ tools loop, added to the supervisor as a subgraph.
 */
import { buildAgentGraph } from "../shared/agent-graph.ts";

export const buildNotificationsGraph = () => buildAgentGraph("notifications");

export const graph = buildNotificationsGraph().compile({ name: "notifications" });
