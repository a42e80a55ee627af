/**
 * One-line English summaries of the commerce-ops tools' results (stock, reorders, competitor prices,
 * price suggestions and proposals), for conversation memory: product names, SKUs, competitors,
 * proposal codes and prices, so "what did we decide about the Playera Básica price?" finds them.
 */
import type { CompetitorPricesData } from "../../tools/commerce-ops/competitor-prices.ts";
import type { InventoryStatusData } from "../../tools/commerce-ops/inventory-status.ts";
import type { PriceChangesData, PriceSuggestionsData, ProposalData, ProposePriceChangeData } from "../../tools/commerce-ops/pricing-data.ts";
import type { ReorderSuggestionsData } from "../../tools/commerce-ops/reorder-suggestions.ts";
import { skuName } from "./commerce-ops/outcome-data.ts";
import { signedPercent } from "./commerce-ops/pricing-words.ts";
import { amount, amountNumber, englishContext, firstOf, priceMove, span, type SummaryContext } from "./tool-summary-words.ts";

const ITEMS_LISTED = 3;

/** "Playera Básica Negro · PB-NEG-M". */
function titled(entry: { readonly title: string; readonly sku: string | null }): string {
  return entry.sku ? `${entry.title} · ${entry.sku}` : entry.title;
}

export function inventorySummary(data: InventoryStatusData): string {
  const { totals } = data;
  const scope = data.category === null ? "" : ` in ${data.category}`;
  const head = `inventory_status ${data.view}${scope}, next ${data.horizonDays} days: ${totals.atRisk} at risk, ${totals.outOfStock} out of stock, ${totals.overstocked} overstocked of ${data.skusAssessed} SKUs`;
  const items = data.items.map((item) => {
    const cover = item.daysOfStock === null ? "no recent sales" : `${item.daysOfStock} days of stock`;
    return `${skuName(item)} ${item.onHand} on hand, ${cover}`;
  });
  return items.length === 0 ? head : `${head}; ${firstOf(items, ITEMS_LISTED)}`;
}

export function reorderSummary(data: ReorderSuggestionsData, context: SummaryContext): string {
  const head = `reorder_suggestions lead time ${data.leadTimeDays} days: ${data.matching} SKUs to reorder of ${data.skusAssessed}`;
  if (data.lines.length === 0) return head;
  const lines = data.lines.map((line) => `${skuName(line)} order ${line.reorderQuantity}`);
  return `${head}, ${data.totalUnits} units, ${amount(data.totalOrderValueCents, context.currency, context)}; ${firstOf(lines, ITEMS_LISTED)}`;
}

export function competitorSummary(data: CompetitorPricesData, context: SummaryContext): string {
  const when = span(data.range.start, data.range.end);
  const currency = context.currency;
  if (data.view === "undercut") {
    const head = `competitor_prices undercut ${when}: ${data.undercutCount} undercuts of ${data.productsCompared} products`;
    const lines = data.undercuts.map((u) => `${u.competitor} on ${titled(u)} ${u.date}: ${amountNumber(u.priceCents, currency, context)} vs our ${amount(u.ourPriceCents, currency, context)}`);
    return lines.length === 0 ? head : `${head}; ${firstOf(lines, ITEMS_LISTED)}`;
  }
  const head = `competitor_prices compare ${when}: ${data.productsCompared} products, ${data.productsUndersold} with a cheaper competitor`;
  const lines = data.comparisons
    .filter((comparison) => comparison.quotes.length > 0)
    .map((comparison) => {
      const quotes = comparison.quotes.slice(0, 2).map((quote) => `${quote.competitor} ${amountNumber(quote.priceCents, currency, context)}`);
      return `${titled(comparison)} ours ${amount(comparison.ourPriceCents, currency, context)}, ${quotes.join(", ")}`;
    });
  return lines.length === 0 ? head : `${head}; ${firstOf(lines, ITEMS_LISTED)}`;
}

export function priceSuggestionsSummary(data: PriceSuggestionsData, context: SummaryContext): string {
  const scope = data.category === null ? "" : ` in ${data.category}`;
  const head = `price_suggestions ${data.view}${scope}: ${data.total} suggestions of ${data.considered} variants`;
  const english = englishContext(context, data.currency);
  const lines = data.suggestions.map((s) => `${s.code} ${titled(s)} ${priceMove(s.currentPriceCents, s.suggestedPriceCents, data.currency, context)} (${signedPercent(s.changePct, english)})`);
  return lines.length === 0 ? head : `${head}; ${firstOf(lines, ITEMS_LISTED)}`;
}

/** "pending approval", "applied by Ana", "failed: …". */
function statusOf(proposal: ProposalData): string {
  const status = proposal.status.replaceAll("_", " ");
  if (proposal.status === "failed" && proposal.error !== null) return `${status}: ${proposal.error}`;
  return proposal.decidedBy === null || proposal.status === "pending_approval" ? status : `${status} by ${proposal.decidedBy}`;
}

function proposalWords(proposal: ProposalData, context: SummaryContext): string {
  return `${titled(proposal)}: ${priceMove(proposal.currentPriceCents, proposal.proposedPriceCents, proposal.currency, context)}, code ${proposal.code}, ${statusOf(proposal)}`;
}

/** propose_price_change and undo_price_change: the proposal, and who was asked to approve it. */
export function proposalSummary(tool: "propose_price_change" | "undo_price_change", data: ProposePriceChangeData, context: SummaryContext): string {
  const proposal = data.proposal;
  const undo = proposal.undoOf === null ? "" : ` undoes ${proposal.undoOf}`;
  const approvers = data.approvers.length === 0 ? "" : `; approvers ${data.approvers.map((approver) => approver.name).join(", ")}`;
  return `${tool}${undo} ${proposalWords(proposal, context)}${approvers}`;
}

export function priceChangesSummary(data: PriceChangesData, context: SummaryContext): string {
  const head = `price_changes ${data.status}: ${data.total}`;
  const lines = data.proposals.map((proposal) => proposalWords(proposal, context));
  return lines.length === 0 ? head : `${head}; ${firstOf(lines, ITEMS_LISTED)}`;
}
