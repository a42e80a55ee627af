/**
 * The number checker: every number a reply says must come from the turn's tool calls. Each number
 * token ("1,234.56", "1.234,56", "$ 1.234", "12,3 %", "3.5×", "10 mil", the parts of "21/11/2026",
 * "2026-11-21", "14:05" or "Q3") is read in every way its separators allow and accepted when some
 * supported number (number-sources.ts) rounds to it at the precision shown. List markers ("1. ")
 * are positions, not figures. Anything else is reported as unsupported.
 */
import { supportedNumbers } from "./number-sources.ts";
import type { AnswerContext, ToolCallRecord } from "./types.ts";

export interface NumberCheck {
  readonly ok: boolean;
  /** The number tokens no tool result supports, as written. */
  readonly unsupported: string[];
}

/** A reading of a token: its value and the rounding it was shown with. */
interface Reading {
  readonly value: number;
  readonly tolerance: number;
}

const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, mil: 1e3, m: 1e6, mi: 1e6, millones: 1e6, "milhões": 1e6, million: 1e6, millions: 1e6 };
const TOKEN = /(\d+(?:[.,]\d+)*)(?:\s?(k|mil|mi|M|millones|milhões|millions?)(?![\p{L}\d]))?/gu;
const LIST_MARKER = /^(\s*)\d{1,2}[.)](?=\s)/gm;

function decimalReading(integer: string, fraction: string): Reading {
  return { value: Number(`${integer}.${fraction}`), tolerance: 0.5 * 10 ** -fraction.length };
}

/** Every way a digits-and-separators token can be read. */
export function readingsOf(token: string): Reading[] {
  const separators = token.replace(/\d/g, "");
  if (separators === "") return [{ value: Number(token), tolerance: 0.5 }];
  const grouped = (text: string) => ({ value: Number(text.replace(/[.,]/g, "")), tolerance: 0.5 });
  const last = Math.max(token.lastIndexOf("."), token.lastIndexOf(","));
  const integerPart = token.slice(0, last).replace(/[.,]/g, "");
  const fraction = token.slice(last + 1);
  const kinds = new Set(separators);
  if (kinds.size > 1) return [decimalReading(integerPart, fraction)];
  if (separators.length > 1) return [grouped(token)];
  return fraction.length === 3 ? [grouped(token), decimalReading(integerPart, fraction)] : [decimalReading(integerPart, fraction)];
}

function supported(reading: Reading, values: readonly number[]): boolean {
  const low = reading.value - reading.tolerance - 1e-9;
  const high = reading.value + reading.tolerance + 1e-9;
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < low) lo = mid + 1;
    else hi = mid;
  }
  return lo < values.length && values[lo]! <= high;
}

export function checkNumbers(reply: string, calls: readonly ToolCallRecord[], context: AnswerContext): NumberCheck {
  const values = supportedNumbers(calls, context);
  const text = reply.replace(/[\u00a0\u202f]/g, " ").replace(LIST_MARKER, "$1");
  const unsupported: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [whole, digits, suffix] = match;
    if (digits === undefined) continue;
    const multiplier = suffix === undefined ? 1 : (MULTIPLIERS[suffix.toLowerCase()] ?? 1);
    const readings = readingsOf(digits).map((reading) => ({ value: reading.value * multiplier, tolerance: reading.tolerance * multiplier }));
    if (!readings.some((reading) => supported(reading, values))) unsupported.push(whole.trim());
  }
  return { ok: unsupported.length === 0, unsupported };
}
