/**
 * Names as people say them against the names in the data: case- and accent-insensitive, exact
 * first, then partial (the query inside a name, or every query word starting a word of the name).
 * When nothing matches, the closest names (shared character pairs) become suggestions.
 */

/** "Época  Cosméticos!" → "epoca cosmeticos". */
export function normalizeName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface Candidate<T> {
  /** Every name the thing answers to (title, SKU, id, external id…). */
  readonly names: readonly string[];
  /** How suggestions show it. */
  readonly label: string;
  readonly value: T;
}

export interface Matches<T> {
  readonly exact: readonly Candidate<T>[];
  readonly partial: readonly Candidate<T>[];
}

function partialMatch(query: string, name: string): boolean {
  if (query.length === 0 || name.length === 0) return false;
  if (name.includes(query)) return true;
  const words = name.split(" ");
  return query.split(" ").every((token) => words.some((word) => word.startsWith(token)));
}

export function findMatches<T>(query: string, candidates: readonly Candidate<T>[]): Matches<T> {
  const wanted = normalizeName(query);
  const exact: Candidate<T>[] = [];
  const partial: Candidate<T>[] = [];
  for (const candidate of candidates) {
    const names = candidate.names.map(normalizeName);
    if (names.includes(wanted)) exact.push(candidate);
    else if (names.some((name) => partialMatch(wanted, name))) partial.push(candidate);
  }
  return { exact, partial };
}

function pairs(value: string): Map<string, number> {
  const out = new Map<string, number>();
  const text = ` ${value} `;
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of character pairs, 0..1. */
export function similarity(a: string, b: string): number {
  const left = pairs(normalizeName(a));
  const right = pairs(normalizeName(b));
  let shared = 0;
  let total = 0;
  for (const [pair, count] of left) {
    shared += Math.min(count, right.get(pair) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Up to `limit` labels closest to the query, best first (by the best of each candidate's names). */
export function closestLabels<T>(query: string, candidates: readonly Candidate<T>[], limit = 5): string[] {
  const scored = candidates.map((candidate) => ({ label: candidate.label, score: Math.max(0, ...candidate.names.map((name) => similarity(query, name))) }));
  scored.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  const labels: string[] = [];
  for (const { label } of scored) {
    if (!labels.includes(label)) labels.push(label);
    if (labels.length >= limit) break;
  }
  return labels;
}

export type Resolution<T> =
  | { readonly kind: "found"; readonly values: readonly T[] }
  | { readonly kind: "ambiguous"; readonly query: string; readonly suggestions: readonly string[] }
  | { readonly kind: "not_found"; readonly query: string; readonly suggestions: readonly string[] };

/**
 * One name to one thing (or several that are the same thing, by `sameThing`): exact matches win;
 * otherwise partial matches that all point to one thing; otherwise ambiguous or not found.
 */
export function resolveName<T>(query: string, candidates: readonly Candidate<T>[], sameThing: (value: T) => string): Resolution<T> {
  const { exact, partial } = findMatches(query, candidates);
  const hits = exact.length > 0 ? exact : partial;
  if (hits.length === 0) return { kind: "not_found", query, suggestions: closestLabels(query, candidates) };
  const things = new Set(hits.map((hit) => sameThing(hit.value)));
  if (things.size === 1 || exact.length > 0) return { kind: "found", values: hits.map((hit) => hit.value) };
  const labels = [...new Set(hits.map((hit) => hit.label))];
  return { kind: "ambiguous", query, suggestions: labels.slice(0, 8) };
}
