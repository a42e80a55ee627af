/**
 * What the pricing tools return to the model (and, whole, to the answer composers and the number
 * checker). Money in minor units of `currency`; ratios as fractions (0.25 = 25%); dates as the
 * workspace's local dates, times as ISO strings.
 */

export type StrategyKind = "match_lowest" | "beat_lowest" | "position_average" | "hold_margin";
export type RuleScope = "default" | "workspace" | "category" | "product";

export interface SuggestionRuleData {
  readonly strategy: StrategyKind;
  /** beat_lowest: by this percent or amount; position_average: percent from the average (−5 = 5% below); hold_margin: the margin kept, in percent (35 = 35%). All in percent points. */
  readonly percent: number | null;
  readonly amountCents: number | null;
  readonly marginPct: number | null;
  /** Which rules set the strategy: the workspace's, a category or product override, or the defaults. */
  readonly scope: RuleScope;
}

export interface CompetitorQuoteSummary {
  readonly competitor: string;
  readonly priceCents: number;
  readonly observedDate: string;
}

export type IgnoredQuoteReason = "out_of_stock" | "stale" | "outlier";

export interface IgnoredQuote {
  readonly competitor: string;
  readonly priceCents: number;
  readonly reason: IgnoredQuoteReason;
}

export type ConstraintKind = "floor" | "ceiling" | "map" | "daily_cap" | "rounding";

/** A limit that moved the suggestion away from the strategy's target. */
export interface AppliedConstraint {
  readonly kind: ConstraintKind;
  /** The limit's price (floor, ceiling, MAP), the capped price (daily_cap) or the rounded price. */
  readonly priceCents: number;
}

export interface ExpectedOutcome {
  /** The window revenue and gross profit are projected over (30). */
  readonly windowDays: number;
  readonly unitsPerDayBefore: number;
  readonly unitsPerDayAfter: number;
  readonly revenue30dBeforeCents: number;
  readonly revenue30dAfterCents: number;
  /** Null when costs are unknown or withheld from the asker. */
  readonly grossProfit30dBeforeCents: number | null;
  readonly grossProfit30dAfterCents: number | null;
}

export interface ElasticityData {
  /** % change in units for a 1% change in price (e.g. −1.6). */
  readonly value: number;
  readonly confidence: "low" | "medium" | "high";
  /** history: the store's own price changes; prior: the category's typical value; blend: both. */
  readonly source: "history" | "prior" | "blend";
}

export interface PriceSuggestionData {
  /** Short code to propose it ("apply K7QD"). */
  readonly code: string;
  /** 1-based position in this list ("apply suggestion 3"). */
  readonly rank: number;
  readonly productId: number;
  /** The first variant; variantIds lists every variant the suggestion covers (a product's sizes at one price). */
  readonly variantId: number;
  readonly variantIds: readonly number[];
  readonly title: string;
  readonly sku: string | null;
  readonly category: string | null;
  readonly currentPriceCents: number;
  readonly suggestedPriceCents: number;
  /** Where the strategy points before today's cap on change (equal to suggested when not capped). */
  readonly targetPriceCents: number;
  /** (suggested − current) ÷ current. */
  readonly changePct: number;
  readonly direction: "down" | "up";
  readonly rule: SuggestionRuleData;
  readonly lowestCompetitorCents: number | null;
  readonly averageCompetitorCents: number | null;
  /** Competitor prices used, cheapest first. */
  readonly competitors: readonly CompetitorQuoteSummary[];
  readonly ignoredCompetitors: readonly IgnoredQuote[];
  /** Gross margin at the current and suggested price; null when the cost is unknown or withheld. */
  readonly marginBefore: number | null;
  readonly marginAfter: number | null;
  readonly constraints: readonly AppliedConstraint[];
  readonly expected: ExpectedOutcome;
  readonly elasticity: ElasticityData;
}

/** team_rule: a price cut held back by a fact the team asked to keep ("we never discount the Classic line"). */
export type SkipReason = "no_competitors" | "in_cool_down" | "already_positioned" | "no_price" | "team_rule";

export interface SkippedProduct {
  readonly title: string;
  readonly reason: SkipReason;
}

export interface PriceSuggestionsData {
  readonly view: "all" | "overpriced" | "underpriced";
  readonly category: string | null;
  readonly currency: string;
  /** Variants the engine looked at. */
  readonly considered: number;
  /** Suggestions matching the view, before `top` cut the list. */
  readonly total: number;
  readonly suggestions: readonly PriceSuggestionData[];
  /** A few products with no suggestion and why (for "why not X?"). */
  readonly skipped: readonly SkippedProduct[];
}

export type ProposalStatusData = "pending_approval" | "approved" | "rejected" | "expired" | "applying" | "applied" | "failed" | "rolled_back" | "proposed";

export interface ApproverData {
  readonly name: string;
  /** The channel the approval request went to (whatsapp, slack, email), or null when they have none linked. */
  readonly channel: string | null;
}

export interface ProposalData {
  readonly code: string;
  readonly kind: "change" | "undo";
  readonly status: ProposalStatusData;
  readonly productId: number | null;
  readonly title: string;
  readonly sku: string | null;
  readonly currency: string;
  readonly currentPriceCents: number;
  readonly proposedPriceCents: number;
  /** (proposed − current) ÷ current, a fraction like the suggestions'. */
  readonly changePct: number;
  /** The suggestion's rule, or null for a price a person named. */
  readonly rule: SuggestionRuleData | null;
  readonly marginBefore: number | null;
  readonly marginAfter: number | null;
  /** For an undo: the code of the change it reverts. */
  readonly undoOf: string | null;
  readonly requestedBy: string | null;
  readonly decidedBy: string | null;
  /** ISO times. */
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly decidedAt: string | null;
  readonly appliedAt: string | null;
  /** Why applying failed or was refused. */
  readonly error: string | null;
}

/** How a proposal warning quoting a kept fact begins: "Team rule: “we never discount the Classic line” (Ana, 2026-11-12)". */
export const TEAM_RULE_WARNING = "Team rule: ";

export interface ProposePriceChangeData {
  readonly proposal: ProposalData;
  /** Who was asked to approve, and where. */
  readonly approvers: readonly ApproverData[];
  /** True when the asker may approve it themselves by replying "SI <code>". */
  readonly askerCanApprove: boolean;
  /** Rule limits the price a person named came close to (informational; violations are refused). */
  readonly warnings: readonly string[];
}

export interface PriceChangesData {
  readonly status: "pending" | "applied" | "all";
  readonly total: number;
  readonly proposals: readonly ProposalData[];
}
