/** Every tool an agent can call, by the agent that owns it. */
export const ANALYTICS_TOOLS = ["query_metrics", "cohort_analysis", "rfm_segments", "explain_anomalies", "forecast_metric"] as const;
export const MARKETING_TOOLS = ["marketing_performance", "budget_reallocation"] as const;
export const COMMERCE_TOOLS = ["inventory_status", "reorder_suggestions", "competitor_prices", "price_suggestions", "propose_price_change", "undo_price_change", "price_changes"] as const;
/** The asker's own notifications: their settings, why an insight was sent to them, and their verdict on it. */
export const NOTIFICATION_TOOLS = ["notification_preferences", "explain_notification", "insight_feedback"] as const;
/** Conversation memory: recall what was said before, keep a fact the team states, forget one. */
export const MEMORY_TOOLS = ["recall_memory", "remember_fact", "forget_memory"] as const;

export type AnalyticsToolName = (typeof ANALYTICS_TOOLS)[number];
export type MarketingToolName = (typeof MARKETING_TOOLS)[number];
export type CommerceToolName = (typeof COMMERCE_TOOLS)[number];
export type NotificationToolName = (typeof NOTIFICATION_TOOLS)[number];
export type MemoryToolName = (typeof MEMORY_TOOLS)[number];
export type ToolName = AnalyticsToolName | MarketingToolName | CommerceToolName | NotificationToolName | MemoryToolName;

export const AGENTS = ["analytics", "marketing", "commerce_ops", "notifications", "memory"] as const;
export type AgentName = (typeof AGENTS)[number];

/** The tools each agent is given. Marketing also reads store metrics (MER, CAC need store revenue). */
export const AGENT_TOOLS: Readonly<Record<AgentName, readonly ToolName[]>> = {
  analytics: ANALYTICS_TOOLS,
  marketing: [...MARKETING_TOOLS, "query_metrics"],
  commerce_ops: COMMERCE_TOOLS,
  notifications: NOTIFICATION_TOOLS,
  memory: MEMORY_TOOLS,
};
