/**
 * The money of one order line from whatever the file gives: a net amount or a unit price, a
 * discount as money or as a rate, a cost or a profit. All arithmetic is on exact decimals and
 * rounds once, half away from zero, to the currency's minor units.
 *
 * The net amount is authoritative when present: total_cents is exactly the rounded amount, and
 * discount_cents = gross − total, where gross is amount / (1 − rate) or amount + discount. The
 * unit price is then gross / quantity, rounded, so quantity × unit price may differ from gross by
 * less than a cent per unit; sums of revenue never do.
 */
import { err, ok, type Result } from "../../lib/result.ts";
import { pow10, roundDiv, toMinorUnits, toSafeNumber, type ExactDecimal } from "./numbers.ts";

export interface LineMoneyInput {
  readonly quantity: number;
  readonly amount: ExactDecimal | null;
  readonly unitPrice: ExactDecimal | null;
  readonly discount: ExactDecimal | null;
  /** Within [0, 1]. */
  readonly discountRate: ExactDecimal | null;
  readonly cost: ExactDecimal | null;
  readonly profit: ExactDecimal | null;
}

export interface LineMoney {
  readonly unitPriceCents: number;
  readonly discountCents: number;
  readonly totalCents: number;
  readonly costCents: number | null;
}

function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * pow10(scale - a.scale) - b.units * pow10(scale - b.scale), scale };
}

function times(value: ExactDecimal, quantity: bigint): ExactDecimal {
  return { units: value.units * quantity, scale: value.scale };
}

export function lineMoney(input: LineMoneyInput, digits: number): Result<LineMoney, string> {
  const { amount, unitPrice, discount, discountRate: rate } = input;
  if (discount && discount.units < 0n) return err("the discount cannot be negative");
  const q = BigInt(input.quantity);
  let total: bigint;
  let gross: bigint;
  let unit: bigint;
  if (amount) {
    total = toMinorUnits(amount, digits);
    if (discount) {
      gross = total + toMinorUnits(discount, digits);
    } else if (rate && rate.units > 0n && rate.units < pow10(rate.scale)) {
      // gross = amount / (1 − rate) = (a / 10^as) / ((10^rs − r) / 10^rs), in minor units.
      const one = pow10(rate.scale);
      gross = roundDiv(amount.units * one * pow10(digits), pow10(amount.scale) * (one - rate.units));
    } else if (unitPrice) {
      const listed = toMinorUnits(times(unitPrice, q), digits);
      gross = listed > total ? listed : total;
    } else {
      gross = total;
    }
    unit = unitPrice ? toMinorUnits(unitPrice, digits) : roundDiv(gross, q);
  } else if (unitPrice) {
    gross = toMinorUnits(times(unitPrice, q), digits);
    let off = 0n;
    if (discount) off = toMinorUnits(discount, digits);
    else if (rate) off = roundDiv(unitPrice.units * q * rate.units * pow10(digits), pow10(unitPrice.scale + rate.scale));
    total = gross - off;
    unit = toMinorUnits(unitPrice, digits);
  } else {
    return err("the line has neither an amount nor a unit price");
  }
  let cost: bigint | null = null;
  if (input.cost) cost = toMinorUnits(input.cost, digits);
  else if (input.profit) cost = amount ? toMinorUnits(subtract(amount, input.profit), digits) : total - toMinorUnits(input.profit, digits);

  const totalCents = toSafeNumber(total);
  const discountCents = toSafeNumber(gross - total);
  const unitPriceCents = toSafeNumber(unit);
  const costCents = cost === null ? ok(null) : toSafeNumber(cost);
  if (!totalCents.ok || !discountCents.ok || !unitPriceCents.ok || !costCents.ok) return err("the amount is too large");
  return ok({ unitPriceCents: unitPriceCents.value, discountCents: discountCents.value, totalCents: totalCents.value, costCents: costCents.value });
}
