/**
 * Small, dependency-free statistics on plain number arrays. Every function is total: an empty input
 * gives 0 (or a documented neutral value), never NaN, so callers can chain them without guards.
 */

/** Scale factor that makes the MAD a consistent estimator of the standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;

/** Σ x, summed with Kahan compensation (exact enough for cents over years of days). 0 when empty. */
export function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const y = v - compensation;
    const t = total + y;
    compensation = t - total - y;
    total = t;
  }
  return total;
}

/** Arithmetic mean Σx / n; 0 when empty. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

/** Sample standard deviation √(Σ(x − x̄)² / (n − 1)); 0 for fewer than two values. */
export function stddev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(sum(values.map((v) => (v - m) ** 2)) / (values.length - 1));
}

/**
 * Quantile with linear interpolation between order statistics (type 7, the R and NumPy default):
 * h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). `p` is clamped to [0, 1]; 0 when empty.
 */
export function quantile(values: readonly number[], p: number): number {
  // A typed array sorts numerically in native code, without a comparator call per comparison.
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** {@link quantile} on values already sorted ascending (skips the sort). */
export function quantileSorted(ascending: ArrayLike<number>, p: number): number {
  const n = ascending.length;
  if (n === 0) return 0;
  const h = (n - 1) * Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0.5));
  const lo = Math.floor(h);
  const below = ascending[lo] ?? 0;
  const above = ascending[Math.min(n - 1, lo + 1)] ?? below;
  return below + (h - lo) * (above - below);
}

/** Median (the 0.5 quantile, mean of the two middle values for even n); 0 when empty. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * Median absolute deviation about the median, scaled by 1.4826 so it estimates σ for normal data:
 * MAD = 1.4826 · median(|xᵢ − median(x)|). 0 when empty.
 */
export function mad(values: readonly number[]): number {
  const center = median(values);
  return MAD_TO_SIGMA * median(values.map((v) => Math.abs(v - center)));
}

/** A straight line y = intercept + slope·x. */
export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Ordinary least squares of y on x: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope·x̄.
 * With fewer than two distinct x the slope is 0 and the intercept is ȳ. Uses the shorter of the two arrays.
 */
export function linearRegression(xs: readonly number[], ys: readonly number[]): Line {
  const n = Math.min(xs.length, ys.length);
  const x = xs.slice(0, n);
  const y = ys.slice(0, n);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    sxy += dx * ((y[i] ?? 0) - my);
    sxx += dx * dx;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

/**
 * Theil–Sen robust line: slope = median of the pairwise slopes (yⱼ − yᵢ)/(xⱼ − xᵢ) over pairs with
 * xⱼ ≠ xᵢ, intercept = median(yᵢ − slope·xᵢ). Tolerates up to ~29% outliers. O(n²): meant for windows of
 * a few hundred points. Slope 0 and intercept median(y) with fewer than two distinct x.
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): Line {
  const n = Math.min(xs.length, ys.length);
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = (xs[j] ?? 0) - (xs[i] ?? 0);
      if (dx !== 0) slopes[count++] = ((ys[j] ?? 0) - (ys[i] ?? 0)) / dx;
    }
  }
  const slope = medianInPlace(slopes.subarray(0, count));
  const intercepts: number[] = [];
  for (let i = 0; i < n; i++) intercepts.push((ys[i] ?? 0) - slope * (xs[i] ?? 0));
  return { slope, intercept: median(intercepts) };
}

/**
 * The median of `values`, reordering them in place: Hoare's quickselect finds the lower middle order
 * statistic in O(n) on average (a sort is O(n log n)), and for even n the upper middle one is the
 * smallest value above it. Same result as {@link median}; 0 when empty.
 */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const k = (n - 1) >> 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  const lower = values[k]!;
  if (n % 2 === 1) return lower;
  let upper = Number.POSITIVE_INFINITY;
  for (let index = k + 1; index < n; index++) if (values[index]! < upper) upper = values[index]!;
  return lower + 0.5 * (upper - lower);
}

/** The value of a line at x. */
export function lineAt(line: Line, x: number): number {
  return line.intercept + line.slope * x;
}

/** x clamped to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** a / b, or `fallback` when b is 0 or the result is not finite. */
export function safeDivide(a: number, b: number, fallback = 0): number {
  if (b === 0) return fallback;
  const r = a / b;
  return Number.isFinite(r) ? r : fallback;
}

/**
 * Standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, relative error < 1.2e-9).
 * p is clamped to [1e-12, 1 − 1e-12] so the result is always finite.
 */
export function normalQuantile(p: number): number {
  const q = clamp(Number.isFinite(p) ? p : 0.5, 1e-12, 1 - 1e-12);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (coefficients: readonly number[], x: number): number => coefficients.reduce((acc, k) => acc * x + k, 0);
  const low = 0.02425;
  if (q < low) {
    const r = Math.sqrt(-2 * Math.log(q));
    return poly(c, r) / (poly(d, r) * r + 1);
  }
  if (q > 1 - low) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return -poly(c, r) / (poly(d, r) * r + 1);
  }
  const r = (q - 0.5) ** 2;
  return ((q - 0.5) * poly(a, r)) / (poly(b, r) * r + 1);
}
