/**
 * Text folding and tokens for the offline understanding layer: lower case, accents dropped,
 * punctuation to spaces, and an edit distance for typo tolerance. Every other file works on the
 * folded tokens this file produces; `raw` keeps the accents for language detection.
 */

/** Lower case with accents dropped ("Básica" → "basica", "mês" → "mes", "año" → "ano"). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** One word of the message: folded, and as typed (lower case, accents kept, original case in `cased`). */
export interface Token {
  readonly norm: string;
  readonly raw: string;
  readonly cased: string;
}

const DATE_LIKE = /^\d{4}-\d{1,2}(?:-\d{1,2})?(?:\.\.\d{4}-\d{1,2}(?:-\d{1,2})?)?$/;

function splitWord(word: string): string[] {
  const trimmed = word.replace(/^[.\-/]+|[.\-/]+$/g, "");
  if (trimmed === "") return [];
  if (DATE_LIKE.test(trimmed) || /^\d[\d/]*\d$/.test(trimmed) || /^\d+(?:[.,]\d+)*%?$/.test(trimmed)) return [trimmed];
  return trimmed.split(/[-/]+/).filter((part) => part !== "");
}

/** The message's words, in order. Keeps ISO dates ("2026-10-01..2026-10-15"), slash dates, numbers and "20%". */
export function tokenize(text: string): Token[] {
  const cleaned = text.replace(/[^\p{L}\p{M}\p{N}%/.\-\s]/gu, " ");
  const tokens: Token[] = [];
  for (const word of cleaned.split(/\s+/)) {
    for (const part of splitWord(word)) {
      const cased = part.normalize("NFC");
      const norm = fold(part).replace(/[^a-z0-9%./-]/g, "");
      if (norm === "") continue;
      tokens.push({ norm, raw: cased.toLowerCase(), cased });
    }
  }
  return tokens;
}

/** Words of an already-known phrase, folded the way tokenize folds messages. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.norm);
}

/** Levenshtein distance with adjacent transpositions, giving up (returning max + 1) beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) row.push(i === 0 ? j : 0);
    rows.push(row);
  }
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return Math.min(at(a.length, b.length), max + 1);
}

/** How many typos a word of this length may carry: none below 5 letters, 1 up to 7, 2 from 8. */
export function typoAllowance(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** True when `typed` is `known` or close enough to be a typo of it (digits never fuzzy). */
export function isCloseTo(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (/\d/.test(typed) || /\d/.test(known)) return false;
  const allowance = typoAllowance(Math.min(typed.length, known.length));
  return allowance > 0 && editDistance(typed, known, allowance) <= allowance;
}
