/**
 * What the pricing engine reads, every query scoped to one workspace, a fixed handful of queries
 * whatever the catalogue size: active products' variants; each competitor's latest observation
 * per product or variant within the longest competitor age any rule allows; each variant's weekly
 * (average unit price, units) over 26 weeks and its units per day over the last 28 days (from the
 * metrics engine's daily rollup by variant: non-cancelled orders' lines on their local day, unit
 * price as sold before discounts); the last applied price change per variant; and the rules rows.
 * Then suggestPricesForWorkspace composes load → suggest → rank.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import { listPricingRules } from "../../db/repositories/pricing-rules.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { localDate } from "../../lib/zoned-time.ts";
import type { CompetitorQuote } from "./competitor-quotes.ts";
import { categoryPrior, estimateElasticity, type PricePoint } from "./elasticity.ts";
import { rankSuggestions, type RankOptions } from "./rank-suggestions.ts";
import { DEFAULT_PRICING_RULES, parsePricingRuleSettings, resolvePricingRules, type PricingRules, type PricingRuleSettings } from "./rules.ts";
import { suggestPrice, type NoChangeReason, type PricedVariant, type PriceSuggestion } from "./suggest-price.ts";

export const HISTORY_WEEKS = 26;
export const DEMAND_BASELINE_DAYS = 28;

export interface PricingWorkspace {
  readonly id: number;
  readonly timezone: string;
  readonly currency: string;
}

export interface PricingFilter {
  /** Only these products' variants, or null for all. */
  readonly productIds: readonly number[] | null;
  /** Only this category (exact stored value), or null for all. */
  readonly category: string | null;
}

export interface RuleIssue {
  readonly scope: string;
  readonly scopeValue: string;
  readonly issues: readonly string[];
}

/** The stored rules, parsed: the workspace's, and the overrides by category and by product id. */
export interface RuleSet {
  readonly workspace: PricingRuleSettings | null;
  readonly categories: ReadonlyMap<string, PricingRuleSettings>;
  readonly products: ReadonlyMap<number, PricingRuleSettings>;
  /** Stored fields that did not parse (they are inherited instead). */
  readonly issues: readonly RuleIssue[];
}

export interface VariantPricingInput {
  readonly variant: PricedVariant;
  readonly rules: PricingRules;
  readonly quotes: readonly CompetitorQuote[];
  /** Weekly buckets with sales, newest first. */
  readonly history: readonly PricePoint[];
  readonly unitsPerDay: number;
  readonly lastChangedAt: string | null;
  readonly priceDayAgoCents: number | null;
}

export interface PricingInputs {
  readonly variants: readonly VariantPricingInput[];
  readonly ruleSet: RuleSet;
  /** The newest competitor observation read, or null. */
  readonly competitorsFreshAt: string | null;
}

/** The rules of one product: workspace ← its category ← the product. */
export function rulesFor(ruleSet: RuleSet, productId: number, category: string | null): PricingRules {
  return resolvePricingRules(ruleSet.workspace, category === null ? null : (ruleSet.categories.get(category) ?? null), ruleSet.products.get(productId) ?? null);
}

export async function loadRuleSet(db: DbOrTrx, workspaceId: number): Promise<RuleSet> {
  let workspace: PricingRuleSettings | null = null;
  const categories = new Map<string, PricingRuleSettings>();
  const products = new Map<number, PricingRuleSettings>();
  const issues: RuleIssue[] = [];
  for (const row of await listPricingRules(db, workspaceId)) {
    const parsed = parsePricingRuleSettings(row.settings);
    if (parsed.issues.length > 0) issues.push({ scope: row.scope, scopeValue: row.scope_value, issues: parsed.issues });
    if (row.scope === "workspace") workspace = parsed.settings;
    else if (row.scope === "category") categories.set(row.scope_value, parsed.settings);
    else products.set(Number(row.scope_value), parsed.settings);
  }
  return { workspace, categories, products, issues };
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));

async function readVariants(db: DbOrTrx, workspace: PricingWorkspace, filter: PricingFilter): Promise<PricedVariant[]> {
  if (filter.productIds !== null && filter.productIds.length === 0) return [];
  let query = db
    .selectFrom("variants as v")
    .innerJoin("products as p", (join) => join.onRef("p.id", "=", "v.product_id").on("p.workspace_id", "=", workspace.id))
    .select(["v.id as variant_id", "v.product_id", "p.title", "v.title as variant_title", "v.sku", "p.category", "v.price_cents", "v.cost_cents", "v.inventory_qty"])
    .where("v.workspace_id", "=", workspace.id)
    .where("p.status", "=", "active");
  if (filter.productIds !== null) query = query.where("p.id", "in", [...filter.productIds]);
  if (filter.category !== null) query = query.where("p.category", "=", filter.category);
  const rows = await query.orderBy("v.id").execute();
  return rows.map((row) => ({
    variantId: Number(row.variant_id),
    productId: Number(row.product_id),
    title: row.title,
    variantTitle: row.variant_title === "" || row.variant_title === row.title || row.variant_title === "Default Title" ? null : row.variant_title,
    sku: row.sku,
    category: row.category,
    priceCents: Number(row.price_cents),
    costCents: numberOrNull(row.cost_cents),
    currency: workspace.currency,
    inventoryQty: numberOrNull(row.inventory_qty),
  }));
}

interface QuoteRow {
  readonly productId: number;
  readonly variantId: number | null;
  readonly quote: CompetitorQuote;
}

/** Each competitor's latest observation per (product, variant or product-wide) since `since`. */
async function readLatestQuotes(db: DbOrTrx, workspaceId: number, productIds: readonly number[], since: Date, now: Date): Promise<QuoteRow[]> {
  if (productIds.length === 0) return [];
  const rows = await sql<{ product_id: number; variant_id: number | null; competitor: string; price_cents: number; currency: string; in_stock: boolean; observed_at: Date }>`
    select distinct on (c.product_id, coalesce(c.variant_id, 0), c.competitor)
      c.product_id, c.variant_id, c.competitor, c.price_cents, c.currency, c.in_stock, c.observed_at
    from competitor_prices c
    where c.workspace_id = ${workspaceId} and c.product_id = any(${[...productIds]}::bigint[]) and c.observed_at >= ${since} and c.observed_at <= ${now}
    order by c.product_id, coalesce(c.variant_id, 0), c.competitor, c.observed_at desc`.execute(db);
  return rows.rows.map((row) => ({
    productId: Number(row.product_id),
    variantId: numberOrNull(row.variant_id),
    quote: { competitor: row.competitor, priceCents: Number(row.price_cents), inStock: row.in_stock, observedAt: iso(row.observed_at), currency: row.currency.trim() },
  }));
}

interface WeekRow {
  readonly variantId: number;
  /** 0: the 7 local days before today, 1: the 7 before those… */
  readonly week: number;
  readonly units: number;
  readonly grossCents: number;
}

async function readWeeklySales(db: DbOrTrx, workspace: PricingWorkspace, variantIds: readonly number[], today: string): Promise<WeekRow[]> {
  if (variantIds.length === 0) return [];
  const start = addDays(today, -7 * HISTORY_WEEKS);
  const rows = await sql<{ variant_id: number; week: number; units: number; gross_cents: number }>`
    select variant_id, ((${today}::date - day) - 1) / 7 as week, sum(units)::bigint as units, sum(gross_sales_cents)::bigint as gross_cents
    from rollup_lines_variant_all_daily
    where workspace_id = ${workspace.id} and variant_id = any(${[...variantIds]}::bigint[]) and day >= ${start}::date and day < ${today}::date
    group by 1, 2
    having sum(units) > 0`.execute(db);
  return rows.rows.map((row) => ({ variantId: Number(row.variant_id), week: Number(row.week), units: Number(row.units), grossCents: Number(row.gross_cents) }));
}

interface LastChange {
  readonly lastChangedAt: string;
  readonly priceDayAgoCents: number | null;
}

/** Per variant: when its last change was applied, and the price before the first change applied in the last 24 hours. */
async function readLastChanges(db: DbOrTrx, workspaceId: number, variantIds: readonly number[], now: Date): Promise<Map<number, LastChange>> {
  const out = new Map<number, LastChange>();
  if (variantIds.length === 0) return out;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await sql<{ variant_id: number; last_applied_at: Date; price_day_ago_cents: number | null }>`
    select variant_id, max(applied_at) as last_applied_at,
      (array_agg(coalesce(previous_price_cents, current_price_cents) order by applied_at) filter (where applied_at > ${dayAgo}))[1] as price_day_ago_cents
    from price_change_proposals
    where workspace_id = ${workspaceId} and variant_id = any(${[...variantIds]}::bigint[])
      and status in ('applied', 'rolled_back') and applied_at is not null and applied_at <= ${now}
    group by variant_id`.execute(db);
  for (const row of rows.rows) out.set(Number(row.variant_id), { lastChangedAt: iso(row.last_applied_at), priceDayAgoCents: numberOrNull(row.price_day_ago_cents) });
  return out;
}

/** Everything suggestPrice needs for the workspace's (filtered) variants, in five queries whatever the catalogue size. */
export async function loadPricingInputs(db: DbOrTrx, workspace: PricingWorkspace, filter: PricingFilter, now: Date): Promise<PricingInputs> {
  const ruleSet = await loadRuleSet(db, workspace.id);
  const variants = await readVariants(db, workspace, filter);
  const rulesByVariant = new Map(variants.map((variant) => [variant.variantId, rulesFor(ruleSet, variant.productId, variant.category)]));
  const maxAgeDays = Math.max(DEFAULT_PRICING_RULES.competitorMaxAgeDays, ...[...rulesByVariant.values()].map((rules) => rules.competitorMaxAgeDays));
  const productIds = [...new Set(variants.map((variant) => variant.productId))];
  const variantIds = variants.map((variant) => variant.variantId);
  const today = localDate(now, workspace.timezone);
  const quoteRows = await readLatestQuotes(db, workspace.id, productIds, new Date(now.getTime() - maxAgeDays * 86_400_000), now);
  const weeks = await readWeeklySales(db, workspace, variantIds, today);
  const changes = await readLastChanges(db, workspace.id, variantIds, now);

  const productQuotes = new Map<number, CompetitorQuote[]>();
  const variantQuotes = new Map<number, CompetitorQuote[]>();
  let competitorsFreshAt: string | null = null;
  for (const row of quoteRows) {
    const [map, key] = row.variantId === null ? [productQuotes, row.productId] : [variantQuotes, row.variantId];
    map.set(key, [...(map.get(key) ?? []), row.quote]);
    if (competitorsFreshAt === null || row.quote.observedAt > competitorsFreshAt) competitorsFreshAt = row.quote.observedAt;
  }
  const history = new Map<number, WeekRow[]>();
  for (const week of weeks) history.set(week.variantId, [...(history.get(week.variantId) ?? []), week]);
  const baselineWeeks = DEMAND_BASELINE_DAYS / 7;

  const inputs = variants.map((variant): VariantPricingInput => {
    // A competitor's variant-level price wins over its product-wide one.
    const own = variantQuotes.get(variant.variantId) ?? [];
    const named = new Set(own.map((quote) => quote.competitor));
    const quotes = [...own, ...(productQuotes.get(variant.productId) ?? []).filter((quote) => !named.has(quote.competitor))];
    const buckets = (history.get(variant.variantId) ?? []).sort((a, b) => a.week - b.week);
    const recentUnits = buckets.filter((bucket) => bucket.week < baselineWeeks).reduce((acc, bucket) => acc + bucket.units, 0);
    const change = changes.get(variant.variantId);
    return {
      variant,
      rules: rulesByVariant.get(variant.variantId) ?? DEFAULT_PRICING_RULES,
      quotes,
      history: buckets.map((bucket) => ({ priceCents: bucket.grossCents / bucket.units, units: bucket.units, days: 7 })),
      unitsPerDay: recentUnits / DEMAND_BASELINE_DAYS,
      lastChangedAt: change?.lastChangedAt ?? null,
      priceDayAgoCents: change?.priceDayAgoCents ?? null,
    };
  });
  return { variants: inputs, ruleSet, competitorsFreshAt };
}

export interface SkippedVariant {
  readonly variantId: number;
  readonly productId: number;
  readonly title: string;
  readonly sku: string | null;
  readonly reason: NoChangeReason;
  readonly coolDownUntil: string | null;
}

export interface WorkspaceSuggestions {
  /** Ranked, at most `top`. */
  readonly suggestions: readonly PriceSuggestion[];
  /** Suggestions in the view before the top cut. */
  readonly matched: number;
  /** Variants evaluated. */
  readonly considered: number;
  readonly skipped: readonly SkippedVariant[];
  readonly competitorsFreshAt: string | null;
  readonly ruleIssues: readonly RuleIssue[];
}

/** The workspace's ranked price suggestions: load → suggest each variant → rank. */
export async function suggestPricesForWorkspace(db: DbOrTrx, workspace: PricingWorkspace, filter: PricingFilter, options: RankOptions, now: Date): Promise<WorkspaceSuggestions> {
  const inputs = await loadPricingInputs(db, workspace, filter, now);
  const suggestions: PriceSuggestion[] = [];
  const skipped: SkippedVariant[] = [];
  for (const input of inputs.variants) {
    const result = suggestPrice({
      variant: input.variant,
      quotes: input.quotes,
      rules: input.rules,
      lastChangedAt: input.lastChangedAt,
      priceDayAgoCents: input.priceDayAgoCents,
      unitsPerDay: input.unitsPerDay,
      elasticity: estimateElasticity(input.history, categoryPrior(input.variant.category)),
      now,
    });
    if (result.kind === "suggestion") suggestions.push(result.suggestion);
    else skipped.push({ variantId: result.variantId, productId: result.productId, title: result.title, sku: input.variant.sku, reason: result.reason, coolDownUntil: result.coolDownUntil });
  }
  const all = rankSuggestions(suggestions, { view: options.view, top: Number.MAX_SAFE_INTEGER });
  return {
    suggestions: all.slice(0, options.top),
    matched: all.length,
    considered: inputs.variants.length,
    skipped,
    competitorsFreshAt: inputs.competitorsFreshAt,
    ruleIssues: inputs.ruleSet.issues,
  };
}

