/**
 * The y axis of a chart: 4 to 6 evenly spaced "nice" tick values (steps of 1, 2, 2.5 or 5 times a
 * power of ten) that cover the data, and their labels in compact notation for the chart's locale
 * ("$1.2 M", "R$ 600 mil", "12K", "45%").
 */
import type { ChartSpec } from "../outbound/outbound-message.ts";
import { drawableText } from "./bitmap-font.ts";

export interface AxisTicks {
  /** Ascending; the first is at or below the data's minimum, the last at or above its maximum. */
  readonly values: readonly number[];
  readonly step: number;
}

const MIN_TICKS = 4;
const MAX_TICKS = 6;
const STEP_MULTIPLIERS = [1, 2, 2.5, 5] as const;

/** Enough decimal places that k × step prints without float noise (0.1 × 3 = 0.30000000000000004). */
function decimalsOf(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step)) + 1);
}

function ticksWith(low: number, high: number, step: number): number[] {
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const decimals = decimalsOf(step);
  return Array.from({ length: last - first + 1 }, (_, index) => Number(((first + index) * step).toFixed(decimals)));
}

function tickCount(low: number, high: number, step: number): number {
  return Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9) + 1;
}

/**
 * Where the axis should start and end for these values. Amounts that are all positive start at 0
 * when that costs less than doubling the span (a sales line should not exaggerate a small dip);
 * a flat line gets room around it.
 */
export function axisDomain(values: readonly number[]): { readonly low: number; readonly high: number } {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { low: 0, high: 1 };
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (low >= 0 && low <= high - low) low = 0;
  if (high <= 0 && high >= low - high) high = 0;
  if (low === high) {
    if (low === 0) return { low: 0, high: 1 };
    const pad = Math.abs(low) / 2;
    return low > 0 ? { low: 0, high: low + pad } : { low: low - pad, high: 0 };
  }
  return { low, high };
}

/** Nice ticks covering [low, high]: the step whose tick count is in 4–6 and closest to 5 (on a tie, the finer). */
export function niceTicks(low: number, high: number): AxisTicks {
  if (!Number.isFinite(low) || !Number.isFinite(high) || high <= low) throw new Error(`invalid axis range [${low}, ${high}]`);
  // The span is in [magnitude, 10 × magnitude): steps from a tenth of it up cover every 4–6 count.
  const magnitude = 10 ** Math.floor(Math.log10(high - low));
  const score = (count: number) => (count >= MIN_TICKS && count <= MAX_TICKS ? 0 : 10) + Math.abs(count - 5);
  let bestStep = magnitude / 10;
  for (const power of [magnitude / 10, magnitude]) {
    for (const multiplier of STEP_MULTIPLIERS) {
      const step = multiplier * power;
      if (score(tickCount(low, high, step)) < score(tickCount(low, high, bestStep))) bestStep = step;
    }
  }
  return { values: ticksWith(low, high, bestStep), step: bestStep };
}

/** Intl's spaces and signs in characters the chart font draws. */
function chartText(text: string): string {
  return drawableText(text.replace(/[\u00a0\u202f]/g, " "));
}

function labelFormat(spec: Pick<ChartSpec, "unit" | "currency" | "locale">, digits: number): Intl.NumberFormat {
  const fraction = { maximumFractionDigits: digits, minimumFractionDigits: 0 };
  if (spec.unit === "ratio") return new Intl.NumberFormat(spec.locale, { style: "percent", ...fraction });
  const money: Intl.NumberFormatOptions = spec.unit === "money" && spec.currency !== null ? { style: "currency", currency: spec.currency } : {};
  return new Intl.NumberFormat(spec.locale, { notation: "compact", ...money, ...fraction });
}

/** Decimals beyond which nice tick values never need more in compact notation (1.25 M, 2.5 k). */
const MAX_LABEL_DIGITS = 3;

/**
 * Tick labels in compact notation for the chart's unit and locale, with the fewest decimals that
 * still say each value exactly ("$1.2 M", "2.5 k" rather than "$1 M", "3 k"). Money is in major units.
 */
export function tickLabels(values: readonly number[], spec: Pick<ChartSpec, "unit" | "currency" | "locale">): string[] {
  const exact = values.map((value) => labelFormat(spec, MAX_LABEL_DIGITS).format(value));
  for (let digits = 0; digits < MAX_LABEL_DIGITS; digits++) {
    const format = labelFormat(spec, digits);
    const labels = values.map((value) => format.format(value));
    if (labels.every((label, index) => label === exact[index])) return labels.map(chartText);
  }
  return exact.map(chartText);
}
