/**
 * The words date ranges are written with in English, Spanish and Portuguese, already folded the way
 * normalizeRangeText folds input (lower case, no accents: "mês" → "mes", "años" → "anos").
 */
import type { Grain } from "./types.ts";

/** Lower case, accents and ordinal marks dropped, punctuation to spaces (".." kept), spaces collapsed. */
export function normalizeRangeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[º°ª]/g, "")
    .replace(/\s*[–—]\s*/g, " - ")
    .replace(/(?<!\.)\.(?!\.)/g, " ")
    .replace(/[,;:!?¡¿"'“”()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function entries<T>(groups: ReadonlyArray<readonly [T, readonly string[]]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of groups) for (const word of words) map.set(word, value);
  return map;
}

/** Month names and abbreviations → 1–12. */
export const MONTH_WORDS = entries<number>([
  [1, ["january", "jan", "enero", "ene", "janeiro"]],
  [2, ["february", "feb", "febrero", "fevereiro", "fev"]],
  [3, ["march", "mar", "marzo", "marco"]],
  [4, ["april", "apr", "abril", "abr"]],
  [5, ["may", "mayo", "maio", "mai"]],
  [6, ["june", "jun", "junio", "junho"]],
  [7, ["july", "jul", "julio", "julho"]],
  [8, ["august", "aug", "agosto", "ago"]],
  [9, ["september", "sept", "sep", "septiembre", "setiembre", "set", "setembro"]],
  [10, ["october", "oct", "octubre", "outubro", "out"]],
  [11, ["november", "nov", "noviembre", "novembro"]],
  [12, ["december", "dec", "diciembre", "dic", "dezembro", "dez"]],
]);

/** Period words, singular and plural → grain. */
export const UNIT_WORDS = entries<Grain>([
  ["day", ["day", "days", "dia", "dias"]],
  ["week", ["week", "weeks", "wk", "wks", "semana", "semanas"]],
  ["month", ["month", "months", "mo", "mos", "mes", "meses"]],
  ["quarter", ["quarter", "quarters", "qtr", "qtrs", "trimestre", "trimestres"]],
  ["year", ["year", "years", "yr", "yrs", "ano", "anos"]],
]);

/** Small counts written as words ("last two weeks", "últimos tres meses", "últimas duas semanas"). */
export const NUMBER_WORDS = entries<number>([
  [1, ["one", "uno", "una", "un", "um", "uma"]],
  [2, ["two", "dos", "dois", "duas"]],
  [3, ["three", "tres"]],
  [4, ["four", "cuatro", "quatro"]],
  [5, ["five", "cinco"]],
  [6, ["six", "seis"]],
  [7, ["seven", "siete", "sete"]],
  [8, ["eight", "ocho", "oito"]],
  [9, ["nine", "nueve", "nove"]],
  [10, ["ten", "diez", "dez"]],
  [11, ["eleven", "once", "onze"]],
  [12, ["twelve", "doce", "doze"]],
]);

/** Quarter ordinals: "third", "3rd", "tercer", "3er", "terceiro", "3" (from "3º") → 3. */
export const QUARTER_ORDINALS = entries<number>([
  [1, ["1", "1st", "first", "1er", "1ero", "1o", "primer", "primero", "primeiro"]],
  [2, ["2", "2nd", "second", "2do", "2o", "segundo"]],
  [3, ["3", "3rd", "third", "3er", "3ero", "3o", "tercer", "tercero", "terceiro"]],
  [4, ["4", "4th", "fourth", "4to", "4o", "cuarto", "quarto"]],
]);

/** A regex alternation of the words, longest first so "sept" wins over "sep". */
export function alternation(words: ReadonlyMap<string, unknown>): string {
  return [...words.keys()].sort((a, b) => b.length - a.length).join("|");
}

/** The value of a word from one of the tables; throws for a word the regex could not have matched. */
export function lookup<T>(table: ReadonlyMap<string, T>, word: string | undefined): T {
  const value = word === undefined ? undefined : table.get(word);
  if (value === undefined) throw new Error(`unknown word ${String(word)}`);
  return value;
}
