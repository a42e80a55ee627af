/**
 * Prices and percentages in a price order, read from the message as typed (tokens drop the comma
 * of "89,90"): "a 399", "$24.99", "pra 89,90", "1.299,90", "20 mil", "20k", "10%", "un 5 por ciento".
 * A separator followed by exactly three digits groups thousands; by one or two, it is the decimal mark.
 */
import { fold } from "./normalize.ts";

export interface Amount {
  /** In major units (399, 24.99) or percent points (10). */
  readonly value: number;
  readonly percent: boolean;
  /** An explicit sign typed before it ("-10%"), else null. */
  readonly sign: -1 | 1 | null;
  /** The folded word before it ("a", "to", "by", "en"), or null at the start. */
  readonly before: string | null;
  /** A currency symbol or word came with it ("$24.99", "399 pesos"). */
  readonly money: boolean;
  /** The digits as the tokenizer keeps them, to tell an amount from a number inside a name. */
  readonly digits: string;
}

const AMOUNT =
  /(?<![\p{L}\p{N}.,])([-+])?\s?(R\$|US\$|AR\$|MX\$|\$|€)?\s?(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s?(%|k|mil|por ?cientos?|por ?cento|percent|per cent|pct|pesos|reais|d[oó]lares|dollars|bucks))?(?![\p{L}\p{N}]|[.,]\d)/giu;

/** "1.299,90" → 1299.9, "24.99" → 24.99, "20.000" → 20000, "89,90" → 89.9. */
export function numberValue(text: string): number {
  const separators = [...text.matchAll(/[.,]/g)];
  const last = separators.at(-1);
  if (last === undefined || last.index === undefined) return Number(text);
  const decimals = text.length - last.index - 1;
  const decimal = decimals <= 2;
  const whole = (decimal ? text.slice(0, last.index) : text).replace(/[.,]/g, "");
  return decimal ? Number(`${whole}.${text.slice(last.index + 1)}`) : Number(whole);
}

/** Every amount in the message, in order. */
export function readAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of text.normalize("NFC").matchAll(AMOUNT)) {
    const [, signText, symbol, digits, unitText] = match;
    if (digits === undefined) continue;
    const unit = fold(unitText ?? "").replace(/\s+/g, " ");
    const percent = unit === "%" || unit.startsWith("por") || unit.startsWith("per") || unit === "pct";
    const multiplier = unit === "k" || unit === "mil" ? 1000 : 1;
    const prefix = fold(text.slice(0, match.index)).trim().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    amounts.push({
      value: numberValue(digits) * multiplier,
      percent,
      sign: signText === "-" ? -1 : signText === "+" ? 1 : null,
      before: prefix.at(-1) ?? null,
      money: symbol !== undefined || ["pesos", "reais", "dolares", "dollars", "bucks"].includes(unit),
      digits,
    });
  }
  return amounts;
}
