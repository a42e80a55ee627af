/**
 * Holt–Winters exponential smoothing with a damped additive trend and a weekly (period 7) seasonal
 * component, multiplicative for non-negative series with a positive level, additive otherwise.
 *
 * Multiplicative (s indexed by weekday w):
 *   ŷₜ = (ℓ + φb)·s_w;  ℓ' = α·yₜ/s_w + (1 − α)(ℓ + φb);  b' = β(ℓ' − ℓ) + (1 − β)φb;  s_w' = γ·yₜ/ℓ' + (1 − γ)s_w
 * Additive: ŷₜ = ℓ + φb + s_w with yₜ − s_w and yₜ − ℓ' in place of the ratios.
 * h steps ahead: (ℓ + (φ + … + φʰ)b)·s_w (or + s_w).
 * Start values come from the robust seasonal baseline of the first 28 days. (α, β, γ, φ) is the grid point
 * with the smallest mean absolute one-step-ahead error after a 14-day warm-up (MAE, so promotion days
 * weigh less than under squared error).
 */
import { evaluateBaseline, fitSeasonalBaseline, type BaselineMode } from "./series-baseline.ts";
import { weekdayOfDayNumber } from "./series-types.ts";

/** Smoothing parameters. */
export interface HoltWintersParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/** A fitted model: its final state and the one-step-ahead error it was chosen by. */
export interface HoltWintersFit {
  readonly params: HoltWintersParams;
  readonly mode: BaselineMode;
  readonly level: number;
  readonly trend: number;
  /** Seasonal state per weekday (0 = Sunday). */
  readonly seasonal: readonly number[];
  /** Day number of the last fitted day. */
  readonly lastDay: number;
  /** Mean absolute one-step-ahead error after the warm-up. */
  readonly mae: number;
}

const ALPHAS = [0.05, 0.1, 0.2, 0.35, 0.5];
const BETAS = [0, 0.02, 0.1];
const GAMMAS = [0.05, 0.15, 0.3];
const PHIS = [0.9, 0.98, 1];
const INIT_DAYS = 28;
const WARM_UP = 14;
/** Seasonal factors below this are treated as "closed day": the level is not updated from them. */
const MIN_FACTOR = 0.05;

interface State {
  level: number;
  trend: number;
  seasonal: number[];
}

/** Fits on `values` (day numbers firstDay, firstDay + 1, …); null with fewer than 14 values. */
export function fitHoltWinters(values: readonly number[], firstDay: number): HoltWintersFit | null {
  if (values.length < WARM_UP) return null;
  const init = initialState(values, firstDay);
  if (init === null) return null;
  let best: HoltWintersFit | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const gamma of GAMMAS) {
        for (const phi of PHIS) {
          const params = { alpha, beta, gamma, phi };
          const run = smooth(values, firstDay, init.mode, init.state, params);
          if (best === null || run.mae < best.mae) {
            best = { params, mode: init.mode, ...run.state, lastDay: firstDay + values.length - 1, mae: run.mae };
          }
        }
      }
    }
  }
  return best;
}

/** Point forecasts for the `horizon` days after the fitted data (never negative for multiplicative fits). */
export function forecastHoltWinters(fit: HoltWintersFit, horizon: number): number[] {
  const out: number[] = [];
  let damped = 0;
  for (let h = 1; h <= horizon; h++) {
    damped += fit.params.phi ** h;
    const s = fit.seasonal[weekdayOfDayNumber(fit.lastDay + h)] ?? (fit.mode === "multiplicative" ? 1 : 0);
    const base = fit.level + damped * fit.trend;
    out.push(fit.mode === "multiplicative" ? Math.max(0, base) * s : base + s);
  }
  return out;
}

function initialState(values: readonly number[], firstDay: number): { mode: BaselineMode; state: State } | null {
  const head = values.slice(0, INIT_DAYS).map((value, i) => ({ day: firstDay + i, value }));
  const baseline = fitSeasonalBaseline(head);
  if (baseline === null) return null;
  const start = evaluateBaseline(baseline, firstDay - 1);
  const seasonal = [...baseline.profile];
  return { mode: baseline.mode, state: { level: start.level, trend: baseline.trend.slope, seasonal } };
}

function smooth(values: readonly number[], firstDay: number, mode: BaselineMode, init: State, p: HoltWintersParams): { state: State; mae: number } {
  let { level, trend } = init;
  const seasonal = [...init.seasonal];
  let errorSum = 0;
  let errorCount = 0;
  values.forEach((y, t) => {
    const w = weekdayOfDayNumber(firstDay + t);
    const s = seasonal[w] ?? 0;
    const base = level + p.phi * trend;
    const predicted = mode === "multiplicative" ? Math.max(0, base) * s : base + s;
    if (t >= WARM_UP) {
      errorSum += Math.abs(y - predicted);
      errorCount++;
    }
    let next: number;
    if (mode === "multiplicative") {
      next = s >= MIN_FACTOR ? p.alpha * (y / s) + (1 - p.alpha) * base : base;
      if (next > 0) seasonal[w] = p.gamma * (y / next) + (1 - p.gamma) * s;
    } else {
      next = p.alpha * (y - s) + (1 - p.alpha) * base;
      seasonal[w] = p.gamma * (y - next) + (1 - p.gamma) * s;
    }
    trend = p.beta * (next - level) + (1 - p.beta) * p.phi * trend;
    level = next;
  });
  return { state: { level, trend, seasonal }, mae: errorCount > 0 ? errorSum / errorCount : 0 };
}
