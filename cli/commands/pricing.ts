/**
 * `bizos pricing`: the workspace's pricing rules and the suggestions they produce. `rules` shows
 * the effective rules of the workspace, a category or a product and which scope set each; `set`
 * overrides fields at one scope (money in major units of the workspace currency); `reset` drops a
 * scope's overrides; `suggest` lists the ranked suggestions. Nothing here changes a price: price
 * changes are proposed in a conversation and applied after an approver says yes.
 */
import type { Command } from "commander";
import type { Db } from "../../db/database.ts";
import { deletePricingRule, getPricingRule, upsertPricingRule } from "../../db/repositories/pricing-rules.ts";
import type { Workspace } from "../../db/schema/core.ts";
import type { PricingRuleScope } from "../../db/schema/operations.ts";
import { readCatalogNames } from "../../engines/inventory/catalog-names.ts";
import { readCategories } from "../../engines/inventory/inventory-sql.ts";
import { loadRuleSet, rulesFor, suggestPricesForWorkspace } from "../../engines/pricing/pricing-sql.ts";
import { ROUNDING_MODES, STRATEGY_KINDS, pricingRuleSettingsSchema, resolvePricingRules, type PricingRules, type PricingRuleSettings, type PricingStrategy, type RoundingMode, type StrategyKind } from "../../engines/pricing/rules.ts";
import type { SuggestionView } from "../../engines/pricing/rank-suggestions.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { InputError, parseInput } from "../../lib/input-error.ts";
import { currencyMinorDigits, formatMoney } from "../../lib/money.ts";
import { withAppContext } from "../app-context.ts";
import { choiceOption, instantOption, integerOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

/** Where a rule applies: the workspace, one category (as stored) or one product. */
export type RuleTarget =
  | { readonly scope: "workspace" }
  | { readonly scope: "category"; readonly category: string }
  | { readonly scope: "product"; readonly productId: number; readonly title: string; readonly category: string | null };

export interface ScopeOptions {
  readonly category?: string;
  readonly product?: string;
}

/** The scope --category or --product names (matched to the catalogue), or the workspace. */
export async function resolveRuleTarget(db: Db, workspace: Workspace, options: ScopeOptions): Promise<RuleTarget> {
  if (options.category !== undefined && options.product !== undefined) throw new InputError("Give --category or --product, not both.");
  if (options.category !== undefined) {
    const wanted = options.category.trim().toLocaleLowerCase();
    const categories = await readCategories(db, workspace.id);
    const found = categories.find((category) => category.toLocaleLowerCase() === wanted);
    if (!found) throw new InputError(`No category "${options.category}" among ${workspace.slug}'s active products. Categories: ${categories.join(", ") || "none"}.`);
    return { scope: "category", category: found };
  }
  if (options.product !== undefined) {
    const wanted = options.product.trim().replace(/^#/, "").toLocaleLowerCase();
    const products = await readCatalogNames(db, workspace.id);
    const matches = products.filter(
      (product) =>
        String(product.productId) === wanted ||
        product.externalId.toLocaleLowerCase() === wanted ||
        product.title.toLocaleLowerCase() === wanted ||
        product.variants.some((variant) => variant.sku?.toLocaleLowerCase() === wanted),
    );
    const [only] = matches;
    if (matches.length === 1 && only) return { scope: "product", productId: only.productId, title: only.title, category: only.category };
    if (matches.length > 1) throw new InputError(`"${options.product}" names ${matches.length} products: use the id (${matches.map((p) => `#${p.productId} ${p.title}`).join(", ")}).`);
    throw new InputError(`No active product "${options.product}" in ${workspace.slug}: give its id, SKU or exact title.`);
  }
  return { scope: "workspace" };
}

function scopeKey(target: RuleTarget): { readonly scope: PricingRuleScope; readonly value: string | null } {
  switch (target.scope) {
    case "workspace":
      return { scope: "workspace", value: null };
    case "category":
      return { scope: "category", value: target.category };
    case "product":
      return { scope: "product", value: String(target.productId) };
    default:
      return assertNever(target, "rule target");
  }
}

function describeTarget(workspace: Workspace, target: RuleTarget): string {
  switch (target.scope) {
    case "workspace":
      return workspace.slug;
    case "category":
      return `${workspace.slug}, category ${target.category}`;
    case "product":
      return `${workspace.slug}, product #${target.productId} ${target.title}${target.category ? ` (category ${target.category})` : ""}`;
    default:
      return assertNever(target, "rule target");
  }
}

/** The rules in force at a scope: the workspace's, a category's (workspace ← category) or a product's (← its category ← it). */
async function effectiveRules(db: Db, workspace: Workspace, target: RuleTarget): Promise<PricingRules> {
  const ruleSet = await loadRuleSet(db, workspace.id);
  switch (target.scope) {
    case "workspace":
      return resolvePricingRules(ruleSet.workspace, null, null);
    case "category":
      return resolvePricingRules(ruleSet.workspace, ruleSet.categories.get(target.category) ?? null, null);
    case "product":
      return rulesFor(ruleSet, target.productId, target.category);
    default:
      return assertNever(target, "rule target");
  }
}

function describeStrategy(strategy: PricingStrategy, money: (cents: number) => string): string {
  switch (strategy.kind) {
    case "match_lowest":
      return "match the lowest competitor price";
    case "beat_lowest": {
      const by = [strategy.percent ? `${strategy.percent}%` : null, strategy.amountCents ? money(strategy.amountCents) : null].filter((part) => part !== null).join(" and ");
      return `beat the lowest competitor price by ${by}`;
    }
    case "position_average":
      return strategy.percent === 0 ? "the average competitor price" : `${Math.abs(strategy.percent)}% ${strategy.percent < 0 ? "below" : "above"} the average competitor price`;
    case "hold_margin":
      return `hold a ${strategy.marginPct}% gross margin on the price`;
    default:
      return assertNever(strategy, "pricing strategy");
  }
}

/** The effective rules as a table: setting, value, which scope set it. */
export async function renderRules(db: Db, workspace: Workspace, target: RuleTarget): Promise<string> {
  const rules = await effectiveRules(db, workspace, target);
  const money = (cents: number | null) => (cents === null ? "none" : formatMoney(cents, workspace.currency, workspace.locale));
  const rows: [string, string, string][] = [
    ["strategy", describeStrategy(rules.strategy, money), rules.sources.strategy],
    ["minimum margin", `${rules.minMarginPct}% over cost (floor = cost × ${(1 + rules.minMarginPct / 100).toFixed(2)})`, rules.sources.minMarginPct],
    ["floor", money(rules.floorCents), rules.sources.floorCents],
    ["ceiling", money(rules.ceilingCents), rules.sources.ceilingCents],
    ["MAP", money(rules.mapCents), rules.sources.mapCents],
    ["max change per day", rules.maxChangePctPerDay === null ? "none" : `${rules.maxChangePctPerDay}%`, rules.sources.maxChangePctPerDay],
    ["max change per day (amount)", money(rules.maxChangeCentsPerDay), rules.sources.maxChangeCentsPerDay],
    ["rounding", rules.rounding, rules.sources.rounding],
    ["outlier ratio", rules.outlierRatio === 0 ? "off" : String(rules.outlierRatio), rules.sources.outlierRatio],
    ["ignore out-of-stock competitors", rules.ignoreOutOfStock ? "on" : "off", rules.sources.ignoreOutOfStock],
    ["cool-down after a change", `${rules.coolDownHours} h`, rules.sources.coolDownHours],
    ["competitor prices older than", `${rules.competitorMaxAgeDays} days are ignored`, rules.sources.competitorMaxAgeDays],
    ["undo needs approval", rules.undoNeedsApproval ? "on" : "off", rules.sources.undoNeedsApproval],
  ];
  return `Pricing rules for ${describeTarget(workspace, target)}\n${renderTable(["setting", "value", "set by"], rows)}`;
}

export interface SetFlags {
  readonly strategy?: StrategyKind;
  readonly beatPercent?: string;
  readonly beatAmount?: string;
  readonly averagePercent?: string;
  readonly margin?: string;
  readonly minMargin?: string;
  readonly floor?: string;
  readonly ceiling?: string;
  readonly maxChangePct?: string;
  readonly maxChangeAmount?: string;
  readonly rounding?: RoundingMode;
  readonly map?: string;
  readonly outlierRatio?: string;
  readonly coolDownHours?: string;
  readonly undoNeedsApproval?: "on" | "off";
}

const OFF = new Set(["none", "off"]);

function numberFlag(flag: string, raw: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value)) throw new InputError(`--${flag} must be a number, got "${raw}"`);
  return value;
}

/** Major units ("299", "10.50") → minor units of the currency; "none" or "off" → null. */
export function moneyFlag(flag: string, raw: string, currency: string): number | null {
  const text = raw.trim().replace(/_/g, "");
  if (OFF.has(text.toLowerCase())) return null;
  const digits = currencyMinorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new InputError(`--${flag} must be an amount in ${currency} like ${digits > 0 ? "299.90" : "12990"} (a dot for decimals, no thousands separator) or "none", got "${raw}"`);
  const fraction = match[2] ?? "";
  if (fraction.length > digits) throw new InputError(`--${flag}: ${currency} has ${digits === 0 ? "no decimals" : `${digits} decimals`}, got "${raw}"`);
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

function strategyFrom(flags: SetFlags, currency: string): PricingStrategy | undefined {
  const implied: StrategyKind | undefined =
    flags.beatPercent !== undefined || flags.beatAmount !== undefined ? "beat_lowest" : flags.averagePercent !== undefined ? "position_average" : flags.margin !== undefined ? "hold_margin" : undefined;
  const kind = flags.strategy ?? implied;
  if (flags.strategy !== undefined && implied !== undefined && implied !== flags.strategy) {
    throw new InputError(`--strategy ${flags.strategy} takes no ${implied === "beat_lowest" ? "--beat-percent/--beat-amount" : implied === "position_average" ? "--average-percent" : "--margin"} (that goes with ${implied}).`);
  }
  switch (kind) {
    case undefined:
      return undefined;
    case "match_lowest":
      return { kind };
    case "beat_lowest": {
      if (flags.beatPercent === undefined && flags.beatAmount === undefined) throw new InputError("--strategy beat_lowest needs --beat-percent N or --beat-amount 10.00.");
      const amountCents = flags.beatAmount === undefined ? undefined : (moneyFlag("beat-amount", flags.beatAmount, currency) ?? undefined);
      return { kind, ...(flags.beatPercent === undefined ? {} : { percent: numberFlag("beat-percent", flags.beatPercent) }), ...(amountCents === undefined ? {} : { amountCents }) };
    }
    case "position_average":
      return { kind, percent: flags.averagePercent === undefined ? 0 : numberFlag("average-percent", flags.averagePercent) };
    case "hold_margin":
      if (flags.margin === undefined) throw new InputError("--strategy hold_margin needs --margin N (the gross margin on the price, in percent).");
      return { kind, marginPct: numberFlag("margin", flags.margin) };
    default:
      return assertNever(kind, "strategy");
  }
}

/** The settings a `pricing set` command line asks for, validated (InputError lists what is wrong). */
export function settingsFromFlags(flags: SetFlags, currency: string): PricingRuleSettings {
  const settings: Record<string, unknown> = {};
  const strategy = strategyFrom(flags, currency);
  if (strategy) settings.strategy = strategy;
  if (flags.minMargin !== undefined) settings.minMarginPct = numberFlag("min-margin", flags.minMargin);
  if (flags.floor !== undefined) settings.floorCents = moneyFlag("floor", flags.floor, currency);
  if (flags.ceiling !== undefined) settings.ceilingCents = moneyFlag("ceiling", flags.ceiling, currency);
  if (flags.map !== undefined) settings.mapCents = moneyFlag("map", flags.map, currency);
  if (flags.maxChangePct !== undefined) settings.maxChangePctPerDay = OFF.has(flags.maxChangePct.trim().toLowerCase()) ? null : numberFlag("max-change-pct", flags.maxChangePct);
  if (flags.maxChangeAmount !== undefined) settings.maxChangeCentsPerDay = moneyFlag("max-change-amount", flags.maxChangeAmount, currency);
  if (flags.rounding !== undefined) settings.rounding = flags.rounding;
  if (flags.outlierRatio !== undefined) settings.outlierRatio = numberFlag("outlier-ratio", flags.outlierRatio);
  if (flags.coolDownHours !== undefined) settings.coolDownHours = numberFlag("cool-down-hours", flags.coolDownHours);
  if (flags.undoNeedsApproval !== undefined) settings.undoNeedsApproval = flags.undoNeedsApproval === "on";
  if (Object.keys(settings).length === 0) throw new InputError("Nothing to set: give at least one rule, e.g. --min-margin 25 or --strategy beat_lowest --beat-percent 2 (see --help).");
  return parseInput(pricingRuleSettingsSchema, settings, "pricing rules");
}

/** Stores the settings at the target's scope (merged with what it already sets) and returns the effective rules. */
export async function setRules(db: Db, workspace: Workspace, target: RuleTarget, settings: PricingRuleSettings): Promise<string> {
  const { scope, value } = scopeKey(target);
  await upsertPricingRule(db, workspace.id, scope, value, settings);
  return renderRules(db, workspace, target);
}

/** Drops the target's overrides; says what it now follows. */
export async function resetRules(db: Db, workspace: Workspace, target: RuleTarget): Promise<string> {
  const { scope, value } = scopeKey(target);
  const existing = await getPricingRule(db, workspace.id, scope, value);
  if (!existing) return `No rules set for ${describeTarget(workspace, target)}: nothing to reset.`;
  await deletePricingRule(db, workspace.id, scope, value);
  const follows = target.scope === "workspace" ? "the defaults" : target.scope === "category" ? "the workspace's rules" : "its category's and the workspace's rules";
  return `Reset the rules for ${describeTarget(workspace, target)}: it now follows ${follows}.`;
}

const VIEWS = ["all", "overpriced", "underpriced"] as const satisfies readonly SuggestionView[];

/** The ranked suggestions as a table, with what was skipped and why. */
export async function renderSuggestions(db: Db, workspace: Workspace, target: RuleTarget, view: SuggestionView, top: number, now: Date): Promise<string> {
  const filter = { productIds: target.scope === "product" ? [target.productId] : null, category: target.scope === "category" ? target.category : null };
  const result = await suggestPricesForWorkspace(db, workspace, filter, { view, top }, now);
  const money = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, workspace.currency, workspace.locale));
  const pct = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`);
  const skipped = new Map<string, number>();
  for (const entry of result.skipped) skipped.set(entry.reason, (skipped.get(entry.reason) ?? 0) + 1);
  const notes = `${result.considered} variants checked; no change for ${result.skipped.length} (${[...skipped].map(([reason, count]) => `${reason} ${count}`).join(", ") || "none"}). Competitor prices as of ${result.competitorsFreshAt ?? "—"}.`;
  if (result.suggestions.length === 0) return `No price suggestions for ${describeTarget(workspace, target)} (${view}).\n${notes}`;
  const rows = result.suggestions.map((s) => [
    s.code,
    [s.title, s.variantTitle].filter((part) => part !== null).join(" · "),
    money(s.currentPriceCents),
    money(s.suggestedPriceCents),
    `${s.changePct > 0 ? "+" : ""}${s.changePct.toFixed(1)}%`,
    money(s.competitors.lowestCents),
    `${s.rule.strategy.kind} (${s.rule.source})`,
    `${pct(s.marginBefore)} → ${pct(s.marginAfter)}`,
    `${s.expected.unitsPerDayBefore.toFixed(2)} → ${s.expected.unitsPerDayAfter.toFixed(2)}`,
    `${s.elasticity.elasticity} ${s.elasticity.confidence}`,
  ]);
  return `${renderTable(["code", "product", "price", "suggested", "change", "lowest", "rule", "margin", "units/day", "elasticity"], rows)}\n${result.matched} suggestion(s) in view "${view}". ${notes}`;
}

const scopeOptions = (command: Command) =>
  command
    .requiredOption("-w, --workspace <slug>", "the workspace")
    .option("--category <category>", "a category's rules (as the products name it)")
    .option("--product <product>", "a product's rules: its id, SKU or exact title");

export function registerPricingCommands(program: Command): void {
  const pricing = program.command("pricing").description("Pricing rules (strategy, floors, caps, rounding, MAP, cool-down) and the price suggestions they produce");

  scopeOptions(pricing.command("rules").description("Show the rules in force and which scope (default, workspace, category, product) set each"))
    .addHelpText("after", "\nExamples:\n  npx bizos pricing rules --workspace demo\n  npx bizos pricing rules --workspace demo --category Playeras")
    .action((options: ScopeOptions & { workspace: string }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        out(await renderRules(database.db, workspace, await resolveRuleTarget(database.db, workspace, options)));
      }),
    );

  scopeOptions(pricing.command("set").description("Override rules for the workspace, a category or a product (money in the workspace currency)"))
    .option("--strategy <kind>", STRATEGY_KINDS.join(" | "), choiceOption("strategy", STRATEGY_KINDS))
    .option("--beat-percent <n>", "beat_lowest: percent below the lowest competitor price")
    .option("--beat-amount <amount>", "beat_lowest: amount below the lowest competitor price, e.g. 10.00")
    .option("--average-percent <n>", "position_average: percent from the average (−5 = 5% below)")
    .option("--margin <n>", "hold_margin: gross margin on the price to hold, in percent")
    .option("--min-margin <n>", "minimum markup over cost in percent: the floor is cost × (1 + n/100)")
    .option("--floor <amount>", 'absolute floor, e.g. 299 ("none" to switch off at this scope)')
    .option("--ceiling <amount>", 'absolute ceiling ("none" to switch off)')
    .option("--max-change-pct <n>", 'largest move in 24 hours, percent ("none" for no limit)')
    .option("--max-change-amount <amount>", 'largest move in 24 hours, amount ("none" for no limit)')
    .option("--rounding <mode>", `${ROUNDING_MODES.join(" | ")}: price endings (auto: .99 USD/EUR, .90 BRL, whole pesos MXN/CLP/COP…)`, choiceOption("rounding", ROUNDING_MODES))
    .option("--map <amount>", 'minimum advertised price ("none" to switch off)')
    .option("--outlier-ratio <r>", "ignore competitor prices below median × r or above median ÷ r (0 keeps all)")
    .option("--cool-down-hours <n>", "hours after an applied change before the next one")
    .option("--undo-needs-approval <on|off>", "whether undoing a change needs an approver's yes", choiceOption("undo-needs-approval", ["on", "off"] as const))
    .addHelpText(
      "after",
      "\nExamples:\n  npx bizos pricing set --workspace demo --min-margin 25 --max-change-pct 8\n  npx bizos pricing set --workspace demo --category Playeras --strategy beat_lowest --beat-percent 2\n  npx bizos pricing set --workspace demo --product MN-P0063 --floor 549 --rounding whole",
    )
    .action((options: ScopeOptions & SetFlags & { workspace: string }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const target = await resolveRuleTarget(database.db, workspace, options);
        out(await setRules(database.db, workspace, target, settingsFromFlags(options, workspace.currency)));
      }),
    );

  scopeOptions(pricing.command("reset").description("Drop the overrides of the workspace, a category or a product"))
    .addHelpText("after", "\nExample:\n  npx bizos pricing reset --workspace demo --category Playeras")
    .action((options: ScopeOptions & { workspace: string }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        out(await resetRules(database.db, workspace, await resolveRuleTarget(database.db, workspace, options)));
      }),
    );

  scopeOptions(pricing.command("suggest").description("Ranked price suggestions from the rules (nothing is changed)"))
    .option("--view <view>", `${VIEWS.join(" | ")}`, choiceOption("view", VIEWS), "all")
    .option("--top <n>", "how many to list", integerOption("top", 1, 100), 10)
    .option("--now <instant>", "pretend it is this instant (ISO 8601)", instantOption("now"))
    .addHelpText("after", "\nExamples:\n  npx bizos pricing suggest --workspace demo\n  npx bizos pricing suggest --workspace demo --view overpriced --top 5")
    .action((options: ScopeOptions & { workspace: string; view: SuggestionView; top: number; now?: Date }) =>
      withAppContext({ migrate: true }, async ({ database, out, clock }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const target = await resolveRuleTarget(database.db, workspace, options);
        out(await renderSuggestions(database.db, workspace, target, options.view, options.top, options.now ?? clock.now()));
      }),
    );
}
