/** inventory_status: stockout risk, days of stock or overstock per SKU, from the inventory engine. */
import { assessInventory, HISTORY_DAYS, SELL_THROUGH_DAYS } from "../../engines/inventory/assess-inventory.ts";
import { rankInventory } from "../../engines/inventory/rank-inventory.ts";
import { DEFAULT_POLICY } from "../../engines/inventory/stock-policy.ts";
import { freshnessOfSources } from "../../engines/metrics/query/freshness.ts";
import { todayIn } from "../../engines/metrics/time/utc-bounds.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { inventoryStatusSchema } from "./contracts.ts";
import { inventoryItemData, type InventoryItemData } from "./inventory-data.ts";
import { resolveCatalog } from "./resolve-catalog.ts";

export interface InventoryStatusData {
  readonly view: "stockout_risk" | "days_of_stock" | "overstock";
  /** The workspace's local today: forecasts start on it. */
  readonly today: string;
  readonly horizonDays: number;
  readonly historyDays: number;
  /** Window of unitsSoldLast30Days and sell-through. */
  readonly sellThroughDays: number;
  readonly leadTimeDays: number;
  readonly reviewPeriodDays: number;
  /** Days of stock beyond which a SKU counts as overstocked. */
  readonly overstockThresholdDays: number;
  readonly serviceLevel: number;
  readonly category: string | null;
  /** SKUs with stock data that were assessed. */
  readonly skusAssessed: number;
  /** SKUs the view selects, before the top-N cut. */
  readonly matching: number;
  readonly items: readonly InventoryItemData[];
  readonly totals: {
    readonly outOfStock: number;
    readonly atRisk: number;
    readonly overstocked: number;
    readonly excessValueCents: number;
  };
}

export const createInventoryStatusTool: ToolFactory<typeof inventoryStatusSchema, InventoryStatusData> = (deps) => async (args) => {
  const { db, workspace, clock } = deps;
  const tool = "inventory_status";
  const resolved = await resolveCatalog(db, workspace.id, tool, args);
  if (!resolved.ok) return resolved.outcome;
  const today = todayIn(clock.now(), workspace.timezone);
  const [items, freshness] = await Promise.all([
    assessInventory(db, workspace.id, { today, timeZone: workspace.timezone, horizonDays: args.horizonDays, policy: DEFAULT_POLICY, filter: resolved.selection }),
    freshnessOfSources(db, workspace.id, ["inventory", "orders"]),
  ]);
  if (items.length === 0) {
    const scoped = resolved.selection.productIds !== null || resolved.selection.variantIds !== null || resolved.selection.category !== null;
    return toolError(tool, "no_data", scoped ? "There is no stock data for these products." : "This workspace has no inventory data yet (no stock snapshots or stock levels).");
  }
  const ranked = rankInventory(items, args.view);
  const atRisk = rankInventory(items, "stockout_risk");
  const overstocked = rankInventory(items, "overstock").map((item) => inventoryItemData(item, deps.access.seesCosts));
  const data: InventoryStatusData = {
    view: args.view,
    today,
    horizonDays: args.horizonDays,
    historyDays: HISTORY_DAYS,
    sellThroughDays: SELL_THROUGH_DAYS,
    leadTimeDays: DEFAULT_POLICY.leadTimeDays,
    reviewPeriodDays: DEFAULT_POLICY.reviewPeriodDays,
    overstockThresholdDays: items[0]!.overstockThresholdDays,
    serviceLevel: DEFAULT_POLICY.serviceLevel,
    category: resolved.selection.category,
    skusAssessed: items.length,
    matching: ranked.length,
    items: ranked.slice(0, args.top).map((item) => inventoryItemData(item, deps.access.seesCosts)),
    totals: {
      outOfStock: items.filter((item) => item.outOfStock && item.dailyDemand > 0).length,
      atRisk: atRisk.length,
      overstocked: overstocked.length,
      excessValueCents: overstocked.reduce((sum, item) => sum + item.excessValueCents, 0),
    },
  };
  return toolData(tool, data, freshness);
};
