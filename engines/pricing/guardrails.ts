/**
 * The limits a price must respect, and the check of one proposed change against them: floor (cost
 * × (1 + minimum markup) or the absolute floor, whichever is higher), MAP, ceiling, the largest
 * move in 24 hours, and the cool-down after an applied change. The suggestion engine builds its
 * prices inside these limits; a price a person asks for ("baja la remera a 399") is checked with
 * checkPriceChange, and so is every change again at apply time.
 *
 * Precedence: floor and MAP win over the ceiling when they conflict, and moving back into the
 * allowed band is never limited by the daily cap (a price below a new floor may rise to the floor
 * at once; the cap limits moves beyond that).
 */
import type { PricingRules, RuleScope } from "./rules.ts";

export type FloorBasis = "min_margin" | "absolute";

export interface PriceFloor {
  readonly floorCents: number;
  readonly basis: FloorBasis;
  readonly source: RuleScope;
  /** For a min_margin floor: the markup and the cost it was applied to. */
  readonly minMarginPct: number | null;
  readonly costCents: number | null;
}

/** The binding floor: the higher of cost × (1 + minMarginPct/100) (rounded up) and the absolute floor. */
export function priceFloor(costCents: number | null, rules: PricingRules): PriceFloor | null {
  const fromMargin: PriceFloor | null =
    costCents !== null && costCents > 0
      ? { floorCents: Math.ceil(costCents * (1 + rules.minMarginPct / 100) - 1e-9), basis: "min_margin", source: rules.sources.minMarginPct, minMarginPct: rules.minMarginPct, costCents }
      : null;
  const absolute: PriceFloor | null =
    rules.floorCents !== null ? { floorCents: rules.floorCents, basis: "absolute", source: rules.sources.floorCents, minMarginPct: null, costCents: null } : null;
  if (!fromMargin) return absolute;
  if (!absolute) return fromMargin;
  return absolute.floorCents > fromMargin.floorCents ? absolute : fromMargin;
}

export interface PriceBand {
  readonly floor: PriceFloor | null;
  readonly mapCents: number | null;
  readonly ceilingCents: number | null;
  /** The lowest allowed price: max(floor, MAP), or null. */
  readonly minCents: number | null;
  /** The highest allowed price: the ceiling, unless it is below minCents (floor and MAP win). */
  readonly maxCents: number | null;
}

export function priceBand(costCents: number | null, rules: PricingRules): PriceBand {
  const floor = priceFloor(costCents, rules);
  const lows = [floor?.floorCents, rules.mapCents].filter((value): value is number => value !== null && value !== undefined);
  const minCents = lows.length > 0 ? Math.max(...lows) : null;
  const maxCents = rules.ceilingCents === null ? null : minCents !== null && rules.ceilingCents < minCents ? minCents : rules.ceilingCents;
  return { floor, mapCents: rules.mapCents, ceilingCents: rules.ceilingCents, minCents, maxCents };
}

export interface DailyCap {
  /** The price the 24-hour move is measured from (the price a day ago, or the current one). */
  readonly fromCents: number;
  readonly maxChangeCents: number;
  /** Which limit is the tighter one. */
  readonly limit: "pct" | "amount";
  readonly limitPct: number | null;
  readonly limitCents: number | null;
  readonly source: RuleScope;
  readonly minCents: number;
  readonly maxCents: number;
}

/** Today's allowed range from the daily limits, widened to let a price outside the band reach it; null without limits. */
export function dailyCap(currentPriceCents: number, priceDayAgoCents: number | null, rules: PricingRules, band: PriceBand): DailyCap | null {
  const fromCents = priceDayAgoCents ?? currentPriceCents;
  const byPct = rules.maxChangePctPerDay === null ? null : Math.floor((fromCents * rules.maxChangePctPerDay) / 100 + 1e-9);
  const byAmount = rules.maxChangeCentsPerDay;
  if (byPct === null && byAmount === null) return null;
  const limit: "pct" | "amount" = byAmount === null || (byPct !== null && byPct <= byAmount) ? "pct" : "amount";
  const maxChangeCents = limit === "pct" ? (byPct ?? 0) : (byAmount ?? 0);
  let minCents = fromCents - maxChangeCents;
  let maxCents = fromCents + maxChangeCents;
  if (band.minCents !== null && currentPriceCents < band.minCents) maxCents = Math.max(maxCents, band.minCents);
  if (band.maxCents !== null && currentPriceCents > band.maxCents) minCents = Math.min(minCents, band.maxCents);
  return {
    fromCents,
    maxChangeCents,
    limit,
    limitPct: rules.maxChangePctPerDay,
    limitCents: rules.maxChangeCentsPerDay,
    source: limit === "pct" ? rules.sources.maxChangePctPerDay : rules.sources.maxChangeCentsPerDay,
    minCents,
    maxCents,
  };
}

/** When the cool-down after the last applied change ends, or null when it is over (or there was none). */
export function coolDownUntil(lastChangedAt: Date | string | null, rules: PricingRules, now: Date): Date | null {
  if (lastChangedAt === null || rules.coolDownHours <= 0) return null;
  const until = new Date(new Date(lastChangedAt).getTime() + rules.coolDownHours * 3_600_000);
  return until.getTime() > now.getTime() ? until : null;
}

export type PriceViolation =
  | { readonly kind: "not_positive" }
  | { readonly kind: "below_cost"; readonly costCents: number }
  | ({ readonly kind: "below_floor" } & PriceFloor)
  | { readonly kind: "below_map"; readonly mapCents: number; readonly source: RuleScope }
  | { readonly kind: "above_ceiling"; readonly ceilingCents: number; readonly source: RuleScope }
  | {
      readonly kind: "exceeds_daily_change";
      readonly limit: "pct" | "amount";
      readonly limitPct: number | null;
      readonly limitCents: number | null;
      readonly maxChangeCents: number;
      readonly fromCents: number;
      readonly changeCents: number;
      readonly changePct: number;
      readonly source: RuleScope;
    }
  | { readonly kind: "in_cool_down"; readonly lastChangedAt: string; readonly until: string; readonly coolDownHours: number; readonly source: RuleScope };
export type PriceViolationKind = PriceViolation["kind"];

export interface PriceChangeCheck {
  readonly currentPriceCents: number;
  readonly newPriceCents: number;
  readonly costCents: number | null;
  readonly rules: PricingRules;
  /** When the last change of this variant was applied, or null. */
  readonly lastChangedAt: Date | string | null;
  /** The price 24 hours ago when it differs from the current one (changes applied today); the daily limit counts from it. */
  readonly priceDayAgoCents?: number | null;
  readonly now: Date;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1e6) / 1e4 : 0);

/** Every rule a price change would break; empty when it may go ahead. */
export function checkPriceChange(input: PriceChangeCheck): PriceViolation[] {
  const { newPriceCents, costCents, rules } = input;
  if (!Number.isFinite(newPriceCents) || newPriceCents <= 0) return [{ kind: "not_positive" }];
  const violations: PriceViolation[] = [];
  const band = priceBand(costCents, rules);
  if (costCents !== null && newPriceCents < costCents) violations.push({ kind: "below_cost", costCents });
  if (band.floor && newPriceCents < band.floor.floorCents) violations.push({ kind: "below_floor", ...band.floor });
  if (rules.mapCents !== null && newPriceCents < rules.mapCents) violations.push({ kind: "below_map", mapCents: rules.mapCents, source: rules.sources.mapCents });
  if (rules.ceilingCents !== null && newPriceCents > rules.ceilingCents) violations.push({ kind: "above_ceiling", ceilingCents: rules.ceilingCents, source: rules.sources.ceilingCents });
  const cap = dailyCap(input.currentPriceCents, input.priceDayAgoCents ?? null, rules, band);
  if (cap && (newPriceCents < cap.minCents || newPriceCents > cap.maxCents)) {
    const changeCents = newPriceCents - cap.fromCents;
    violations.push({
      kind: "exceeds_daily_change",
      limit: cap.limit,
      limitPct: cap.limitPct,
      limitCents: cap.limitCents,
      maxChangeCents: cap.maxChangeCents,
      fromCents: cap.fromCents,
      changeCents,
      changePct: pct(changeCents, cap.fromCents),
      source: cap.source,
    });
  }
  const until = coolDownUntil(input.lastChangedAt, rules, input.now);
  if (until && input.lastChangedAt !== null) {
    violations.push({ kind: "in_cool_down", lastChangedAt: new Date(input.lastChangedAt).toISOString(), until: until.toISOString(), coolDownHours: rules.coolDownHours, source: rules.sources.coolDownHours });
  }
  return violations;
}
