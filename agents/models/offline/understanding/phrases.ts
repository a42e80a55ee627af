/**
 * Phrase matching over folded words: the vocabulary files list phrases ("tasa de conversión",
 * "best sellers"), and this finds them in a message, longest first, never two on the same word.
 */
import { phraseWords } from "./normalize.ts";

export interface Phrase<T> {
  readonly words: readonly string[];
  readonly value: T;
}

export interface PhraseMatch<T> {
  readonly value: T;
  /** First word index. */
  readonly start: number;
  /** One past the last word index. */
  readonly end: number;
}

/** A phrase table from groups of "a|b c|d" alternatives, longest phrases first. */
export function phraseTable<T>(groups: ReadonlyArray<readonly [T, string]>): readonly Phrase<T>[] {
  const phrases: Phrase<T>[] = [];
  for (const [value, alternatives] of groups) {
    for (const alternative of alternatives.split("|")) {
      const words = phraseWords(alternative);
      if (words.length > 0) phrases.push({ words, value });
    }
  }
  return phrases.sort((a, b) => b.words.length - a.words.length);
}

/** A plain list of phrases ("a|b c") as a table whose value is the phrase itself. */
export function phraseList(alternatives: string): readonly Phrase<string>[] {
  return phraseTable([["", alternatives]]).map((phrase) => ({ words: phrase.words, value: phrase.words.join(" ") }));
}

function matchesAt(words: readonly string[], start: number, phrase: readonly string[], taken: readonly boolean[]): boolean {
  if (start + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (taken[start + k] === true || words[start + k] !== phrase[k]) return false;
  }
  return true;
}

/**
 * Every occurrence of the table's phrases, longest first, skipping words already taken. With
 * `consume`, the words found are marked taken in `taken` so later tables do not reuse them.
 */
export function findPhrases<T>(words: readonly string[], table: readonly Phrase<T>[], taken: boolean[], consume = true): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  const local = [...taken];
  for (const phrase of table) {
    for (let start = 0; start < words.length; start++) {
      if (!matchesAt(words, start, phrase.words, local)) continue;
      found.push({ value: phrase.value, start, end: start + phrase.words.length });
      for (let k = start; k < start + phrase.words.length; k++) local[k] = true;
    }
  }
  if (consume) for (let k = 0; k < local.length; k++) taken[k] = local[k] === true;
  return found.sort((a, b) => a.start - b.start);
}

/** True when any of the phrases occurs (taken words ignored unless given). */
export function hasPhrase<T>(words: readonly string[], table: readonly Phrase<T>[], taken: readonly boolean[] = []): boolean {
  return table.some((phrase) => words.some((_, start) => matchesAt(words, start, phrase.words, taken)));
}

/** The first occurrence of any phrase, by position. */
export function firstPhrase<T>(words: readonly string[], table: readonly Phrase<T>[], taken: readonly boolean[] = []): PhraseMatch<T> | undefined {
  return findPhrases(words, table, [...taken], false)[0];
}

/** Every word of the tables, for the spelling corrector's dictionary. */
export function wordsOf(tables: ReadonlyArray<readonly Phrase<unknown>[]>): Set<string> {
  const set = new Set<string>();
  for (const table of tables) for (const phrase of table) for (const word of phrase.words) set.add(word);
  return set;
}
