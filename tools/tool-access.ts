/**
 * Which tools a member may call, and the guard that makes a refused call a typed `forbidden`
 * result instead of a missing tool: the model still routes the question, and the answer tells the
 * person why (in their language) and whom to ask. Viewers do not get the tools that decide spend
 * (moving ad budget, purchase orders) or price changes, nor keep facts that steer the pricing tools; cost metrics follow TurnAccess.seesCosts.
 */
import type { TurnAccess } from "../engines/access/roles.ts";
import type { ToolName } from "./tool-names.ts";
import { toolError, type ToolOutcome } from "./tool-outcome.ts";

const VIEWER_DENIED_TOOLS: ReadonlySet<ToolName> = new Set<ToolName>(["budget_reallocation", "reorder_suggestions", "propose_price_change", "undo_price_change", "remember_fact"]);

export function canUseTool(access: TurnAccess, tool: ToolName): boolean {
  switch (access.role) {
    case "owner":
    case "admin":
    case "analyst":
      return true;
    case "viewer":
      return !VIEWER_DENIED_TOOLS.has(tool);
  }
}

/** The refusal a tool returns when the asker's role may not use it. */
export function roleForbidden(tool: ToolName, access: TurnAccess): ToolOutcome<never> {
  return toolError(tool, "forbidden", `The asker's role (${access.role}) may not use ${tool}; an owner or admin can.`);
}

/** The refusal for cost metrics the asker may not see. */
export function costsForbidden(tool: ToolName, metrics: readonly string[]): ToolOutcome<never> {
  return toolError(tool, "forbidden", `The asker may not see costs, profit or margins (${metrics.join(", ")}); the workspace withholds them from viewers.`);
}
