/** Outcome data back as the types the commerce-ops tools wrote (it crossed the graph as unknown). */
import type { CompetitorPricesData } from "../../../tools/commerce-ops/competitor-prices.ts";
import type { InventoryItemData } from "../../../tools/commerce-ops/inventory-data.ts";
import type { InventoryStatusData } from "../../../tools/commerce-ops/inventory-status.ts";
import type { ReorderSuggestionsData } from "../../../tools/commerce-ops/reorder-suggestions.ts";

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isInventoryStatusData(data: unknown): data is InventoryStatusData {
  return isRecord(data) && Array.isArray(data.items) && isRecord(data.totals) && typeof data.view === "string" && typeof data.horizonDays === "number";
}

export function isReorderSuggestionsData(data: unknown): data is ReorderSuggestionsData {
  return isRecord(data) && Array.isArray(data.lines) && typeof data.leadTimeDays === "number" && typeof data.totalOrderValueCents === "number";
}

export function isCompetitorPricesData(data: unknown): data is CompetitorPricesData {
  return isRecord(data) && Array.isArray(data.comparisons) && Array.isArray(data.undercuts) && isRecord(data.range) && typeof data.view === "string";
}

/** "Sudadera oversize (M) · MN-SUD-0118-M" */
export function skuName(item: Pick<InventoryItemData, "productTitle" | "variantTitle" | "sku">): string {
  const variant = item.variantTitle === "" || /^default( title)?$/i.test(item.variantTitle) ? "" : ` (${item.variantTitle})`;
  return `${item.productTitle}${variant}${item.sku ? ` · ${item.sku}` : ""}`;
}
