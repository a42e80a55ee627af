/**
 * Turns a recall question into the tsquery the full-text half of recall searches with
 * (memory_embeddings.content_tsv, to_tsvector('simple', …) over the content with accents folded).
 *
 * Why not websearch_to_tsquery / plainto_tsquery: both AND every word, so "¿qué decidimos sobre
 * CLS-ROJO-M?" would need "qué" and "decidimos" in the stored message too. Full text is here for
 * exact rare words (SKUs, campaign names, people), so the query is the OR of the question's content
 * words (function words of en/es/pt dropped), and recall-candidates.ts weights each word by how rare
 * it is in the workspace (ts_rank alone has no IDF: three common words would beat one SKU).
 *
 * Accents: the stored column folds them (migration 20261129090000_memory_fts_unaccent) with
 * foldForFullText's map, and every word here is folded by the same function, so "promocion",
 * "promoción" and "PROMOCIÓN" all meet whichever way the message wrote it.
 */
import { fold, isStopWord } from "./embeddings/text-features.ts";
import { foldForFullText } from "./full-text-fold.ts";

/** Words as the 'simple' parser sees them: letters and digits, hyphenated compounds kept whole. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** What may appear inside a quoted tsquery lexeme without escaping. */
const SAFE_LEXEME = /^[\p{L}\p{N}-]+$/u;

/** The lexemes to OR together, lower case with accents folded as the column folds them; empty when nothing is left. */
export function queryLexemes(text: string): string[] {
  const lexemes = new Set<string>();
  const add = (word: string) => {
    const folded = fold(word);
    // A single letter (the "M" of a size) matches half the store; digits ("7", "20") are kept.
    if (isStopWord(folded) || (folded.length < 2 && !/\d/.test(folded))) return;
    const lexeme = foldForFullText(word);
    if (SAFE_LEXEME.test(lexeme)) lexemes.add(lexeme);
  };
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    add(word);
    // The parser indexes a hyphenated word whole and by its parts ("cls-rojo-m", "cls", "rojo", "m").
    if (word.includes("-")) for (const part of word.split("-")) add(part);
  }
  return [...lexemes];
}

/** A tsquery literal of one lexeme from queryLexemes (safe to quote: letters, digits, hyphens). */
export function lexemeTsquery(lexeme: string): string {
  return `'${lexeme}'`;
}

/** A tsquery literal ('a' | 'b') of lexemes from queryLexemes, or null when there are none. */
export function orTsquery(lexemes: readonly string[]): string | null {
  return lexemes.length === 0 ? null : lexemes.map(lexemeTsquery).join(" | ");
}
