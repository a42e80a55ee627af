/**
 * Numbers as people type them in spreadsheets ("R$ 1.234,56", "$1,234.56", "(12.00)", "20%"),
 * read into exact decimals (bigint units × 10^-scale) so that money never goes through a float:
 * 911.424 is 911424 × 10^-3, and rounding it to cents is integer arithmetic.
 */
import { isKnownCurrency } from "../../lib/money.ts";
import { err, ok, type Result } from "../../lib/result.ts";

export const DECIMAL_SEPARATORS = [".", ","] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

/** value = units / 10^scale, exactly. */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const CORE_CHARS = /^[\d.,'\u00a0\u202f ]+$/;
const GROUPING_NOISE = /['\u00a0\u202f ]/g;
/** Symbol-only currency marks (R$, US$, MX$, S/.) and a few letter marks of the region (Bs, Gs, Q). */
const SYMBOL_MARK = /^(?:[A-Za-z]{0,3}\p{Sc}|\p{Sc}[A-Za-z]{0,3}|S\/\.?|Bs\.?|Gs\.?|Q)$/u;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Parses a decimal number with the given decimal separator. Grouping separators (the other one of
 * "." and ",", spaces, apostrophes) must group by thousands, which is what catches a file read with
 * the wrong separator ("12,5" with "." is an error, not 125). With allowCurrency, a currency
 * symbol or ISO code may stand before or after the number.
 */
export function parseDecimal(text: string, decimal: DecimalSeparator, allowCurrency = true): Result<ExactDecimal, string> {
  const s = text.trim();
  if (s.length === 0) return err("empty");
  const plainNumber = fastDecimal(s, decimal === "." ? 46 : 44);
  if (plainNumber) return ok(plainNumber);
  let first = -1;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    if (isDigit(s.charCodeAt(i))) {
      if (first === -1) first = i;
      last = i;
    }
  }
  if (first === -1) return err("not a number");
  while (first > 0 && (s[first - 1] === "." || s[first - 1] === ",")) first--;
  const core = s.slice(first, last + 1);
  if (!CORE_CHARS.test(core)) return err("not a number");
  const sign = readAffixes(s.slice(0, first), s.slice(last + 1), allowCurrency);
  if (!sign.ok) return sign;
  const group = decimal === "." ? "," : ".";
  const plain = core.replace(GROUPING_NOISE, "");
  const point = plain.indexOf(decimal);
  if (point !== -1 && plain.indexOf(decimal, point + 1) !== -1) return err(`more than one "${decimal}" decimal separator`);
  const integer = point === -1 ? plain : plain.slice(0, point);
  const fraction = point === -1 ? "" : plain.slice(point + 1);
  if (fraction.includes(group)) return err(wrongSeparator(decimal));
  let integerDigits = integer;
  if (integer.includes(group)) {
    const groups = integer.split(group);
    const head = groups[0] ?? "";
    if (head.length === 0 || head.length > 3 || groups.slice(1).some((g) => g.length !== 3)) return err(wrongSeparator(decimal));
    integerDigits = groups.join("");
  }
  const digits = integerDigits + fraction;
  if (digits.length === 0) return err("not a number");
  const units = BigInt(digits);
  return ok({ units: sign.value ? -units : units, scale: fraction.length });
}

/**
 * "-123.45", "42", "0,5": digits, at most one decimal separator and a leading minus, which is
 * nearly every cell of a real file. Read without regular expressions or closures, since a
 * million-row import reads several million numbers; anything else takes the general path.
 */
function fastDecimal(s: string, decimalCode: number): ExactDecimal | undefined {
  const n = s.length;
  const start = s.charCodeAt(0) === 45 ? 1 : 0;
  let point = -1;
  for (let i = start; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === decimalCode && point === -1) {
      point = i;
      continue;
    }
    return undefined;
  }
  const digits = point === -1 ? s.slice(start) : s.slice(start, point) + s.slice(point + 1);
  if (digits.length === 0) return undefined;
  const units = BigInt(digits);
  return { units: start === 1 ? -units : units, scale: point === -1 ? 0 : n - point - 1 };
}

function wrongSeparator(decimal: DecimalSeparator): string {
  return `not a number with "${decimal}" as the decimal separator (set the decimal separator explicitly if the file uses "${decimal === "." ? "," : "."}")`;
}

/** Reads what surrounds the digits: signs, parentheses (accounting negatives), currency marks. Returns "negative". */
function readAffixes(prefix: string, suffix: string, allowCurrency: boolean): Result<boolean, string> {
  let minus = 0;
  const dropMinus = (affix: string) =>
    affix
      .replace(/[-\u2212]/g, () => {
        minus++;
        return "";
      })
      .trim();
  let before = dropMinus(prefix);
  let after = dropMinus(suffix);
  if (minus > 1) return err("not a number");
  let negative = minus === 1;
  const open = before.indexOf("(");
  const close = after.lastIndexOf(")");
  if (open !== -1 || close !== -1) {
    // "(12.00)", "$(12.00)", "($12.00)": accounting notation for a negative amount.
    if (open === -1 || close === -1 || negative) return err("not a number");
    before = (before.slice(0, open) + before.slice(open + 1)).trim();
    after = (after.slice(0, close) + after.slice(close + 1)).trim();
    negative = true;
  }
  if (before.startsWith("+") && !negative) before = before.slice(1).trim();
  for (const mark of [before, after]) {
    if (mark.length === 0) continue;
    if (!allowCurrency || !isCurrencyMark(mark)) return err("not a number");
  }
  return ok(negative);
}

function isCurrencyMark(mark: string): boolean {
  const compact = mark.replace(/\s+/g, "");
  if (SYMBOL_MARK.test(compact)) return true;
  return /^[A-Za-z]{3}$/.test(compact) && isKnownCurrency(compact.toUpperCase());
}

/** n / d rounded half away from zero (d > 0): the rounding of money everywhere in the import. */
export function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const POWERS: bigint[] = [];
export function pow10(exponent: number): bigint {
  let power = POWERS[exponent];
  if (power === undefined) {
    power = 10n ** BigInt(exponent);
    POWERS[exponent] = power;
  }
  return power;
}

/** The decimal in minor units of a currency with `digits` decimals, rounded half away from zero. */
export function toMinorUnits(value: ExactDecimal, digits: number): bigint {
  if (value.scale <= digits) return value.units * pow10(digits - value.scale);
  return roundDiv(value.units, pow10(value.scale - digits));
}

/** A bigint amount that must fit a JavaScript number exactly (ids and cents stay far below 2^53). */
export function toSafeNumber(value: bigint): Result<number, string> {
  const n = Number(value);
  return Number.isSafeInteger(n) ? ok(n) : err("the amount is too large");
}

/** Money text → minor units of a currency with `digits` decimals. */
export function parseMoney(text: string, decimal: DecimalSeparator, digits: number): Result<bigint, string> {
  const parsed = parseDecimal(text, decimal);
  if (!parsed.ok) return parsed;
  return ok(toMinorUnits(parsed.value, digits));
}

/** A rate in [0, 1], written as a fraction (0.2, "0,2") or a percentage ("20%", "12,5 %"). */
export function parseRate(text: string, decimal: DecimalSeparator): Result<ExactDecimal, string> {
  const trimmed = text.trim();
  const percent = trimmed.endsWith("%");
  const parsed = parseDecimal(percent ? trimmed.slice(0, -1) : trimmed, decimal, false);
  if (!parsed.ok) return parsed;
  const rate = percent ? { units: parsed.value.units, scale: parsed.value.scale + 2 } : parsed.value;
  if (rate.units < 0n || rate.units > pow10(rate.scale)) return err("a rate must be between 0 and 1, or between 0% and 100%");
  return ok(rate);
}

/** A quantity: a positive whole number ("3", "3.0", "1.000" with decimal comma). */
export function parseQuantity(text: string, decimal: DecimalSeparator): Result<number, string> {
  const parsed = parseDecimal(text, decimal, false);
  if (!parsed.ok) return err("the quantity is not a number");
  const { units, scale } = parsed.value;
  const power = pow10(scale);
  if (units % power !== 0n) return err("the quantity must be a whole number");
  const whole = units / power;
  if (whole <= 0n) return err("the quantity must be positive");
  if (whole > 2147483647n) return err("the quantity is too large");
  return ok(Number(whole));
}

/** What one value says about the file's decimal separator. */
export type SeparatorEvidence = DecimalSeparator | "ambiguous" | null;

/**
 * "1.234,56" → ","; "12,5" → ","; "1,234,567" → "."; "0.125" → "."; "1.234" → ambiguous
 * (a thousand and some, or one and a fraction); "42" → nothing.
 */
export function separatorEvidence(text: string): SeparatorEvidence {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ".") {
      dots++;
      lastDot = i;
    } else if (c === ",") {
      commas++;
      lastComma = i;
    }
  }
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) return lastDot > lastComma ? "." : ",";
  const separator: DecimalSeparator = dots > 0 ? "." : ",";
  if (dots + commas > 1) return separator === "." ? "," : ".";
  const at = separator === "." ? lastDot : lastComma;
  const integer = text.slice(0, at).replace(/\D/g, "");
  const fraction = text.slice(at + 1).replace(/\D/g, "");
  // Only "d.ddd" to "ddd.ddd" with a non-zero lead could be a thousands group.
  if (fraction.length !== 3 || integer.length === 0 || integer.length > 3 || integer.startsWith("0")) return separator;
  return "ambiguous";
}

/** True when a value reads as a rate: within [0, 1] or written with "%". Used to tell discount rates from amounts. */
export function looksLikeRate(text: string): boolean {
  const t = text.trim();
  if (t.endsWith("%")) return true;
  return /^(?:0*(?:[.,]\d+)?|0*1(?:[.,]0+)?)$/.test(t) && /\d/.test(t);
}

interface SeparatorExample {
  readonly value: string;
  readonly row: number;
}

/** Tallies the separator evidence of a file's money columns and decides its decimal separator. */
export class SeparatorTally {
  private dot: SeparatorExample | undefined;
  private comma: SeparatorExample | undefined;
  private ambiguous: SeparatorExample | undefined;

  add(text: string, row: number): void {
    if (this.dot && this.comma) return;
    const evidence = separatorEvidence(text);
    if (evidence === null) return;
    if (evidence === ".") this.dot ??= { value: text, row };
    else if (evidence === ",") this.comma ??= { value: text, row };
    else this.ambiguous ??= { value: text, row };
  }

  resolve(): Result<DecimalSeparator, string> {
    if (this.dot && this.comma) {
      return err(
        `the amounts mix decimal separators: "${this.dot.value}" (row ${this.dot.row}) uses ".", "${this.comma.value}" (row ${this.comma.row}) uses ","; ` +
          `fix the file or choose with --decimal . or --decimal ,`,
      );
    }
    if (this.dot) return ok(".");
    if (this.comma) return ok(",");
    if (this.ambiguous) {
      return err(
        `cannot tell whether amounts like "${this.ambiguous.value}" (row ${this.ambiguous.row}) have a decimal point or a thousands separator; ` +
          `choose with --decimal . (decimal point) or --decimal , (decimal comma)`,
      );
    }
    return ok(".");
  }
}
