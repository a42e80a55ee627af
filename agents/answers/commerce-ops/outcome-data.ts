/** Outcome data back as the types the commerce-ops tools wrote (it crossed the graph as unknown). */
import type { CompetitorPricesData } from "../../../tools/commerce-ops/competitor-prices.ts";
import type { InventoryItemData } from "../../../tools/commerce-ops/inventory-data.ts";
import type { InventoryStatusData } from "../../../tools/commerce-ops/inventory-status.ts";
import type { PriceChangesData, PriceSuggestionsData, ProposalData, ProposePriceChangeData } from "../../../tools/commerce-ops/pricing-data.ts";
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

export function isPriceSuggestionsData(data: unknown): data is PriceSuggestionsData {
  return isRecord(data) && Array.isArray(data.suggestions) && Array.isArray(data.skipped) && typeof data.view === "string" && typeof data.considered === "number" && typeof data.total === "number";
}

function isProposalData(data: unknown): data is ProposalData {
  return (
    isRecord(data) &&
    typeof data.code === "string" &&
    typeof data.status === "string" &&
    typeof data.title === "string" &&
    typeof data.currentPriceCents === "number" &&
    typeof data.proposedPriceCents === "number" &&
    typeof data.expiresAt === "string"
  );
}

/** The data of propose_price_change and of undo_price_change. */
export function isProposePriceChangeData(data: unknown): data is ProposePriceChangeData {
  return isRecord(data) && isProposalData(data.proposal) && Array.isArray(data.approvers) && typeof data.askerCanApprove === "boolean" && Array.isArray(data.warnings);
}

export function isPriceChangesData(data: unknown): data is PriceChangesData {
  return isRecord(data) && Array.isArray(data.proposals) && data.proposals.every(isProposalData) && typeof data.status === "string" && typeof data.total === "number";
}

/** "Sudadera oversize (M) · MN-SUD-0118-M" */
export function skuName(item: Pick<InventoryItemData, "productTitle" | "variantTitle" | "sku">): string {
  const variant = item.variantTitle === "" || /^default( title)?$/i.test(item.variantTitle) ? "" : ` (${item.variantTitle})`;
  return `${item.productTitle}${variant}${item.sku ? ` · ${item.sku}` : ""}`;
}
