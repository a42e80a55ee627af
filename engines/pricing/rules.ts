/**
 * The pricing rules: what a workspace sets once (strategy, floors, caps, rounding, MAP, how
 * competitor prices are read, cool-down) and what a category or a product overrides. Stored rows
 * (table pricing_rules) hold only the fields their scope sets; resolvePricingRules merges defaults ←
 * workspace ← category ← product and remembers which scope set each field, so an explanation can
 * say "product override".
 *
 * Conventions: money in minor units of the workspace currency (…Cents); percentages as percent
 * numbers (20 = 20%). In stored settings a field left out is inherited and a null switches that
 * limit off at this scope (a product with floorCents: null has no absolute floor even if its
 * category has one).
 */
import { z } from "zod";

const cents = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const beatLowestSchema = z
  .object({
    kind: z.literal("beat_lowest"),
    /** Percent below the lowest competitor price (2 = 2% below). */
    percent: z.number().min(0).max(50).optional(),
    /** Minor units below the lowest competitor price (after the percent, when both are set). */
    amountCents: z.number().int().min(0).optional(),
  })
  .refine((strategy) => (strategy.percent ?? 0) > 0 || (strategy.amountCents ?? 0) > 0, { message: "beat_lowest needs a percent or an amount above 0" });

export const pricingStrategySchema = z.discriminatedUnion("kind", [
  /** The lowest considered competitor price. */
  z.object({ kind: z.literal("match_lowest") }),
  beatLowestSchema,
  /** The average considered competitor price moved by percent (−5 = 5% below the average). */
  z.object({ kind: z.literal("position_average"), percent: z.number().min(-50).max(50) }),
  /** The price that gives this gross margin on the price: cost ÷ (1 − marginPct/100); needs a cost. */
  z.object({ kind: z.literal("hold_margin"), marginPct: z.number().min(0).max(95) }),
]);
export type PricingStrategy = z.output<typeof pricingStrategySchema>;
export type StrategyKind = PricingStrategy["kind"];
export const STRATEGY_KINDS = ["match_lowest", "beat_lowest", "position_average", "hold_margin"] as const satisfies readonly StrategyKind[];

export const ROUNDING_MODES = ["auto", "99", "90", "whole", "none"] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** What one scope sets; every field optional (left out = inherited). */
export const pricingRuleSettingsSchema = z.object({
  strategy: pricingStrategySchema.optional(),
  /** Minimum markup over cost: the floor is cost × (1 + minMarginPct/100). */
  minMarginPct: z.number().min(0).max(1000).optional(),
  /** Absolute floor and ceiling (minor units); null: none at this scope. */
  floorCents: cents.nullable().optional(),
  ceilingCents: cents.nullable().optional(),
  /** Largest move in 24 hours, in percent of the price a day ago and in minor units; null: no limit of that kind. */
  maxChangePctPerDay: z.number().gt(0).max(100).nullable().optional(),
  maxChangeCentsPerDay: cents.nullable().optional(),
  /** Price endings: auto picks by currency (rounding.ts). */
  rounding: z.enum(ROUNDING_MODES).optional(),
  /** Minimum advertised price: never suggested or allowed below. */
  mapCents: cents.nullable().optional(),
  /** Competitor prices below median × r or above median ÷ r are outliers; 0 keeps them all. */
  outlierRatio: z.number().min(0).max(0.95).optional(),
  ignoreOutOfStock: z.boolean().optional(),
  /** Hours after an applied change during which no new change is suggested or allowed. */
  coolDownHours: z.number().min(0).max(24 * 90).optional(),
  /** Competitor observations older than this are stale. */
  competitorMaxAgeDays: z.number().int().min(1).max(365).optional(),
  /** Whether undoing an applied change needs an approver's yes like a new change. */
  undoNeedsApproval: z.boolean().optional(),
});
export type PricingRuleSettings = z.output<typeof pricingRuleSettingsSchema>;
export type PricingRuleField = keyof PricingRuleSettings;
export const PRICING_RULE_FIELDS = Object.keys(pricingRuleSettingsSchema.shape) as PricingRuleField[];

/** Who set a resolved field. */
export type RuleScope = "default" | "workspace" | "category" | "product";

/** Every field resolved, plus the scope each came from. */
export interface PricingRuleValues {
  readonly strategy: PricingStrategy;
  readonly minMarginPct: number;
  readonly floorCents: number | null;
  readonly ceilingCents: number | null;
  readonly maxChangePctPerDay: number | null;
  readonly maxChangeCentsPerDay: number | null;
  readonly rounding: RoundingMode;
  readonly mapCents: number | null;
  readonly outlierRatio: number;
  readonly ignoreOutOfStock: boolean;
  readonly coolDownHours: number;
  readonly competitorMaxAgeDays: number;
  readonly undoNeedsApproval: boolean;
}

export interface PricingRules extends PricingRuleValues {
  readonly sources: Readonly<Record<PricingRuleField, RuleScope>>;
}

const DEFAULT_VALUES: PricingRuleValues = {
  strategy: { kind: "match_lowest" },
  minMarginPct: 20,
  floorCents: null,
  ceilingCents: null,
  maxChangePctPerDay: 10,
  maxChangeCentsPerDay: null,
  rounding: "auto",
  mapCents: null,
  outlierRatio: 0.5,
  ignoreOutOfStock: true,
  coolDownHours: 72,
  competitorMaxAgeDays: 14,
  undoNeedsApproval: false,
};

function allFrom(scope: RuleScope): Record<PricingRuleField, RuleScope> {
  return Object.fromEntries(PRICING_RULE_FIELDS.map((field) => [field, scope])) as Record<PricingRuleField, RuleScope>;
}

/** The rules of a workspace that set nothing. */
export const DEFAULT_PRICING_RULES: PricingRules = Object.freeze({ ...DEFAULT_VALUES, sources: Object.freeze(allFrom("default")) });

/**
 * Defaults ← workspace ← category ← product: each field from the most specific scope that sets it
 * (null counts as set: it switches a limit off), with that scope recorded in `sources`.
 */
export function resolvePricingRules(
  workspace: PricingRuleSettings | null,
  category: PricingRuleSettings | null,
  product: PricingRuleSettings | null,
): PricingRules {
  const values: Record<string, unknown> = { ...DEFAULT_VALUES };
  const sources = allFrom("default");
  const layers: readonly (readonly [RuleScope, PricingRuleSettings | null])[] = [
    ["workspace", workspace],
    ["category", category],
    ["product", product],
  ];
  for (const [scope, settings] of layers) {
    if (!settings) continue;
    for (const field of PRICING_RULE_FIELDS) {
      const value = settings[field];
      if (value === undefined) continue;
      values[field] = value;
      sources[field] = scope;
    }
  }
  // Every field was copied from DEFAULT_VALUES or from a parsed settings object of the same shape.
  return { ...(values as unknown as PricingRuleValues), sources };
}

export interface ParsedRuleSettings {
  readonly settings: PricingRuleSettings;
  /** Fields dropped because their stored value is not valid ("floorCents: expected number…"). */
  readonly issues: readonly string[];
}

/**
 * Stored settings, read tolerantly: a row hand-edited or written by an older version keeps its
 * valid fields, and each invalid one is dropped (so it is inherited) and reported.
 */
export function parsePricingRuleSettings(value: unknown): ParsedRuleSettings {
  const whole = pricingRuleSettingsSchema.safeParse(value);
  if (whole.success) return { settings: whole.data, issues: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { settings: {}, issues: ["settings: not an object"] };
  const settings: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const field of PRICING_RULE_FIELDS) {
    if (!(field in value)) continue;
    const parsed = pricingRuleSettingsSchema.shape[field].safeParse((value as Record<string, unknown>)[field]);
    if (parsed.success) settings[field] = parsed.data;
    else issues.push(`${field}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  // Each kept field passed its own field schema.
  return { settings, issues };
}
