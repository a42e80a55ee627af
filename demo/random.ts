/**
 * The demo's only source of randomness: sfc32 (128-bit state, fast, statistically solid for
 * synthetic data) seeded by hashing a path such as (seed, "demo", "orders", day). Every workspace
 * and domain draws from its own stream, so adding draws to one domain never shifts another, and
 * nothing here reads Math.random or the wall clock.
 */

/** cyrb128: a cheap string hash with four well-mixed 32-bit outputs, enough to fill sfc32's state. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
    // The first outputs of sfc32 still echo the seed; discard them.
    for (let i = 0; i < 15; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: empty list");
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Standard normal by Box–Muller (one value per call; the twin is dropped to keep streams simple). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Multiplicative noise around 1: exp(N(0, sigma)). */
  noise(sigma: number): number {
    return Math.exp(this.normal() * sigma);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }
}

/** An independent stream for a path: rngFor(42, "demo", "orders", 17). */
export function rngFor(seed: number, ...path: readonly (string | number)[]): Rng {
  return new Rng(cyrb128([String(seed), ...path.map(String)].join("\u001f")));
}

/** Weighted sampling by binary search over cumulative weights (O(log n) per draw, no allocation). */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error("WeightedTable: items and weights must match and be non-empty");
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const weight = weights[i]!;
      if (!(weight >= 0)) throw new Error(`WeightedTable: weight ${i} is negative or NaN`);
      sum += weight;
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error("WeightedTable: all weights are zero");
    this.total = sum;
  }

  index(rng: Rng): number {
    const target = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  sample(rng: Rng): T {
    return this.items[this.index(rng)]!;
  }
}

/** A table from [item, weight] pairs, the shape the data files use. */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> {
  return new WeightedTable(
    pairs.map(([item]) => item),
    pairs.map(([, weight]) => weight),
  );
}

/**
 * Splits an integer total in proportion to weights with the largest-remainder method: the parts
 * sum exactly to the total and the split is deterministic (ties go to the lower index).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) {
    const out = new Array<number>(weights.length).fill(0);
    out[0] = total;
    return out;
  }
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let remaining = total - parts.reduce((acc, part) => acc + part, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) }));
  order.sort((x, y) => y.fraction - x.fraction || x.index - y.index);
  for (let i = 0; remaining > 0; i = (i + 1) % order.length, remaining--) parts[order[i]!.index]! += 1;
  return parts;
}
