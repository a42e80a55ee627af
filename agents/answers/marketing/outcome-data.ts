/** Outcome data back as the types the marketing tools wrote (it crossed the graph as unknown). */
import type { BudgetReallocationData } from "../../../tools/marketing/budget-reallocation.ts";
import type { MarketingPerformanceData } from "../../../tools/marketing/marketing-performance.ts";

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isMarketingPerformanceData(data: unknown): data is MarketingPerformanceData {
  return isRecord(data) && Array.isArray(data.rows) && isRecord(data.totals) && isRecord(data.blended) && isRecord(data.range);
}

export function isBudgetReallocationData(data: unknown): data is BudgetReallocationData {
  return isRecord(data) && Array.isArray(data.lines) && Array.isArray(data.transfers) && typeof data.movedCents === "number" && isRecord(data.assumptions);
}

const PLATFORM_NAMES: Readonly<Record<string, string>> = { meta: "Meta", google: "Google", tiktok: "TikTok" };

/** "meta" → "Meta"; other labels as they are. */
export function platformName(label: string): string {
  return PLATFORM_NAMES[label] ?? label;
}
