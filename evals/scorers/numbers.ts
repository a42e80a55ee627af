/**
 * Numbers as answers write them, in any of our locales: "1,234.56", "1.234,56", "$ 1.234", "12,3 %",
 * "R$ 23,4 mil", "4.2k", "1.3M", "2.41×". A token with one separator followed by three digits
 * ("1,234", "1.234") is read both ways (grouping or decimals); matching accepts either.
 */

/** A value the answer may have written, and the size of its last displayed digit. */
export interface NumberReading {
  readonly value: number;
  readonly precision: number;
}

const TOKEN = /(?<![\p{L}\d])[-−+]?\d(?:[\d.,]*\d)?(?:\s?(%|k|mil|mi|mm|m|mn|millones|millon|millón|milhões|milhoes|milhão|milhao|million|millions|bn)(?!\p{L}))?/giu;

const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, mil: 1e3, m: 1e6, mi: 1e6, mm: 1e6, mn: 1e6, millones: 1e6, millon: 1e6, millón: 1e6, milhões: 1e6, milhoes: 1e6, milhão: 1e6, milhao: 1e6, million: 1e6, millions: 1e6, bn: 1e9 };

function readings(digits: string, multiplier: number): NumberReading[] {
  const separators = digits.replace(/\d/g, "");
  const plain = (text: string, decimals: number): NumberReading => ({ value: Number(text) * multiplier, precision: 10 ** -decimals * multiplier });
  if (separators === "") return [plain(digits, 0)];
  const last = separators[separators.length - 1]!;
  const kinds = new Set(separators);
  if (kinds.size > 1) {
    const at = digits.lastIndexOf(last);
    const whole = digits.slice(0, at).replace(/[.,]/g, "");
    const fraction = digits.slice(at + 1);
    return [plain(`${whole}.${fraction}`, fraction.length)];
  }
  if (separators.length > 1) return [plain(digits.replace(/[.,]/g, ""), 0)];
  const [whole = "", fraction = ""] = digits.split(last);
  const decimal = plain(`${whole}.${fraction}`, fraction.length);
  return fraction.length === 3 ? [plain(`${whole}${fraction}`, 0), decimal] : [decimal];
}

/** Every number in the text, each with its possible readings. Signs are dropped: values compare by magnitude. */
export function extractNumbers(text: string): NumberReading[] {
  const found: NumberReading[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const suffix = match[1]?.toLowerCase();
    const digits = match[0].replace(/^[-−+]/, "").replace(/\s?\p{L}+$|\s?%$/u, "");
    const multiplier = suffix === undefined || suffix === "%" ? 1 : (MULTIPLIERS[suffix] ?? 1);
    found.push(...readings(digits, multiplier));
  }
  return found;
}

/** A value the answer must show: in display units (pesos, not centavos; 12.5 for 12.5 %). */
export interface ValueTarget {
  readonly label: string;
  readonly value: number;
  /** The finest precision a display needs (1 peso, 0.1 point, 0.01×); coarser is fine with two significant digits. */
  readonly basePrecision: number;
}

export function shows(target: ValueTarget, numbers: readonly NumberReading[]): boolean {
  const want = Math.abs(target.value);
  return numbers.some(({ value, precision }) => {
    const closeEnough = Math.abs(value - want) <= precision / 2 + 1e-9 * Math.max(1, want);
    const fineEnough = precision <= target.basePrecision + 1e-12 || precision <= want / 10;
    return closeEnough && fineEnough;
  });
}
