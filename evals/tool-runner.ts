/**
 * Running a tool's expected call through its factory (tools/<agent>/<tool>.ts, createXxxTool(deps)),
 * loaded by name at eval time so the evals work while tools arrive one by one. Every tool's key value
 * is the first listed name in its data (a campaign, a product, a segment…).
 */
import { z } from "zod";
import type { ToolDeps } from "../tools/tool-contract.ts";
import type { ToolName } from "../tools/tool-names.ts";
import type { ExpectedValuesResult } from "./scorers/values.ts";

export type ExpectedToolRunner = (tool: ToolName, args: Readonly<Record<string, unknown>>, deps: ToolDeps) => Promise<ExpectedValuesResult>;

const FOLDERS: Readonly<Record<ToolName, string>> = {
  query_metrics: "analytics",
  cohort_analysis: "analytics",
  rfm_segments: "analytics",
  explain_anomalies: "analytics",
  forecast_metric: "analytics",
  marketing_performance: "marketing",
  budget_reallocation: "marketing",
  inventory_status: "commerce-ops",
  reorder_suggestions: "commerce-ops",
  competitor_prices: "commerce-ops",
  price_suggestions: "commerce-ops",
  propose_price_change: "commerce-ops",
  undo_price_change: "commerce-ops",
  price_changes: "commerce-ops",
  notification_preferences: "notifications",
  explain_notification: "notifications",
  insight_feedback: "notifications",
  recall_memory: "memory",
  remember_fact: "memory",
  forget_memory: "memory",
};

export function factoryLocation(tool: ToolName): { readonly module: string; readonly exportName: string } {
  const words = tool.split("_");
  return {
    module: `../tools/${FOLDERS[tool]}/${words.join("-")}.ts`,
    exportName: `create${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("")}Tool`,
  };
}

const outcomeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

type Factory = (deps: ToolDeps) => unknown;
type Run = (args: Readonly<Record<string, unknown>>) => unknown;
// A module loaded by name can only be checked for being a function; its contract is ToolFactory.
const isFunction = <T>(value: unknown): value is T => typeof value === "function";

const NAME_KEYS = ["productTitle", "title", "name", "label", "product", "campaign", "platform", "segment"];
const SKIP_KEYS = new Set(["freshness", "paths", "metrics", "range", "comparison"]);

/** The first name of the first list of named items in the data, depth first. */
export function firstListedName(data: unknown, depth = 0): string | null {
  if (depth > 5 || typeof data !== "object" || data === null) return null;
  if (Array.isArray(data)) {
    const items: readonly unknown[] = data;
    for (const item of items) {
      if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
      const record = item as Readonly<Record<string, unknown>>;
      for (const key of NAME_KEYS) {
        const value = record[key];
        if (typeof value === "string" && value.trim() !== "") return value;
      }
    }
    for (const item of items) {
      const nested = firstListedName(item, depth + 1);
      if (nested !== null) return nested;
    }
    return null;
  }
  for (const [key, value] of Object.entries(data)) {
    if (SKIP_KEYS.has(key)) continue;
    const nested = firstListedName(value, depth + 1);
    if (nested !== null) return nested;
  }
  return null;
}

export const runToolByFactory: ExpectedToolRunner = async (tool, args, deps) => {
  const { module, exportName } = factoryLocation(tool);
  let loaded: unknown;
  try {
    loaded = await import(new URL(module, import.meta.url).href);
  } catch {
    return { ok: false, reason: `${tool}: no tool factory at tools/${FOLDERS[tool]} yet` };
  }
  const factory = typeof loaded === "object" && loaded !== null ? (loaded as Readonly<Record<string, unknown>>)[exportName] : undefined;
  if (!isFunction<Factory>(factory)) return { ok: false, reason: `${tool}: ${module} has no ${exportName}` };
  const run = factory(deps);
  if (!isFunction<Run>(run)) return { ok: false, reason: `${tool}: ${exportName} did not return a function` };
  const outcome = outcomeSchema.safeParse(await run(args));
  if (!outcome.success) return { ok: false, reason: `${tool}: the outcome is not a ToolOutcome` };
  if (!outcome.data.ok) return { ok: false, reason: `${tool} failed for the expected call: ${outcome.data.error.message}` };
  const name = firstListedName(outcome.data.data);
  return { ok: true, values: { numbers: [], names: name === null ? [] : [name] } };
};
