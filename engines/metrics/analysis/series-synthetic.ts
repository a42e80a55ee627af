/**
 * Deterministic synthetic daily series for tests and demos: weekly pattern × trend × noise, with
 * optional promotions, and a seeded PRNG (mulberry32) so the same seed always gives the same series.
 */
import { addDays, weekdayOf, type DailyPoint } from "./series-types.ts";

/** mulberry32: a tiny seeded PRNG returning uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from two uniforms (Box–Muller). */
export function normal(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Shape of a synthetic series. */
export interface SyntheticSpec {
  readonly start: string;
  readonly days: number;
  /** Level on the first day. */
  readonly level: number;
  /** Multiplicative weekday factors, index 0 = Sunday (default flat). */
  readonly weekly?: readonly number[];
  /** Relative growth per day, compounded (default 0). */
  readonly growthPerDay?: number;
  /** Relative noise σ (default 0). */
  readonly noise?: number;
  /** Daily probability of a promotion day (default 0). */
  readonly promoChance?: number;
  /** Relative lift of a promotion day (default 0.8). */
  readonly promoLift?: number;
  /** Round values to integers (default true). */
  readonly round?: boolean;
  readonly seed?: number;
}

/** Builds the series: value = level·(1 + g)^t · weekly[w] · (1 + noise·N(0,1)) · (1 + lift on promo days), ≥ 0. */
export function syntheticSeries(spec: SyntheticSpec): DailyPoint[] {
  const random = mulberry32(spec.seed ?? 1);
  const weekly = spec.weekly ?? [1, 1, 1, 1, 1, 1, 1];
  const points: DailyPoint[] = [];
  for (let t = 0; t < spec.days; t++) {
    const date = addDays(spec.start, t);
    const noise = 1 + (spec.noise ?? 0) * normal(random);
    const promo = random() < (spec.promoChance ?? 0) ? 1 + (spec.promoLift ?? 0.8) : 1;
    const raw = Math.max(0, spec.level * (1 + (spec.growthPerDay ?? 0)) ** t * (weekly[weekdayOf(date)] ?? 1) * noise * promo);
    points.push({ date, value: spec.round === false ? raw : Math.round(raw) });
  }
  return points;
}

/** The series with `value` multiplied by `factor` on `days` consecutive days starting at index `from`. */
export function scaleDays(series: readonly DailyPoint[], from: number, days: number, factor: number): DailyPoint[] {
  return series.map((p, i) => (i >= from && i < from + days ? { date: p.date, value: Math.round(p.value * factor) } : p));
}

/** A typical store week (Sunday low, Friday/Saturday high). */
export const STORE_WEEK: readonly number[] = [0.55, 0.95, 1.0, 1.0, 1.05, 1.25, 1.2];

/** Paths of every number inside `value` (objects and arrays, recursively) that is NaN or ±Infinity. */
export function nonFiniteNumbers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${String(value)}`];
  if (Array.isArray(value)) return value.flatMap((item: unknown, i) => nonFiniteNumbers(item, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  }
  return [];
}
