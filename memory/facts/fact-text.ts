/**
 * One way of reading names and statements for entity memory, the same in TypeScript and in SQL:
 * accents of en/es/pt folded (the map memory/full-text-fold.ts shares with the full-text column),
 * lower case, everything but ASCII letters and digits turned into single spaces. "Línea CLÁSICA!"
 * and "linea clasica" both read "linea clasica", so a product title, a campaign name or a member's
 * name is found in a statement with a padded `strpos` in the database, never by loading the
 * catalog into memory.
 *
 * Folding a whole name in SQL (translate over 48 letters, then a regular expression) costs about
 * 15 µs a row, 1.5 s over 100,000 products. So a lookup first keeps the rows that can match, cheaply
 * (no folding: LIKE with the accentable letters as wildcards): a name wholly in the statement starts
 * and ends with tokens of the statement (edgeTokenMatches), and a name that holds a word holds it
 * loosely (looselyHolds). Only those rows are folded and checked exactly.
 *
 * Also: accents dropped with case and length kept (plainLetters), so patterns can run over the
 * statement and labels can be cut from the original text at the same offsets.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { FULL_TEXT_ACCENTED, FULL_TEXT_FOLDED, foldForFullText } from "../full-text-fold.ts";

/** Folded words separated by single spaces, no leading or trailing space. */
export function factWords(text: string): string {
  return foldForFullText(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The same as factWords, computed by the database over a text column or expression. */
export function sqlFactWords(value: Expression<string | null> | RawBuilder<string | null>): RawBuilder<string> {
  return sql<string>`trim(regexp_replace(lower(translate(coalesce(${value}, ''), ${FULL_TEXT_ACCENTED}, ${FULL_TEXT_FOLDED})), '[^a-z0-9]+', ' ', 'g'))`;
}

/** ASCII punctuation trimmed off a token's ends, on both sides of the comparison ("(Roja)" → "roja"). */
const TOKEN_PUNCTUATION = `()[]{}".,;:!?'*`;
/** Letters FULL_TEXT_FOLDED maps accented ones to: single-letter LIKE wildcards, so "p_nt_l_n" meets "Pantalón". */
const ACCENTABLE = new RegExp(`[${[...new Set(FULL_TEXT_FOLDED)].join("")}]`, "g");
/** LIKE's wildcards and escape character escaped (backslash, LIKE's default escape). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const accentBlind = (folded: string) => escapeLike(folded).replace(ACCENTABLE, "_");

/**
 * LIKE patterns for the statement's whitespace-separated tokens, punctuation trimmed, folded, with
 * their accentable letters as wildcards, and for the parts of tokens with inner punctuation
 * ("classic's" → also "classic"): what edgeTokenMatches compares a name's first and last tokens with.
 * A pattern too many only lets a row more through to the exact check.
 */
export function tokenPatterns(statement: string): string[] {
  const patterns = new Set<string>();
  for (const raw of statement.split(/\s+/)) {
    let token = raw;
    while (token.length > 0 && TOKEN_PUNCTUATION.includes(token.charAt(0))) token = token.slice(1);
    while (token.length > 0 && TOKEN_PUNCTUATION.includes(token.charAt(token.length - 1))) token = token.slice(0, -1);
    if (token.length === 0) continue;
    const folded = foldForFullText(token);
    patterns.add(accentBlind(folded));
    for (const part of folded.split(/[^\p{L}\p{N}]+/u)) if (part.length > 0) patterns.add(accentBlind(part));
  }
  return [...patterns];
}

/** The cheap test that a name's first (or last) whitespace-separated token is one of the statement's (tokenPatterns). */
export function edgeTokenMatches(value: Expression<string | null> | RawBuilder<string | null>, which: "first" | "last", patterns: readonly string[]): RawBuilder<SqlBool> {
  const raw = which === "first" ? sql`split_part(btrim(${value}), ' ', 1)` : sql`reverse(split_part(reverse(btrim(${value})), ' ', 1))`;
  return sql<SqlBool>`btrim(lower(${raw}), ${TOKEN_PUNCTUATION}) like any(${sql.val([...patterns])}::text[])`;
}

/** The cheap test that a column may hold a word (factWords form), accented or not: lower(col) LIKE '%cl_ss_c%'. */
export function looselyHolds(value: Expression<string | null> | RawBuilder<string | null>, word: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${value}) like ${`%${accentBlind(word)}%`}`;
}

/** True when `needle` (factWords form) occurs in `haystack` (factWords form) as whole words. */
export function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}

const PLAIN = new Map([...FULL_TEXT_ACCENTED].map((letter, index) => {
  const folded = FULL_TEXT_FOLDED[index] ?? letter;
  return [letter, letter === letter.toLowerCase() ? folded : folded.toUpperCase()];
}));

/** The text with the accents of en/es/pt dropped, case and offsets kept ("Línea" → "Linea"). */
export function plainLetters(text: string): string {
  let plain = "";
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    plain += PLAIN.get(char) ?? char;
  }
  return plain;
}
