/**
 * Price endings per currency, in minor units. A rounding mode is a lattice of allowed prices
 * (k × step − offset, k ≥ 1): ".99" is every whole unit minus one cent ($19.99), ".90" every whole
 * unit minus ten cents (R$ 49,90), "whole" every whole unit ($769 MXN), or every 10 pesos in Chile
 * and every 100 in Colombia, where single pesos are not used on price tags. Currencies without
 * minor units (CLP, COP, JPY) read ".99" as …99 and ".90" as …90 of the whole amount (¥1,999, $12.990).
 *
 * roundPrice moves a price to the nearest allowed price inside the given bounds: it never goes
 * below a floor or MAP (it rounds up instead) nor above a ceiling or cap, and a price that is
 * already allowed stays where it is (rounding twice changes nothing).
 */
import { assertNever } from "../../lib/assert-never.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import type { RoundingMode } from "./rules.ts";

export type AppliedRounding = Exclude<RoundingMode, "auto">;

const NINETY_NINE = new Set(["USD", "EUR", "GBP", "CAD"]);
const NINETY = new Set(["BRL"]);
const WHOLE = new Set(["MXN", "ARS", "CLP", "COP", "PEN", "UYU"]);
/** Whole-price steps in major units where single units are not used on price tags. */
const WHOLE_STEP_MAJOR: Readonly<Record<string, number>> = { CLP: 10, COP: 100 };

/** The endings "auto" means for a currency: .99 for USD/EUR/GBP/CAD and unknown ones, .90 for BRL, whole for MXN/ARS/CLP/COP/PEN/UYU. */
export function roundingFor(currency: string, mode: RoundingMode): AppliedRounding {
  if (mode !== "auto") return mode;
  if (NINETY.has(currency)) return "90";
  if (WHOLE.has(currency)) return "whole";
  if (NINETY_NINE.has(currency)) return "99";
  return "99";
}

interface Lattice {
  readonly stepCents: number;
  readonly offsetCents: number;
}

function latticeFor(currency: string, rounding: AppliedRounding): Lattice | null {
  const digits = currencyMinorDigits(currency);
  const unit = 10 ** digits;
  switch (rounding) {
    case "99":
      return digits >= 2 ? { stepCents: unit, offsetCents: unit / 100 } : { stepCents: 100, offsetCents: 1 };
    case "90":
      return digits >= 2 ? { stepCents: unit, offsetCents: unit / 10 } : { stepCents: 100, offsetCents: 10 };
    case "whole": {
      const step = (WHOLE_STEP_MAJOR[currency] ?? 1) * unit;
      return step > 1 ? { stepCents: step, offsetCents: 0 } : null;
    }
    case "none":
      return null;
    default:
      return assertNever(rounding, "rounding");
  }
}

/** The allowed price at lattice index k (k ≥ 1), or null below the first. */
function pointAt(lattice: Lattice, k: number): number | null {
  return k >= 1 ? k * lattice.stepCents - lattice.offsetCents : null;
}
const indexAtOrBelow = (lattice: Lattice, cents: number) => Math.floor((cents + lattice.offsetCents) / lattice.stepCents);
const indexAtOrAbove = (lattice: Lattice, cents: number) => Math.ceil((cents + lattice.offsetCents) / lattice.stepCents);

export interface RoundingBounds {
  /** Never below this (floor, MAP, today's cap on a cut); null or left out: no bound. */
  readonly minCents?: number | null;
  /** Never above this (ceiling, today's cap on a rise). */
  readonly maxCents?: number | null;
}

/**
 * The nearest allowed price to priceCents within the bounds (ties go to the lower price); when no
 * allowed price fits between the bounds, the price clamped to them, unrounded.
 */
export function roundPrice(priceCents: number, currency: string, mode: RoundingMode, bounds: RoundingBounds = {}): number {
  const min = bounds.minCents ?? Number.NEGATIVE_INFINITY;
  const max = bounds.maxCents ?? Number.POSITIVE_INFINITY;
  const clamped = Math.round(Math.min(Math.max(priceCents, min), Math.max(min, max)));
  const lattice = latticeFor(currency, roundingFor(currency, mode));
  if (!lattice) return clamped;
  const fits = (cents: number | null): cents is number => cents !== null && cents > 0 && cents >= min && cents <= max;
  const below = pointAt(lattice, indexAtOrBelow(lattice, clamped));
  const above = pointAt(lattice, indexAtOrAbove(lattice, clamped));
  const candidates = [below, above].filter(fits).sort((a, b) => Math.abs(a - clamped) - Math.abs(b - clamped) || a - b);
  // Allowed prices are consecutive lattice points: when neither neighbour fits, none does.
  return candidates[0] ?? clamped;
}

/** Whether a price already ends as the mode asks (so rounding leaves it alone). */
export function isRoundedPrice(priceCents: number, currency: string, mode: RoundingMode): boolean {
  const lattice = latticeFor(currency, roundingFor(currency, mode));
  return lattice === null || (priceCents > 0 && (priceCents + lattice.offsetCents) % lattice.stepCents === 0);
}
