/**
 * The phrases in a statement that may name a subject, found without the database (pure): SKU
 * codes ("SKU 123", "sku PLA-001-CH", a bare "CLS-ROJO-M"), product lines ("the Classic line",
 * "línea Classic", "linha Classic", "colección Verano") and topics (a quoted phrase, "the summer
 * sale", "la campaña de verano", "a promoção de verão"). link-subjects.ts looks them up.
 *
 * Patterns run over plainLetters(statement) (accents dropped, offsets kept), so a label is cut from
 * the statement as written ("línea Classic") while keys are folded ("line:classic").
 */
import { isStopWord } from "../embeddings/text-features.ts";
import { factWords, plainLetters } from "./fact-text.ts";

export interface SkuCode {
  /** As written, lower-cased for the lookup. */
  readonly code: string;
  /** Written after "SKU"/"código"/"ref": a number there may also be the end of a longer SKU ("123" → "PLA-123"). */
  readonly explicit: boolean;
}

export interface NamedPhrase {
  /** factWords form: what is looked up and keyed on. */
  readonly words: string;
  /** As written in the statement. */
  readonly label: string;
}

/** Words of a language-neutral shape: letters, digits and inner ' & - (the phrase builders' unit). */
const WORD = /[\p{L}\d][\p{L}\d'&-]*/gu;
const MAX_NAME_WORDS = 3;

const EXPLICIT_SKU = /\b(?:skus?|codigo|code|ref)\s*[:#]?\s*([A-Za-z0-9](?:[A-Za-z0-9._/-]*[A-Za-z0-9])?)/gi;
const HYPHENATED = /(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w-])/g;

/** Codes that may be SKUs: the ones after "SKU", and hyphenated ones with a letter or a digit on each side. */
export function skuCodes(statement: string): SkuCode[] {
  const plain = plainLetters(statement);
  const codes = new Map<string, SkuCode>();
  for (const match of plain.matchAll(EXPLICIT_SKU)) {
    const code = (match[1] ?? "").toLowerCase();
    if (code.length > 0 && /\d|-/.test(code)) codes.set(code, { code, explicit: true });
  }
  for (const match of plain.matchAll(HYPHENATED)) {
    const code = match[0].toLowerCase();
    if (!codes.has(code)) codes.set(code, { code, explicit: false });
  }
  return [...codes.values()].slice(0, 10);
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function wordsOf(plain: string): Word[] {
  return [...plain.matchAll(WORD)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

const isCapitalised = (word: Word | undefined) => word !== undefined && /^[\p{Lu}\d]/u.test(word.text);
const folded = (word: Word | undefined) => (word === undefined ? "" : factWords(word.text));
/** Only spaces between two words (a comma or a full stop ends a name). */
const adjacent = (plain: string, left: Word, right: Word) => /^\s+$/.test(plain.slice(left.end, right.start));

const LINE_AFTER = new Set(["line", "lines", "collection", "range"]);
const LINE_BEFORE = new Set(["linea", "lineas", "linha", "linhas", "coleccion", "colecao", "gama"]);
/** Words before "line" that make something else: "bottom line", "product line" (looked past), "phone line". */
const NOT_A_LINE = new Set(["bottom", "front", "phone", "first", "second", "last", "next", "finish", "whole", "entire", "full", "same", "new", "old", "top", "base", "head", "dead", "hot", "help", "product", "products"]);
const OF = new Set(["de", "del", "da", "do", "das", "dos"]);

function usable(word: Word | undefined): boolean {
  const text = folded(word);
  return text.length > 0 && !isStopWord(text) && !NOT_A_LINE.has(text);
}

/** Product lines named in the statement ("the Classic line" → words "classic", label "Classic line"). */
export function linePhrases(statement: string): NamedPhrase[] {
  const plain = plainLetters(statement);
  const words = wordsOf(plain);
  const found: NamedPhrase[] = [];
  for (const [index, word] of words.entries()) {
    const lower = folded(word);
    if (LINE_AFTER.has(lower)) {
      // "the Classic line", "the Classic product line": the name is the words just before.
      let last = index - 1;
      if (["product", "products"].includes(folded(words[last]))) last--;
      const first = words[last];
      if (!first || !usable(first) || !adjacent(plain, first, words[last + 1] ?? word)) continue;
      let start = last;
      while (start > 0 && last - start + 1 < MAX_NAME_WORDS && isCapitalised(words[start]) && isCapitalised(words[start - 1]) && usable(words[start - 1]) && adjacent(plain, words[start - 1]!, words[start]!)) start--;
      const name = words.slice(start, last + 1);
      found.push({ words: factWords(name.map((w) => w.text).join(" ")), label: statement.slice(name[0]!.start, word.end) });
    } else if (LINE_BEFORE.has(lower)) {
      // "línea Classic", "linha de verão": the name is the words just after.
      let next = index + 1;
      if (OF.has(folded(words[next]))) next++;
      const first = words[next];
      if (!first || !usable(first) || !adjacent(plain, words[next - 1]!, first)) continue;
      let end = next;
      while (end + 1 < words.length && end - next + 1 < MAX_NAME_WORDS && isCapitalised(words[end]) && isCapitalised(words[end + 1]) && usable(words[end + 1]) && adjacent(plain, words[end]!, words[end + 1]!)) end++;
      const name = words.slice(next, end + 1);
      found.push({ words: factWords(name.map((w) => w.text).join(" ")), label: statement.slice(word.start, name[name.length - 1]!.end) });
    }
  }
  return dedupe(found);
}

const QUOTED = /["“«]([^"”»\n]{2,60})["”»]|(?:^|[\s(])['‘]([^'’\n]{2,60})['’](?=$|[\s.,;:!?)])/g;
const EN_EVENT = /\b(?:the|our|this|that|next|last)\s+((?:[\p{L}\d][\p{L}\d'&-]*\s+){1,3}(?:sale|campaign|promo|promotion|launch|event|drop|giveaway))\b/giu;
const ROMANCE_EVENT = /\b(?:la|el|las|los|nuestra|nuestro|esta|este|a|o|as|os|nossa|nosso|essa|esse)\s+((?:campana|campanha|promo|promocion|promocao|rebajas?|liquidacion|liquidacao|oferta|lanzamiento|lancamento|evento)\s+(?:(?:de|del|da|do|das|dos)\s+)?[\p{L}\d][\p{L}\d'&-]*)/giu;

/** Topics: quoted phrases, then sales, campaigns and promotions named by a noun phrase. */
export function topicPhrases(statement: string): NamedPhrase[] {
  const plain = plainLetters(statement);
  const found: NamedPhrase[] = [];
  for (const match of plain.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? "";
    const start = match.index + match[0].indexOf(inner);
    found.push({ words: factWords(inner), label: statement.slice(start, start + inner.length).trim() });
  }
  for (const match of plain.matchAll(EN_EVENT)) {
    const phrase = match[1] ?? "";
    const start = match.index + match[0].length - phrase.length;
    found.push({ words: factWords(phrase), label: statement.slice(start, start + phrase.length) });
  }
  for (const match of plain.matchAll(ROMANCE_EVENT)) {
    const phrase = match[1] ?? "";
    const start = match.index + match[0].length - phrase.length;
    // "la promo Hot Sale": a capitalised name goes on while its words do.
    let end = start + phrase.length;
    for (let extra = 0; extra < MAX_NAME_WORDS - 1 && /(?:^|\s)[\p{Lu}\d][\p{L}\d'&-]*$/u.test(plain.slice(start, end)); extra++) {
      const more = /^\s+[\p{Lu}\d][\p{L}\d'&-]*/u.exec(plain.slice(end));
      if (!more) break;
      end += more[0].length;
    }
    found.push({ words: factWords(plain.slice(start, end)), label: statement.slice(start, end) });
  }
  return dedupe(found.filter((phrase) => phrase.words.length >= 3 && !phrase.words.split(" ").every(isStopWord)));
}

function dedupe(phrases: readonly NamedPhrase[]): NamedPhrase[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => phrase.words.length > 0 && !seen.has(phrase.words) && seen.add(phrase.words));
}
