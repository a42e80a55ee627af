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
