/**
 * Metric values: a number, or null with the reason it cannot be computed (never NaN). Money is an
 * integer number of minor units; ratios are fractions (0.125 = 12.5%).
 */
export interface MetricValue {
  readonly value: number | null;
  /** Why value is null (division by zero, no cost data…). */
  readonly reason?: string;
  /** A caveat on a computed value ("cost known for 62% of sales"). */
  readonly note?: string;
}

/** A value with its comparison: previous value, absolute change and relative change (fraction). */
export interface ComparedValue extends MetricValue {
  readonly previous?: MetricValue;
  readonly change?: number | null;
  readonly changePct?: number | null;
  readonly changeReason?: string;
}

export const known = (value: number): MetricValue => ({ value });
export const unknown = (reason: string): MetricValue => ({ value: null, reason });

/** numerator ÷ denominator, or null with `reason` when the denominator is 0. */
export function divide(numerator: number, denominator: number, reason: string): MetricValue {
  if (denominator === 0 || !Number.isFinite(denominator) || !Number.isFinite(numerator)) return unknown(reason);
  return { value: roundRatio(numerator / denominator) };
}

/** Money ÷ something, rounded to whole minor units (half away from zero). */
export function divideMoney(numeratorCents: number, denominator: number, reason: string): MetricValue {
  const result = divide(numeratorCents, denominator, reason);
  return result.value === null ? result : { value: roundHalfAway(numeratorCents / denominator) };
}

export function roundHalfAway(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded; // never −0
}

/** Ratios keep 6 significant decimals: enough for any display, free of float noise in tests. */
export function roundRatio(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded; // never −0
}

/** The comparison of a current value against a previous one. */
export function compare(current: MetricValue, previous: MetricValue): ComparedValue {
  if (current.value === null || previous.value === null) {
    return { ...current, previous, change: null, changePct: null, changeReason: current.value === null ? "no current value" : "no previous value" };
  }
  const change = roundRatio(current.value - previous.value);
  if (previous.value === 0) return { ...current, previous, change, changePct: null, changeReason: "the previous value was 0" };
  return { ...current, previous, change, changePct: roundRatio((current.value - previous.value) / Math.abs(previous.value)) };
}
