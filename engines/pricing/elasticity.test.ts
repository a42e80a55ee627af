import { describe, expect, it } from "vitest";
import { categoryPrior, DEFAULT_ELASTICITY_PRIOR, estimateElasticity, type PricePoint } from "./elasticity.ts";

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

/** Weekly buckets whose demand follows units = k × price^elasticity × e^(noise). */
function weeks(options: { elasticity: number; weeks: number; basePriceCents: number; variation: number; noiseSd: number; seed: number; baseUnits: number }): PricePoint[] {
  const next = rng(options.seed);
  return Array.from({ length: options.weeks }, () => {
    const price = options.basePriceCents * (1 - options.variation / 2 + next() * options.variation);
    const units = Math.round(options.baseUnits * (price / options.basePriceCents) ** options.elasticity * Math.exp(options.noiseSd * normal(next)));
    return { priceCents: price, units, days: 7 };
  });
}

describe("elasticity from the store's own history", () => {
  it("recovers a known elasticity (−1.8) from noisy weekly sales with 8–20% price variation", () => {
    for (const [seed, variation] of [[1, 0.08], [2, 0.12], [3, 0.2]] as const) {
      const estimate = estimateElasticity(weeks({ elasticity: -1.8, weeks: 26, basePriceCents: 49900, variation, noiseSd: 0.05, seed, baseUnits: 140 }), DEFAULT_ELASTICITY_PRIOR);
      expect(Math.abs(estimate.elasticity - -1.8)).toBeLessThanOrEqual(0.25);
      expect(["medium", "high"]).toContain(estimate.confidence);
      expect(estimate.source).not.toBe("prior");
      expect(estimate.observations).toBe(26);
      expect(estimate.priceSpreadPct).toBeGreaterThan(3);
    }
  });

  it("shrinks toward the prior by precision: elasticity = w × history + (1 − w) × prior, w = priorVar ÷ (priorVar + se²)", () => {
    const estimate = estimateElasticity(weeks({ elasticity: -2.5, weeks: 10, basePriceCents: 10000, variation: 0.1, noiseSd: 0.35, seed: 9, baseUnits: 60 }), DEFAULT_ELASTICITY_PRIOR);
    expect(estimate.historyEstimate).not.toBeNull();
    const se = estimate.standardError!;
    const w = 1 / (1 + se ** 2);
    expect(estimate.elasticity).toBeCloseTo(w * estimate.historyEstimate! + (1 - w) * -1.5, 3);
    expect(estimate.source).toBe("blend");
    // The noisy history leaves the answer between the two.
    expect(estimate.elasticity).toBeGreaterThan(Math.min(estimate.historyEstimate!, -1.5));
    expect(estimate.elasticity).toBeLessThan(Math.max(estimate.historyEstimate!, -1.5));
  });

  it("uses the prior with low confidence for a flat price or too few weeks", () => {
    const flat = estimateElasticity(Array.from({ length: 20 }, (_, i) => ({ priceCents: 29900, units: 10 + (i % 4), days: 7 })), DEFAULT_ELASTICITY_PRIOR);
    expect(flat).toMatchObject({ elasticity: -1.5, confidence: "low", source: "prior", historyEstimate: null, standardError: null, observations: 20, priceSpreadPct: 0 });
    // 2% apart: below the 3% spread the history needs.
    const nearlyFlat = estimateElasticity(Array.from({ length: 20 }, (_, i) => ({ priceCents: i % 2 ? 10000 : 10200, units: i % 2 ? 12 : 10, days: 7 })), DEFAULT_ELASTICITY_PRIOR);
    expect(nearlyFlat.source).toBe("prior");
    const few = estimateElasticity([{ priceCents: 100, units: 10, days: 7 }, { priceCents: 120, units: 6, days: 7 }, { priceCents: 90, units: 13, days: 7 }], { elasticity: -0.9, standardDeviation: 1 });
    expect(few).toMatchObject({ elasticity: -0.9, confidence: "low", source: "prior", observations: 3 });
  });

  it("clamps an upward-sloping history to −0.2 and calls it low confidence", () => {
    const rising = estimateElasticity(weeks({ elasticity: 1.5, weeks: 26, basePriceCents: 10000, variation: 0.2, noiseSd: 0.02, seed: 4, baseUnits: 200 }), DEFAULT_ELASTICITY_PRIOR);
    expect(rising.historyEstimate).toBeGreaterThan(1);
    expect(rising.elasticity).toBe(-0.2);
    expect(rising.confidence).toBe("low");
  });

  it("weights buckets by the days they cover", () => {
    // Four-week buckets on a −1 curve, plus two one-day buckets that slope the other way.
    const long: PricePoint[] = [9000, 9500, 10000, 10500, 11000].map((price) => ({ priceCents: price, units: Math.round(2800 * (price / 10000) ** -1), days: 28 }));
    const short = (days: number): PricePoint[] => [{ priceCents: 9000, units: 40 * days, days }, { priceCents: 11000, units: 300 * days, days }];
    const wide = { elasticity: -1, standardDeviation: 10 };
    const weighted = estimateElasticity([...long, ...short(1)], wide);
    // The same odd rates over 28 days each weigh as much as the rest and turn the slope around.
    const unweighted = estimateElasticity([...long, ...short(28)], wide);
    expect(weighted.historyEstimate!).toBeLessThan(-0.5);
    expect(unweighted.historyEstimate!).toBeGreaterThan(0);
  });

  it("has category priors: a weak −1.5 by default, a few kinds of goods centred elsewhere", () => {
    expect(categoryPrior(null)).toEqual(DEFAULT_ELASTICITY_PRIOR);
    expect(categoryPrior("Accesorios")).toEqual({ elasticity: -1.5, standardDeviation: 1 });
    expect(categoryPrior("Electrónica").elasticity).toBe(-2.2);
    expect(categoryPrior("Café de especialidad").elasticity).toBe(-0.9);
    expect(categoryPrior("Maquiagem").elasticity).toBe(-1.2);
  });
});
