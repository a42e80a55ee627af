/**
 * What every tool returns to the model: its data, or a typed error the model can explain or act on
 * (ask the person, try other arguments). Tools throw only on bugs. The outcome is serialised as the
 * ToolMessage's content (for the model) and kept whole as its artifact (for answers and the number
 * checker), so every number an answer says can be traced to one of these.
 */
import type { Freshness } from "../engines/metrics/query/freshness.ts";
import type { ToolName } from "./tool-names.ts";

/**
 * not_found: the arguments name something the workspace does not have (a metric, a product, a campaign);
 * invalid_request: valid arguments that do not make sense together (a breakdown the metric cannot split by);
 * ambiguous: several things match a name (`suggestions` lists them so the model can ask);
 * no_data: the workspace has no data for this (no ads connected, no inventory);
 * needs_approval: not possible without a person's approval (the approvals seam);
 * forbidden: the asker's role may not do this or see this (costs and margins hidden from viewers).
 */
export const TOOL_ERROR_CODES = ["not_found", "invalid_request", "ambiguous", "no_data", "needs_approval", "forbidden"] as const;
export type ToolErrorCode = (typeof TOOL_ERROR_CODES)[number];

export interface ToolError {
  readonly code: ToolErrorCode;
  readonly message: string;
  /** Close matches or valid alternatives, for a clarifying question. */
  readonly suggestions?: readonly string[];
}

export type ToolOutcome<Data = unknown> =
  | { readonly ok: true; readonly tool: ToolName; readonly data: Data; readonly freshness: readonly Freshness[] }
  | { readonly ok: false; readonly tool: ToolName; readonly error: ToolError };

export function toolData<Data>(tool: ToolName, data: Data, freshness: readonly Freshness[]): ToolOutcome<Data> {
  return { ok: true, tool, data, freshness };
}

export function toolError(tool: ToolName, code: ToolErrorCode, message: string, suggestions?: readonly string[]): ToolOutcome<never> {
  return { ok: false, tool, error: suggestions === undefined ? { code, message } : { code, message, suggestions } };
}
