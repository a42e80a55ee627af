/** reorder_suggestions: SKUs at or below their reorder point, with how much to order. */
import { assessInventory, HISTORY_DAYS, SELL_THROUGH_DAYS } from "../../engines/inventory/assess-inventory.ts";
import { rankInventory } from "../../engines/inventory/rank-inventory.ts";
import { DEFAULT_POLICY } from "../../engines/inventory/stock-policy.ts";
import { freshnessOfSources } from "../../engines/metrics/query/freshness.ts";
import { todayIn } from "../../engines/metrics/time/utc-bounds.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { reorderSuggestionsSchema } from "./contracts.ts";
import { inventoryItemData, type InventoryItemData } from "./inventory-data.ts";
import { resolveCatalog } from "./resolve-catalog.ts";

export interface ReorderLineData extends InventoryItemData {
  /** reorderQuantity × unit cost (or price when cost is unknown). */
  readonly orderValueCents: number;
  readonly valuedAtCost: boolean;
}

export interface ReorderSuggestionsData {
  readonly today: string;
  readonly leadTimeDays: number;
  readonly leadTimeSource: "argument" | "default";
  readonly reviewPeriodDays: number;
  readonly serviceLevel: number;
  readonly historyDays: number;
  /** Window of unitsSoldLast30Days and sell-through. */
  readonly sellThroughDays: number;
  readonly category: string | null;
  readonly skusAssessed: number;
  /** SKUs to reorder, before the top-N cut. */
  readonly matching: number;
  readonly lines: readonly ReorderLineData[];
  /** Σ order value of every SKU to reorder (not only the listed ones). */
  readonly totalOrderValueCents: number;
  readonly totalUnits: number;
}

export const createReorderSuggestionsTool: ToolFactory<typeof reorderSuggestionsSchema, ReorderSuggestionsData> = (deps) => async (args) => {
  const { db, workspace, clock } = deps;
  const tool = "reorder_suggestions";
  const resolved = await resolveCatalog(db, workspace.id, tool, args);
  if (!resolved.ok) return resolved.outcome;
  const today = todayIn(clock.now(), workspace.timezone);
  const policy = { ...DEFAULT_POLICY, leadTimeDays: args.leadTimeDays ?? DEFAULT_POLICY.leadTimeDays };
  const [items, freshness] = await Promise.all([
    assessInventory(db, workspace.id, { today, timeZone: workspace.timezone, horizonDays: policy.leadTimeDays, policy, filter: resolved.selection }),
    freshnessOfSources(db, workspace.id, ["inventory", "orders"]),
  ]);
  if (items.length === 0) return toolError(tool, "no_data", "There is no stock data to base reorders on (no stock snapshots or stock levels).");
  const lines = rankInventory(items, "reorder").map((item): ReorderLineData => {
    const data = inventoryItemData(item);
    return { ...data, orderValueCents: item.reorderQuantity * (item.costCents ?? item.priceCents), valuedAtCost: item.costCents !== null };
  });
  const data: ReorderSuggestionsData = {
    today,
    leadTimeDays: policy.leadTimeDays,
    leadTimeSource: args.leadTimeDays === null ? "default" : "argument",
    reviewPeriodDays: policy.reviewPeriodDays,
    serviceLevel: policy.serviceLevel,
    historyDays: HISTORY_DAYS,
    sellThroughDays: SELL_THROUGH_DAYS,
    category: resolved.selection.category,
    skusAssessed: items.length,
    matching: lines.length,
    lines: lines.slice(0, args.top),
    totalOrderValueCents: lines.reduce((sum, line) => sum + line.orderValueCents, 0),
    totalUnits: lines.reduce((sum, line) => sum + line.reorderQuantity, 0),
  };
  return toolData(tool, data, freshness);
};
