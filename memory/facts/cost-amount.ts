/**
 * The amount in a cost statement, as people type it in chat, in the workspace currency's minor
 * units: "went up to 210" → 21000, "R$ 210,50" → 21050, "$1,234.50" and "1.234,50" → 123450.
 *
 * Which number: a statement may hold SKUs ("SKU 123"), codes ("PLA-001"), percentages, quantities
 * ("per 10 units"), dates and years besides the amount. Those are skipped; among the rest a number
 * with a currency mark beats one after "to/a/para/is/now", which beats a bare one, and the last
 * wins a tie ("from 180 to 210" is 210). Separators: when both "." and "," appear the last one is
 * the decimal point; a lone separator followed by exactly three digits groups thousands ("1.234",
 * "1,234"), otherwise it is the decimal point ("210,5", "95.50"). Converted from the digits, never
 * through floating point (lib/money.ts decimalToMinorUnits).
 */
import { decimalToMinorUnits } from "../../lib/money.ts";

const NUMBER = /\d[\d.,]*/g;
/** Words after which a number is a code, not money. */
const CODE_LEADS = new Set(["sku", "skus", "ref", "referencia", "codigo", "code", "item", "id", "modelo", "model", "n", "no", "nr", "num"]);
/** Words after which a number is a quantity or time, not money. */
const UNIT_WORDS = new Set([
  "unit", "units", "unidad", "unidades", "pieza", "piezas", "pzas", "pza", "pcs", "pieces", "peca", "pecas", "items", "x",
  "day", "days", "dia", "dias", "week", "weeks", "semana", "semanas", "month", "months", "mes", "meses", "year", "years", "ano", "anos",
  "hour", "hours", "hora", "horas", "am", "pm",
]);
const CURRENCY_WORDS = new Set(["pesos", "peso", "reais", "real", "dollars", "dollar", "dolares", "dolar", "euros", "euro", "soles", "sol", "bucks", "usd", "mxn", "brl", "eur", "cop", "clp", "ars", "pen", "uyu", "gbp", "cad"]);
const TARGET_WORDS = new Set(["to", "a", "para", "at", "is", "es", "e", "now", "ahora", "agora", "en", "em", "be", "sera", "seria"]);

interface Candidate {
  readonly raw: string;
  readonly score: number;
  readonly index: number;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The major-units number in "int.frac" form, or null when it is not one. */
export function normaliseAmount(raw: string): string | null {
  const commas = raw.split(",").length - 1;
  const dots = raw.split(".").length - 1;
  let integer = raw;
  let fraction = "";
  if (commas > 0 && dots > 0) {
    const point = Math.max(raw.lastIndexOf(","), raw.lastIndexOf("."));
    const grouping = raw.charAt(point) === "," ? "." : ",";
    if (raw.slice(point + 1).includes(grouping)) return null;
    integer = raw.slice(0, point).split(grouping).join("");
    fraction = raw.slice(point + 1);
  } else if (commas + dots === 1) {
    const point = Math.max(raw.indexOf(","), raw.indexOf("."));
    const after = raw.slice(point + 1);
    if (after.length === 3) integer = raw.slice(0, point) + after;
    else {
      integer = raw.slice(0, point);
      fraction = after;
    }
  } else if (commas + dots > 1) {
    const groups = raw.split(/[.,]/);
    if (groups.slice(1).some((group) => group.length !== 3)) return null;
    integer = groups.join("");
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return null;
  return fraction.length > 0 ? `${integer}.${fraction}` : integer;
}

function candidates(statement: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of statement.matchAll(NUMBER)) {
    const raw = match[0].replace(/[.,]+$/, "");
    const start = match.index;
    const end = start + raw.length;
    const before = statement.slice(0, start);
    const after = statement.slice(end);
    // Part of a code, a date or a time ("PLA-001", "12/03", "10:30"), a percentage, or "3x".
    if (/[\p{L}\d_\-/:#]$/u.test(before) || /^(?:[\p{L}%_]|[-/:]\d)/u.test(after)) continue;
    const previousWord = fold(/([\p{L}]+)[\s:=]*(?:\p{Sc}|R\$|US\$|MX\$)?\s*$/u.exec(before)?.[1] ?? "");
    const nextWord = fold(/^\s*([\p{L}]+)/u.exec(after)?.[1] ?? "");
    if (CODE_LEADS.has(previousWord) || UNIT_WORDS.has(nextWord)) continue;
    const currencyMark = /(?:\p{Sc}|R\$|US\$|MX\$)\s*$/u.test(before) || CURRENCY_WORDS.has(nextWord) || CURRENCY_WORDS.has(previousWord);
    const yearLike = /^(?:19|20)\d\d$/.test(raw) && !currencyMark;
    const score = (currencyMark ? 3 : 0) + (TARGET_WORDS.has(previousWord) || /[=:]\s*$/.test(before) ? 1 : 0) - (yearLike ? 2 : 0);
    found.push({ raw, score, index: start });
  }
  return found;
}

/** The cost a statement states, in the currency's minor units, or null when it states no amount. */
export function readCostAmount(statement: string, currency: string): number | null {
  const best = candidates(statement).reduce<Candidate | null>((chosen, candidate) => (chosen === null || candidate.score >= chosen.score ? candidate : chosen), null);
  if (best === null) return null;
  const amount = normaliseAmount(best.raw);
  return amount === null ? null : decimalToMinorUnits(amount, currency);
}
