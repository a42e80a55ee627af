/**
 * Price elasticity of demand from the store's own history: how much units move when the price
 * moves (−1.5: a 1% cut sells about 1.5% more units).
 *
 * Method: a log-log regression of daily units on price over buckets of one variant's sales (e.g.
 * weekly: the average unit price and the units sold), weighted by the days each bucket covers. Its
 * standard error comes from the residuals. The estimate is then shrunk toward a category prior by
 * precision: w = priorVar ÷ (priorVar + se²) on the history, 1 − w on the prior, so a noisy history
 * moves the prior a little and a clean one replaces it. With too few buckets or too little price
 * variation the history says nothing about price and the prior is used, with low confidence.
 * Results are clamped to −6…−0.2: a store's own history confounds price with season and promotion,
 * and an upward-sloping or near-flat demand curve is not a basis for a price.
 */

export interface PricePoint {
  /** The average unit price in the bucket (minor units; fractional is fine). */
  readonly priceCents: number;
  readonly units: number;
  /** Days the bucket covers (its weight). */
  readonly days: number;
}

/**
 * A category's elasticity before looking at the store's history, with its uncertainty as a
 * standard deviation (1.0 is weak: the history decides as soon as it has a standard error well
 * below 1).
 */
export interface ElasticityPrior {
  readonly elasticity: number;
  readonly standardDeviation: number;
}

export type ElasticityConfidence = "low" | "medium" | "high";
export type ElasticitySource = "prior" | "history" | "blend";

export interface ElasticityEstimate {
  readonly elasticity: number;
  readonly confidence: ElasticityConfidence;
  /** prior: the history was not used; history: it carries ≥ 90% of the weight; blend: both. */
  readonly source: ElasticitySource;
  /** Buckets with a price and a positive number of days. */
  readonly observations: number;
  /** (highest − lowest price) ÷ mean price, in percent. */
  readonly priceSpreadPct: number;
  /** The regression slope before shrinking, or null when the history was not used. */
  readonly historyEstimate: number | null;
  readonly standardError: number | null;
  /** The prior it was shrunk toward. */
  readonly prior: ElasticityPrior;
}

export const ELASTICITY_RANGE = { min: -6, max: -0.2 } as const;
export const MIN_ELASTICITY_POINTS = 4;
export const MIN_PRICE_SPREAD_PCT = 3;

/**
 * Default when nothing is known about a category: −1.5 with a standard deviation of 1 (a weak
 * prior: retail elasticities mostly fall between −0.5 and −3). A few broad kinds of goods get a
 * different centre, matched by words in the category name (en/es/pt); the weight stays weak.
 */
export const DEFAULT_ELASTICITY_PRIOR: ElasticityPrior = Object.freeze({ elasticity: -1.5, standardDeviation: 1 });

const CATEGORY_PRIORS: readonly (readonly [RegExp, number])[] = [
  // Everyday staples: people buy them anyway.
  [/food|grocer|aliment|comida|caf[eé]|coffee|bebida|drink|mascota|pet|farmac|pharma|higien/i, -0.9],
  // Electronics and gadgets: easy to compare, shoppers move.
  [/electr[oó]n|eletr[oô]n|gadget|celular|phone|computa|tecnolog/i, -2.2],
  // Apparel, shoes and accessories: the default centre.
  [/ropa|roupa|apparel|cloth|moda|fashion|calzado|shoe|tenis|t[eê]nis|playera|camis/i, -1.5],
  // Beauty and personal care: brand loyalty dampens price moves.
  [/beaut|belleza|beleza|cosm[eé]t|skin|piel|pele|maquill|maquiag/i, -1.2],
];

/** The prior for a category (DEFAULT_ELASTICITY_PRIOR when nothing matches). */
export function categoryPrior(category: string | null): ElasticityPrior {
  if (category) {
    for (const [pattern, elasticity] of CATEGORY_PRIORS) if (pattern.test(category)) return { elasticity, standardDeviation: DEFAULT_ELASTICITY_PRIOR.standardDeviation };
  }
  return DEFAULT_ELASTICITY_PRIOR;
}

const clamp = (value: number) => Math.min(ELASTICITY_RANGE.max, Math.max(ELASTICITY_RANGE.min, value));
const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

interface Regression {
  readonly slope: number;
  readonly standardError: number;
}

/**
 * Weighted least squares of y on x. Weights are made relative (they sum to the number of points),
 * so days shape the fit without pretending each day is an independent observation.
 */
function weightedRegression(xs: readonly number[], ys: readonly number[], weights: readonly number[]): Regression | null {
  const n = xs.length;
  const total = weights.reduce((acc, w) => acc + w, 0);
  if (n < 3 || total <= 0) return null;
  const w = weights.map((weight) => (weight * n) / total);
  const mean = (values: readonly number[]) => values.reduce((acc, value, i) => acc + w[i]! * value, 0) / n;
  const xMean = mean(xs);
  const yMean = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += w[i]! * (xs[i]! - xMean) ** 2;
    sxy += w[i]! * (xs[i]! - xMean) * (ys[i]! - yMean);
  }
  if (sxx <= 1e-12) return null;
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let residuals = 0;
  for (let i = 0; i < n; i++) residuals += w[i]! * (ys[i]! - intercept - slope * xs[i]!) ** 2;
  const variance = residuals / (n - 2);
  return { slope, standardError: Math.sqrt(variance / sxx) };
}

function confidenceOf(posteriorSd: number, observations: number): ElasticityConfidence {
  if (posteriorSd < 0.25 && observations >= 8) return "high";
  if (posteriorSd < 0.5) return "medium";
  return "low";
}

/**
 * The elasticity of one variant from its buckets of (price, units, days), shrunk toward the prior.
 * Units enter as units per day with half a unit added (a bucket with no sales still says something
 * and its logarithm exists).
 */
export function estimateElasticity(points: readonly PricePoint[], prior: ElasticityPrior): ElasticityEstimate {
  const usable = points.filter((point) => point.priceCents > 0 && point.days > 0 && point.units >= 0 && Number.isFinite(point.priceCents) && Number.isFinite(point.units));
  const prices = usable.map((point) => point.priceCents);
  const meanPrice = prices.length > 0 ? prices.reduce((acc, price) => acc + price, 0) / prices.length : 0;
  const priceSpreadPct = meanPrice > 0 ? round4(((Math.max(...prices) - Math.min(...prices)) / meanPrice) * 100) : 0;
  const fromPrior: ElasticityEstimate = {
    elasticity: round4(clamp(prior.elasticity)),
    confidence: "low",
    source: "prior",
    observations: usable.length,
    priceSpreadPct,
    historyEstimate: null,
    standardError: null,
    prior,
  };
  if (usable.length < MIN_ELASTICITY_POINTS || priceSpreadPct < MIN_PRICE_SPREAD_PCT) return fromPrior;
  const fit = weightedRegression(
    usable.map((point) => Math.log(point.priceCents)),
    usable.map((point) => Math.log((point.units + 0.5) / point.days)),
    usable.map((point) => point.days),
  );
  if (!fit || !Number.isFinite(fit.slope) || !Number.isFinite(fit.standardError)) return fromPrior;
  const priorVariance = prior.standardDeviation ** 2;
  // A perfect fit (no residual) is still one store's history: keep a little of the prior's pull.
  const historyVariance = Math.max(fit.standardError ** 2, 1e-4);
  const weight = priorVariance / (priorVariance + historyVariance);
  const blended = weight * fit.slope + (1 - weight) * prior.elasticity;
  const posteriorSd = Math.sqrt((priorVariance * historyVariance) / (priorVariance + historyVariance));
  const clamped = clamp(blended);
  return {
    elasticity: round4(clamped),
    // Clamped: the history points outside what a price can rest on (often a season, not the price).
    confidence: clamped === blended ? confidenceOf(posteriorSd, usable.length) : "low",
    source: weight >= 0.9 ? "history" : "blend",
    observations: usable.length,
    priceSpreadPct,
    historyEstimate: round4(fit.slope),
    standardError: round4(fit.standardError),
    prior,
  };
}
