/**
 * The price-suggestion list both pricing tools read: the engine's ranked suggestions per variant,
 * merged per product where its variants (sizes, colours) get the same change, shaped for the model.
 * propose_price_change recomputes this same list to find "suggestion 3" or "K7QD", so both tools
 * must build it the same way: this is that one way.
 */
import type { Workspace } from "../../db/schema/core.ts";
import type { TurnAccess } from "../../engines/access/roles.ts";
import { suggestPricesForWorkspace, type SkippedVariant } from "../../engines/pricing/pricing-sql.ts";
import type { SuggestionView } from "../../engines/pricing/rank-suggestions.ts";
import type { PriceSuggestion } from "../../engines/pricing/suggest-price.ts";
import type { DbOrTrx } from "../../db/database.ts";
import { factsForProducts } from "../../memory/facts/fact-queries.ts";
import { todayIn } from "../../engines/metrics/time/utc-bounds.ts";
import type { AppliedConstraint, PriceSuggestionData, SkipReason, SkippedProduct, SuggestionRuleData } from "./pricing-data.ts";

/** Variants looked at per call: enough for any store's list; the top cut comes after merging. */
const ENGINE_TOP = 1000;

export interface SuggestionList {
  readonly suggestions: readonly PriceSuggestionData[];
  readonly considered: number;
  readonly skipped: readonly SkippedProduct[];
  readonly competitorsFreshAt: string | null;
}

export function ruleData(suggestion: Pick<PriceSuggestion, "rule">): SuggestionRuleData {
  const { strategy, source } = suggestion.rule;
  switch (strategy.kind) {
    case "match_lowest":
      return { strategy: "match_lowest", percent: null, amountCents: null, marginPct: null, scope: source };
    case "beat_lowest":
      return { strategy: "beat_lowest", percent: strategy.percent ?? null, amountCents: strategy.amountCents ?? null, marginPct: null, scope: source };
    case "position_average":
      return { strategy: "position_average", percent: strategy.percent, amountCents: null, marginPct: null, scope: source };
    case "hold_margin":
      return { strategy: "hold_margin", percent: null, amountCents: null, marginPct: strategy.marginPct, scope: source };
  }
}

function constraintData(constraint: PriceSuggestion["constraints"][number], direction: "down" | "up"): AppliedConstraint {
  switch (constraint.kind) {
    case "floor":
      return { kind: "floor", priceCents: constraint.floorCents };
    case "map":
      return { kind: "map", priceCents: constraint.mapCents };
    case "ceiling":
      return { kind: "ceiling", priceCents: constraint.ceilingCents };
    case "daily_cap":
      return { kind: "daily_cap", priceCents: direction === "down" ? constraint.fromCents - constraint.maxChangeCents : constraint.fromCents + constraint.maxChangeCents };
    case "rounding":
      return { kind: "rounding", priceCents: constraint.toCents };
  }
}

function skipReason(skipped: SkippedVariant): SkipReason {
  switch (skipped.reason) {
    case "no_competitor_prices":
      return "no_competitors";
    case "in_cool_down":
      return "in_cool_down";
    case "invalid_price":
    case "no_cost":
      return "no_price";
    case "out_of_stock":
    case "held_by_constraints":
    case "within_threshold":
      return "already_positioned";
  }
}

function shape(group: readonly PriceSuggestion[], rank: number, timezone: string, seesCosts: boolean): PriceSuggestionData {
  const [first] = group;
  if (!first) throw new Error("an empty suggestion group");
  const scale = group.length;
  const sum = (pick: (s: PriceSuggestion) => number) => group.reduce((total, s) => total + pick(s), 0);
  const sumOrNull = (pick: (s: PriceSuggestion) => number | null) => (!seesCosts || group.some((s) => pick(s) === null) ? null : sum((s) => pick(s) ?? 0));
  return {
    code: first.code,
    rank,
    productId: first.productId,
    variantId: first.variantId,
    variantIds: group.map((s) => s.variantId),
    title: first.title,
    sku: scale === 1 ? first.sku : null,
    category: first.category,
    currentPriceCents: first.currentPriceCents,
    suggestedPriceCents: first.suggestedPriceCents,
    targetPriceCents: first.targetPriceCents,
    changePct: first.changePct / 100,
    direction: first.direction,
    rule: ruleData(first),
    lowestCompetitorCents: first.competitors.lowestCents,
    averageCompetitorCents: first.competitors.averageCents,
    competitors: first.competitors.considered.map((q) => ({ competitor: q.competitor, priceCents: q.priceCents, observedDate: todayIn(new Date(q.observedAt), timezone) })),
    ignoredCompetitors: first.competitors.ignored.map((q) => ({
      competitor: q.competitor,
      priceCents: q.priceCents,
      reason: q.reason === "outlier_low" || q.reason === "outlier_high" || q.reason === "other_currency" ? "outlier" : q.reason,
    })),
    marginBefore: seesCosts ? first.marginBefore : null,
    marginAfter: seesCosts ? first.marginAfter : null,
    constraints: first.constraints.map((c) => constraintData(c, first.direction)),
    expected: {
      windowDays: 30,
      unitsPerDayBefore: Math.round(sum((s) => s.expected.unitsPerDayBefore) * 100) / 100,
      unitsPerDayAfter: Math.round(sum((s) => s.expected.unitsPerDayAfter) * 100) / 100,
      revenue30dBeforeCents: sum((s) => s.expected.revenue30dBeforeCents),
      revenue30dAfterCents: sum((s) => s.expected.revenue30dAfterCents),
      grossProfit30dBeforeCents: sumOrNull((s) => s.expected.grossProfit30dBeforeCents),
      grossProfit30dAfterCents: sumOrNull((s) => s.expected.grossProfit30dAfterCents),
    },
    elasticity: { value: Math.round(first.elasticity.elasticity * 100) / 100, confidence: first.elasticity.confidence, source: first.elasticity.source },
  };
}

export interface SuggestionQuery {
  readonly view: SuggestionView;
  readonly productIds: readonly number[] | null;
  readonly category: string | null;
}

/** Products the team said never to discount (kept facts: memory/facts), among these. */
async function neverDiscounted(db: DbOrTrx, workspaceId: number, productIds: readonly number[]): Promise<Set<number>> {
  if (productIds.length === 0) return new Set();
  const facts = await factsForProducts(db, workspaceId, productIds);
  const wanted = new Set(productIds);
  return new Set(facts.filter((fact) => fact.claim.kind === "no_discount").flatMap((fact) => fact.subjects.flatMap((subject) => subject.productIds.filter((id) => wanted.has(id)))));
}

/**
 * The whole ranked list (no top cut): a product's variants with the same current and suggested price
 * are one suggestion. A price cut on a product the team said never to discount is held back and
 * listed as skipped (team_rule), first, so the answer says why.
 */
export async function suggestionList(db: DbOrTrx, workspace: Workspace, access: TurnAccess, query: SuggestionQuery, now: Date): Promise<SuggestionList> {
  const result = await suggestPricesForWorkspace(db, workspace, { productIds: query.productIds, category: query.category }, { view: query.view, top: ENGINE_TOP }, now);
  const held = await neverDiscounted(db, workspace.id, [...new Set(result.suggestions.filter((s) => s.direction === "down").map((s) => s.productId))]);
  const groups = new Map<string, PriceSuggestion[]>();
  const heldBack: SkippedProduct[] = [];
  for (const suggestion of result.suggestions) {
    if (suggestion.direction === "down" && held.has(suggestion.productId)) {
      if (!heldBack.some((item) => item.title === suggestion.title)) heldBack.push({ title: suggestion.title, reason: "team_rule" });
      continue;
    }
    const key = `${suggestion.productId}:${suggestion.currentPriceCents}:${suggestion.suggestedPriceCents}`;
    groups.set(key, [...(groups.get(key) ?? []), suggestion]);
  }
  const suggestions = [...groups.values()].map((group, index) => shape(group, index + 1, workspace.timezone, access.seesCosts));
  const seen = new Set<number>();
  const skipped: SkippedProduct[] = [...heldBack];
  for (const skip of result.skipped) {
    if (seen.has(skip.productId)) continue;
    seen.add(skip.productId);
    skipped.push({ title: skip.title, reason: skipReason(skip) });
  }
  return { suggestions, considered: result.considered, skipped, competitorsFreshAt: result.competitorsFreshAt };
}
