/**
 * propose_price_change: records a price-change proposal — from a suggestion (by code or by its
 * place in a list) or from a price a person named — after checking it against the pricing rules,
 * and asks the workspace's approvers. It never applies anything: an approver's reply does.
 */
import { inTransaction } from "../../db/database.ts";
import { findProposalView, listOpenProposals } from "../../db/repositories/price-proposals.ts";
import { canApprove } from "../../engines/access/roles.ts";
import { proposalVariantIds } from "../../engines/approvals/apply-steps.ts";
import { createProposal, DEFAULT_PROPOSAL_TTL_MS } from "../../engines/approvals/create-proposal.ts";
import { firstViolation } from "../../engines/pricing/check-variants.ts";
import { loadPricingInputs, type VariantPricingInput } from "../../engines/pricing/pricing-sql.ts";
import { roundPrice } from "../../engines/pricing/rounding.ts";
import { factsForProducts } from "../../memory/facts/fact-queries.ts";
import type { ToolDeps, ToolFactory } from "../tool-contract.ts";
import { toolData, toolError, type ToolOutcome } from "../tool-outcome.ts";
import type { proposePriceChangeSchema } from "./pricing-contracts.ts";
import { TEAM_RULE_WARNING, type PriceSuggestionData, type ProposePriceChangeData, type SuggestionRuleData } from "./pricing-data.ts";
import { proposalData, type ProposalDetails } from "./proposal-data.ts";
import { resolveCatalog } from "./resolve-catalog.ts";
import { plainMoney, violationMessage } from "./rule-messages.ts";
import { suggestionList } from "./suggestion-list.ts";
import type { z } from "zod";

const TOOL = "propose_price_change";
type Args = z.output<typeof proposePriceChangeSchema>;

/** What to propose, once the arguments are read: the variants, their price now and the new one. */
interface Change {
  readonly productId: number;
  readonly variants: readonly VariantPricingInput[];
  readonly currentPriceCents: number;
  readonly newPriceCents: number;
  readonly rule: SuggestionRuleData | null;
  readonly suggestionCode: string | null;
  readonly lowestCompetitorCents: number | null;
}

async function fromSuggestion(deps: ToolDeps, args: Args): Promise<PriceSuggestionData | ToolOutcome<never>> {
  const from = args.from ?? { view: "all" as const, products: [], category: null, top: 10 };
  const resolved = await resolveCatalog(deps.db, deps.workspace.id, TOOL, from);
  if (!resolved.ok) return resolved.outcome;
  const list = await suggestionList(deps.db, deps.workspace, deps.access, { view: from.view, productIds: resolved.selection.touchedProductIds, category: resolved.selection.category }, deps.clock.now());
  if (args.suggestion !== null) {
    const code = args.suggestion.toUpperCase();
    const found = list.suggestions.find((s) => s.code === code);
    return found ?? toolError(TOOL, "not_found", `No current price suggestion has the code ${code}; suggestions change as prices and competitors move: ask for suggestions again.`);
  }
  const rank = args.rank ?? 1;
  const found = list.suggestions[rank - 1];
  return found ?? toolError(TOOL, "not_found", `The suggestion list has ${list.suggestions.length} suggestions, not ${rank}.`);
}

async function variantsOf(deps: ToolDeps, productId: number, variantIds: readonly number[] | null): Promise<VariantPricingInput[]> {
  const inputs = await loadPricingInputs(deps.db, deps.workspace, { productIds: [productId], category: null }, deps.clock.now());
  return inputs.variants.filter((input) => variantIds === null || variantIds.includes(input.variant.variantId));
}

async function readChange(deps: ToolDeps, args: Args): Promise<Change | ToolOutcome<never>> {
  if (args.suggestion !== null || args.rank !== null) {
    const suggestion = await fromSuggestion(deps, args);
    if ("ok" in suggestion) return suggestion;
    const variants = await variantsOf(deps, suggestion.productId, suggestion.variantIds);
    return {
      productId: suggestion.productId,
      variants,
      currentPriceCents: suggestion.currentPriceCents,
      newPriceCents: suggestion.suggestedPriceCents,
      rule: suggestion.rule,
      suggestionCode: suggestion.code,
      lowestCompetitorCents: suggestion.lowestCompetitorCents,
    };
  }
  if (args.product === null) return toolError(TOOL, "invalid_request", "Say which product (or which suggestion) to change.");
  if (args.priceCents === null && args.changePct === null) return toolError(TOOL, "invalid_request", "Say the new price or the change in percent.");
  const resolved = await resolveCatalog(deps.db, deps.workspace.id, TOOL, { products: [args.product], category: null });
  if (!resolved.ok) return resolved.outcome;
  const [productId, ...others] = resolved.selection.touchedProductIds ?? [];
  if (productId === undefined || others.length > 0) return toolError(TOOL, "ambiguous", `Several products match "${args.product}": which one?`);
  const variants = await variantsOf(deps, productId, resolved.selection.variantIds);
  const [first] = variants;
  if (!first) return toolError(TOOL, "not_found", `"${args.product}" has no active variant with a price.`);
  const prices = [...new Set(variants.map((v) => v.variant.priceCents))];
  if (prices.length > 1) {
    const options = variants.map((v) => `${v.variant.sku ?? v.variant.variantTitle ?? v.variant.variantId} at ${plainMoney(v.variant.priceCents, deps.workspace.currency)}`);
    return toolError(TOOL, "ambiguous", `The variants of ${first.variant.title} have different prices: which SKU?`, options);
  }
  const current = first.variant.priceCents;
  const newPriceCents = args.priceCents ?? roundPrice(current * (1 + (args.changePct ?? 0) / 100), deps.workspace.currency, first.rules.rounding);
  return { productId, variants, currentPriceCents: current, newPriceCents, rule: null, suggestionCode: null, lowestCompetitorCents: null };
}

/** A price cut on a product the team said never to discount: proposed as asked (a person asked for it), with the fact quoted to them. */
async function teamRuleWarnings(deps: ToolDeps, change: { readonly productId: number; readonly currentPriceCents: number; readonly newPriceCents: number }): Promise<string[]> {
  if (change.newPriceCents >= change.currentPriceCents) return [];
  const facts = await factsForProducts(deps.db, deps.workspace.id, [change.productId]);
  return facts
    .filter((fact) => fact.claim.kind === "no_discount")
    .map((fact) => `${TEAM_RULE_WARNING}“${fact.statement}” (${[fact.saidBy.name, fact.createdAt.toISOString().slice(0, 10)].filter((part) => part !== null).join(", ")})`);
}

/** Open proposals (pending, approved, applying) for any of these variants: a second one would race the first. */
async function openProposalFor(deps: ToolDeps, variantIds: readonly number[]): Promise<string | null> {
  const wanted = new Set(variantIds);
  const open = await listOpenProposals(deps.db, deps.workspace.id, deps.clock.now());
  return open.find((row) => proposalVariantIds(row).some((id) => wanted.has(id)))?.code ?? null;
}

export const createProposePriceChangeTool: ToolFactory<typeof proposePriceChangeSchema, ProposePriceChangeData> = (deps) => async (args) => {
  const { db, workspace, clock, access, actor } = deps;
  const change = await readChange(deps, args);
  if ("ok" in change) return change;
  const [first] = change.variants;
  if (!first) return toolError(TOOL, "not_found", "That product has no active variant with a price.");
  const currency = workspace.currency;
  if (change.newPriceCents === change.currentPriceCents) {
    return toolError(TOOL, "invalid_request", `${plainMoney(change.newPriceCents, currency)} is already the current price of ${first.variant.title}.`);
  }
  const variantIds = change.variants.map((v) => v.variant.variantId);
  const open = await openProposalFor(deps, variantIds);
  if (open !== null) return toolError(TOOL, "invalid_request", `There is already a pending proposal ${open} for ${first.variant.title}: decide that one first.`);
  const now = clock.now();
  const violation = firstViolation(change.variants, { currentPriceCents: change.currentPriceCents, newPriceCents: change.newPriceCents }, now);
  if (violation) return toolError(TOOL, "invalid_request", violationMessage(violation, change.newPriceCents, currency, workspace.timezone));
  const details: ProposalDetails = {
    variantIds,
    suggestionCode: change.suggestionCode,
    rule: change.rule,
    costCents: first.variant.costCents,
    lowestCompetitorCents: change.lowestCompetitorCents,
  };
  const view = await inTransaction(db, async (trx) => {
    const created = await createProposal(trx, {
      workspaceId: workspace.id,
      productId: change.productId,
      variantId: first.variant.variantId,
      currency,
      currentPriceCents: change.currentPriceCents,
      proposedPriceCents: change.newPriceCents,
      kind: "change",
      undoOfId: null,
      rule: change.rule?.strategy ?? null,
      explanation: null,
      details,
      requestedByMemberId: actor.memberId,
      channel: actor.channel,
      ttlMs: DEFAULT_PROPOSAL_TTL_MS,
      now,
    });
    return findProposalView(trx, workspace.id, created.id);
  });
  if (!view) throw new Error("a proposal vanished right after it was created");
  const approvers = await deps.approvals.request({ workspace, proposal: view, askerMemberId: actor.memberId, askerChannel: actor.channel });
  return toolData(
    TOOL,
    {
      proposal: proposalData(view, { seesCosts: access.seesCosts, currency }),
      approvers: approvers.filter((a) => a.memberId !== actor.memberId).map((a) => ({ name: a.name, channel: a.channel })),
      askerCanApprove: canApprove(access.role),
      warnings: await teamRuleWarnings(deps, change),
    },
    [],
  );
};
