import { formattingLocale } from "./locale-format.ts";

/** Money is integer minor units (cents, centavos); this tells how many decimals a currency's major unit has. */
const digitsCache = new Map<string, number>();

export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return (Intl.supportedValuesOf("currency") as readonly string[]).includes(code);
}

/** Minor-unit digits per ISO 4217 (MXN 2, CLP 0, JPY 0, KWD 3). */
export function currencyMinorDigits(code: string): number {
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}

/** Formats minor units for people: 123456 MXN in es → "$1,234.56" (es-MX), 123456 BRL in pt → "R$ 1.234,56". */
export function formatMoney(minorUnits: number, currency: string, language: string): string {
  const digits = currencyMinorDigits(currency);
  return new Intl.NumberFormat(formattingLocale(language, currency), { style: "currency", currency }).format(minorUnits / 10 ** digits);
}

/**
 * A store's decimal price ("399.00", 399.5, "1500" for JPY) in the currency's minor units, or null
 * when it is not a non-negative amount with at most the currency's decimals (extra zeros are fine:
 * "1500.0" JPY is 1500). Parsed from the digits, never through floating-point multiplication.
 */
export function decimalToMinorUnits(value: string | number, currency: string): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const digits = currencyMinorDigits(currency);
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the decimal string stores take: 39900 MXN → "399.00", 1500 JPY → "1500". */
export function minorUnitsToDecimal(minorUnits: number, currency: string): string {
  if (!Number.isSafeInteger(minorUnits) || minorUnits < 0) throw new RangeError(`not a price in minor units: ${minorUnits}`);
  const digits = currencyMinorDigits(currency);
  if (digits === 0) return String(minorUnits);
  const text = String(minorUnits).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
