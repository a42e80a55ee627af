/**
 * Fuzzy matching of the workspace's names (products, categories, campaigns, platforms, channels,
 * competitors, places, attribute values) in a message: accent- and case-insensitive token overlap
 * with typo and plural tolerance. Returns the exact lexicon names, or why it cannot pick one.
 */
import type { WorkspaceLexicon } from "../../../shared/workspace-context.ts";
import { fold, isCloseTo, phraseWords, type Token } from "./normalize.ts";
import { findPhrases } from "./phrases.ts";
import { DICTIONARY } from "./spelling.ts";
import { CHANNEL_NAMES, COUNTRY_NAMES, EXCLUDE_LEADS, NAME_CUES, PLATFORM_NAMES } from "./vocabulary/dimensions.ts";
import { FUNCTION_WORDS } from "./vocabulary/languages.ts";

export type MemberKind = "campaign" | "product" | "category" | "competitor" | "platform" | "channel" | "state" | "city" | "country" | "attribute";

/** Cross-kind tie order: the first kind wins when two kinds match the same words equally well. */
const KIND_ORDER: readonly MemberKind[] = ["campaign", "product", "category", "competitor", "platform", "channel", "state", "city", "country", "attribute"];

export interface Member {
  readonly kind: MemberKind;
  /** The name exactly as the workspace's data has it. */
  readonly value: string;
  /** For attribute values: the attribute key. */
  readonly key: string | null;
}

export interface MemberMatch {
  readonly member: Member;
  readonly positions: readonly number[];
  /** "sin Instagram", "excluding Mexico": drop it instead of keeping it. */
  readonly excluded: boolean;
}

export interface MemberProblem {
  readonly reason: "ambiguous_member" | "unknown_member";
  readonly term: string;
  readonly options: readonly string[];
}

export interface MemberResult {
  readonly matches: readonly MemberMatch[];
  readonly problem: MemberProblem | null;
  /** Message positions that belong to a member's name. */
  readonly used: readonly boolean[];
}

interface Entity {
  readonly member: Member;
  readonly names: ReadonlyArray<readonly string[]>;
  /** Matched only when typed in capitals (country codes: "MX", not "us"). */
  readonly codes: readonly string[];
}

interface Candidate {
  readonly entity: Entity;
  readonly positions: readonly number[];
  readonly matched: number;
  readonly coverage: number;
  /** The name's first word (its head noun: "Jean" in "Jean Slim Azul", not in "Campera de Jean") was matched. */
  readonly head: boolean;
}

const NAME_STOPWORDS = new Set(["ads", "ad", "de", "del", "la", "el", "los", "las", "the", "of", "and", "y", "e", "com", "con", "para", "por", "do", "da", "dos", "das", "a", "o", "en", "em", "&", "-", "+"]);
const ARTICLES = new Set(["el", "la", "los", "las", "the", "o", "a", "os", "as", "de", "del", "do", "da", "un", "una", "um", "uma", "mi", "my", "meu", "minha", "nuestro", "nuestra"]);

function nameWords(name: string): string[] {
  return phraseWords(name.replace(/_/g, " ")).filter((word) => !NAME_STOPWORDS.has(word));
}

function aliasesFor(table: ReadonlyArray<readonly [string, string]>, id: string): string[][] {
  const own = table.find(([key]) => fold(key) === fold(id));
  return own === undefined ? [] : own[1].split("|").map(nameWords);
}

/** Everything in the lexicon that a message can name. `ads`: the message is about ads ("instagram" is then Meta). */
function entities(lexicon: WorkspaceLexicon, ads: boolean): Entity[] {
  const list: Entity[] = [];
  const add = (kind: MemberKind, value: string, names: string[][], codes: string[] = [], key: string | null = null) => {
    const usable = names.filter((words) => words.length > 0);
    if (usable.length > 0 || codes.length > 0) list.push({ member: { kind, value, key }, names: usable, codes });
  };
  for (const product of lexicon.products) add("product", product.title, [nameWords(product.title)]);
  for (const category of lexicon.categories) add("category", category, [nameWords(category)]);
  for (const campaign of lexicon.campaigns) add("campaign", campaign.name, [nameWords(campaign.name)]);
  for (const platform of lexicon.platforms) {
    const names = [nameWords(platform), ...aliasesFor(PLATFORM_NAMES, platform)];
    if (ads && fold(platform) === "meta") names.push(["instagram"], ["insta"], ["ig"]);
    add("platform", platform, names);
  }
  for (const channel of lexicon.channels) {
    const names = [nameWords(channel), ...aliasesFor(CHANNEL_NAMES, channel)];
    add("channel", channel, ads && lexicon.platforms.some((p) => fold(p) === "meta") ? names.filter((words) => !["instagram", "insta", "ig"].includes(words.join(" "))) : names);
  }
  for (const competitor of lexicon.competitors) add("competitor", competitor, [nameWords(competitor)]);
  for (const state of lexicon.states) add("state", state, [nameWords(state)]);
  for (const city of lexicon.cities) add("city", city, [nameWords(city)]);
  for (const country of lexicon.countries) {
    const isCode = /^[A-Za-z]{2}$/.test(country);
    add("country", country, isCode ? aliasesFor(COUNTRY_NAMES, country.toUpperCase()) : [nameWords(country)], isCode ? [country.toUpperCase()] : []);
  }
  for (const [key, values] of Object.entries(lexicon.attributes)) {
    for (const value of values) if (value.length > 2 && !/^(true|false|yes|no|si|sim|null|none|other)$/i.test(value)) add("attribute", value, [nameWords(value)], [], key);
  }
  return list;
}

/** Plural forms need a stem of at least this many letters ("what" is not a singular of "whats"). */
const PLURAL_STEM = 4;

function isPluralOf(typed: string, known: string): boolean {
  if (Math.min(typed.length, known.length) < PLURAL_STEM) return false;
  return typed === `${known}s` || typed === `${known}es` || known === `${typed}s` || known === `${typed}es`;
}

/** Plural, typo or exact: "remeras" ~ "remera", "algodon" ~ "algodón", "zapatilla" ~ "zapatillas". */
function wordMatches(typed: string, known: string): boolean {
  return typed === known || isCloseTo(typed, known) || isPluralOf(typed, known);
}

/**
 * Function words ("what", "whats", "la", "que", "isso") never match a name on their own and never as a
 * typo or plural; a vocabulary word ("campañas") matches a name only exactly or as a plural, never as a
 * typo ("Camperas").
 */
function matchesName(typed: string, known: string, lexiconWords: ReadonlySet<string>): boolean {
  if (FUNCTION_WORDS.has(typed)) return typed === known;
  if (DICTIONARY.has(typed) && !lexiconWords.has(typed)) return typed === known || isPluralOf(typed, known);
  return wordMatches(typed, known);
}

/** For each typed word, the name words it matches (exactly, as a plural or as a typo). */
type NameMatcher = (typed: string) => ReadonlySet<string>;

function candidateFor(entity: Entity, tokens: readonly Token[], nameMatches: ReadonlyArray<ReadonlySet<string>>, distinctive: ReadonlySet<string>): Candidate | undefined {
  let best: Candidate | undefined;
  for (const code of entity.codes) {
    const at = tokens.findIndex((token) => token.cased === code);
    if (at >= 0) return { entity, positions: [at], matched: 1, coverage: 1, head: true };
  }
  for (const words of entity.names) {
    const positions: number[] = [];
    let content = 0;
    let hasDistinctive = false;
    let head = false;
    for (const [order, word] of words.entries()) {
      const at = nameMatches.findIndex((names, index) => names.has(word) && !positions.includes(index));
      if (at < 0) continue;
      positions.push(at);
      if (order === 0) head = true;
      const typed = tokens[at]?.norm ?? "";
      const numeric = /^\d+$/.test(typed);
      if (FUNCTION_WORDS.has(typed)) continue;
      // A vocabulary word that is also a name word ("top" in "Top tejido…") is evidence only next to another word of the name.
      if (!numeric && !DICTIONARY.has(typed)) content++;
      if (!numeric && distinctive.has(word) && word.length >= 4) hasDistinctive = true;
    }
    const matched = positions.length;
    if (matched === 0) continue;
    // Function words are evidence only next to a real word of the same name, or as a whole name right after a preposition ("por whats").
    const afterPreposition = positions.length === 1 && words.length === 1 && PREPOSITIONS.has(tokens[(positions[0] ?? 0) - 1]?.norm ?? "");
    if (!afterPreposition && positions.every((at) => FUNCTION_WORDS.has(tokens[at]?.norm ?? ""))) continue;
    // Two or more name words typed in a row ("performance max") are the name, even when each is also vocabulary.
    if (content === 0 && matched >= 2 && positions.every((at, k) => k === 0 || at === (positions[k - 1] ?? -2) + 1)) content = matched;
    const coverage = matched / words.length;
    const accepted = coverage === 1 || (content > 0 && (coverage >= 0.5 || matched >= 2 || hasDistinctive || head));
    if (!accepted) continue;
    if (best === undefined || matched > best.matched || (matched === best.matched && coverage > best.coverage)) best = { entity, positions, matched, coverage, head };
  }
  return best;
}

/** Name words that only one entity of its kind has ("jean" among products): one of them is enough. */
function distinctiveWords(list: readonly Entity[]): Set<string> {
  const counts = new Map<string, number>();
  for (const entity of list) {
    const words = new Set(entity.names.flat().map((word) => `${entity.member.kind}:${word}`));
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const result = new Set<string>();
  for (const [word, count] of counts) if (count === 1) result.add(word);
  return result;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((position) => b.includes(position));
const overlaps = (a: readonly number[], b: readonly number[]) => a.some((position) => b.includes(position));
const kindRank = (kind: MemberKind) => KIND_ORDER.indexOf(kind);

function better(a: Candidate, b: Candidate): number {
  if (a.matched !== b.matched) return b.matched - a.matched;
  if ((a.coverage === 1) !== (b.coverage === 1)) return a.coverage === 1 ? -1 : 1;
  if (a.head !== b.head) return a.head ? -1 : 1;
  return kindRank(a.entity.member.kind) - kindRank(b.entity.member.kind) || b.coverage - a.coverage;
}

/** Bigram similarity of two folded strings, 0–1, for "did you mean" options. */
function similarity(a: string, b: string): number {
  const grams = (text: string) => {
    const list: string[] = [];
    const padded = ` ${text} `;
    for (let i = 0; i < padded.length - 1; i++) list.push(padded.slice(i, i + 2));
    return list;
  };
  const left = grams(a);
  const right = grams(b);
  let common = 0;
  const pool = [...right];
  for (const gram of left) {
    const at = pool.indexOf(gram);
    if (at >= 0) {
      common++;
      pool.splice(at, 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** The lexicon names of one kind closest to a term, best first. */
export function nearestNames(lexicon: WorkspaceLexicon, kind: MemberKind, term: string, limit = 3): string[] {
  return memberIndex(lexicon, kind === "platform").list
    .filter((entity) => entity.member.kind === kind)
    .map((entity) => ({ value: entity.member.value, score: similarity(fold(term), fold(entity.member.value)) }))
    .sort((a, b) => b.score - a.score || a.value.localeCompare(b.value))
    .slice(0, limit)
    .map((entry) => entry.value);
}

interface MemberIndex {
  readonly list: readonly Entity[];
  readonly distinctiveByKind: ReadonlyMap<MemberKind, ReadonlySet<string>>;
  readonly lexiconWords: ReadonlySet<string>;
  /** matchesName, memoised: the same words come back turn after turn. */
  readonly matches: NameMatcher;
}

const MEMO_LIMIT = 20_000;
const NO_WORDS: ReadonlySet<string> = new Set();

function memoisedMatcher(list: readonly Entity[], lexiconWords: ReadonlySet<string>): NameMatcher {
  const nameWords = [...new Set(list.flatMap((entity) => entity.names.flat()))];
  const memo = new Map<string, ReadonlySet<string>>();
  return (typed) => {
    const cached = memo.get(typed);
    if (cached !== undefined) return cached;
    if (memo.size > MEMO_LIMIT) memo.clear();
    const result = new Set(nameWords.filter((known) => matchesName(typed, known, lexiconWords)));
    memo.set(typed, result);
    return result;
  };
}

/** Entities and their word statistics, built once per lexicon object (understand() runs several times a turn). */
const INDEXES = new WeakMap<WorkspaceLexicon, Map<boolean, MemberIndex>>();

function memberIndex(lexicon: WorkspaceLexicon, ads: boolean): MemberIndex {
  const byAds = INDEXES.get(lexicon) ?? new Map<boolean, MemberIndex>();
  INDEXES.set(lexicon, byAds);
  const cached = byAds.get(ads);
  if (cached !== undefined) return cached;
  const list = entities(lexicon, ads);
  const distinctiveByKind = new Map<MemberKind, Set<string>>();
  for (const key of distinctiveWords(list)) {
    const split = key.indexOf(":");
    const kind = key.slice(0, split) as MemberKind;
    const set = distinctiveByKind.get(kind) ?? new Set<string>();
    set.add(key.slice(split + 1));
    distinctiveByKind.set(kind, set);
  }
  const lexiconWords = new Set(list.flatMap((entity) => entity.names[0] ?? []));
  const index: MemberIndex = { list, distinctiveByKind, lexiconWords, matches: memoisedMatcher(list, lexiconWords) };
  byAds.set(ads, index);
  return index;
}

/** Singular articles: "the playera", "del vestido", "o sérum" name one thing, not a whole category. */
const SINGULAR_ARTICLES = new Set(["the", "el", "del", "al", "la", "o", "a", "do", "da", "no", "na", "this", "that", "ese", "esa", "este", "esta", "esse", "essa"]);

/**
 * "how's the playera doing", "cuánto vendimos del vestido": a category named in the singular after
 * a singular article means one product of it, which one is unclear.
 */
function singularOfCategory(candidate: Candidate, tokens: readonly Token[]): boolean {
  if (candidate.entity.member.kind !== "category" || candidate.positions.length !== 1) return false;
  const at = candidate.positions[0] ?? -1;
  const typed = tokens[at]?.norm ?? "";
  const name = candidate.entity.names[0];
  if (name === undefined || name.length !== 1) return false;
  const known = name[0] ?? "";
  const singular = known === `${typed}s` || known === `${typed}es`;
  return singular && SINGULAR_ARTICLES.has(tokens[at - 1]?.norm ?? "");
}

/** Prepositions before a channel or place ("por whats", "via whats", "pelo zap"). */
const PREPOSITIONS = new Set(["por", "via", "pelo", "pela", "from", "through", "thru", "on", "by", "en", "no", "na", "in", "desde"]);

const EXCLUDES = EXCLUDE_LEADS;

function isExcluded(words: readonly string[], start: number): boolean {
  for (const back of [1, 2]) {
    const lead = start - back;
    if (lead < 0) break;
    const before = words.slice(Math.max(0, lead - 2), lead + 1);
    const found = findPhrases(before, EXCLUDES, before.map(() => false), false);
    if (found.some((match) => match.end === before.length)) return true;
    if (!ARTICLES.has(words[lead] ?? "")) break;
  }
  return false;
}

/**
 * "remera básica" where the store only has "Camiseta Básica": a product matched on a secondary word
 * right after a word we do not know is a different, unknown product. Returns that unknown word.
 */
function unnamedHead(candidate: Candidate, words: readonly string[], accepted: readonly Candidate[]): string | null {
  if (candidate.entity.member.kind !== "product" || candidate.head || candidate.coverage === 1) return null;
  const before = Math.min(...candidate.positions) - 1;
  const word = words[before];
  if (word === undefined || word.length < 3 || DICTIONARY.has(word) || ARTICLES.has(word) || /\d/.test(word)) return null;
  if (accepted.some((other) => other.positions.includes(before))) return null;
  return word;
}

/** A singular "producto X" / "campaign X" whose X matched nothing: the name asked about is unknown. */
function unknownName(lexicon: WorkspaceLexicon, words: readonly string[], used: readonly boolean[], taken: readonly boolean[]): MemberProblem | null {
  const cues = findPhrases(words, NAME_CUES, [...taken], false);
  for (const cue of cues) {
    let at = cue.end;
    while (at < words.length && ARTICLES.has(words[at] ?? "")) at++;
    const term: string[] = [];
    while (at < words.length && term.length < 3) {
      const word = words[at] ?? "";
      if (used[at] === true || taken[at] === true || DICTIONARY.has(word) || /^\d+$/.test(word) || word.length < 2) break;
      term.push(word);
      at++;
    }
    if (term.length === 0) continue;
    const kind: MemberKind = cue.value;
    const options = nearestNames(lexicon, kind, term.join(" "));
    return { reason: "unknown_member", term: term.join(" "), options };
  }
  return null;
}

/** Kinds whose names are free text (not an alias list we curate): they must not live only inside our own phrases. */
const FREE_TEXT_KINDS: ReadonlySet<MemberKind> = new Set(["product", "category", "campaign", "competitor", "state", "city", "attribute"]);

/**
 * The members a message names. `taken` marks words that are already vocabulary phrases the caller
 * wants kept out (none by default); `ads` says the message is about advertising. `vocabulary` marks
 * words inside our own multi-word phrases ("new customers", "top 5", "sales channel"): a free-text
 * name matched only on such words ("New", "Top tejido…") is not named.
 */
export function matchMembers(tokens: readonly Token[], lexicon: WorkspaceLexicon, ads: boolean, taken: readonly boolean[] = [], vocabulary: readonly boolean[] = []): MemberResult {
  const { list, distinctiveByKind, matches: nameMatches } = memberIndex(lexicon, ads);
  const visible = tokens.map((token, index) => (taken[index] === true ? { norm: "\u0000", raw: "", cased: "" } : token));
  const matched = visible.map((token) => (token.norm === "\u0000" ? NO_WORDS : nameMatches(token.norm)));
  const candidates: Candidate[] = [];
  for (const entity of list) {
    const candidate = candidateFor(entity, visible, matched, distinctiveByKind.get(entity.member.kind) ?? NO_WORDS);
    if (candidate === undefined) continue;
    if (FREE_TEXT_KINDS.has(entity.member.kind) && candidate.positions.every((at) => vocabulary[at] === true)) continue;
    candidates.push(candidate);
  }
  candidates.sort(better);
  const accepted: Candidate[] = [];
  let problem: MemberProblem | null = null;
  for (const candidate of candidates) {
    const clash = accepted.find((other) => overlaps(other.positions, candidate.positions));
    if (clash === undefined) {
      accepted.push(candidate);
      continue;
    }
    const tie = clash.entity.member.kind === candidate.entity.member.kind && clash.matched === candidate.matched && sameSet(clash.positions, candidate.positions) && clash.coverage < 1 && candidate.coverage < 1 && clash.head === candidate.head;
    if (tie && problem === null) {
      const tied = candidates.filter((other) => other.entity.member.kind === clash.entity.member.kind && other.matched === clash.matched && other.head === clash.head && other.coverage < 1 && sameSet(other.positions, clash.positions));
      const term = [...clash.positions].sort((a, b) => a - b).map((position) => tokens[position]?.norm ?? "").join(" ");
      problem = { reason: "ambiguous_member", term, options: [...new Set(tied.map((other) => other.entity.member.value))] };
    }
  }
  const words = tokens.map((token) => token.norm);
  const named = accepted.filter((candidate) => {
    const unknown = problem === null ? unnamedHead(candidate, words, accepted) : null;
    if (unknown === null) return true;
    problem = { reason: "unknown_member", term: [unknown, ...candidate.positions.map((position) => words[position] ?? "")].join(" "), options: nearestNames(lexicon, "product", unknown) };
    return false;
  });
  const singular = problem === null ? named.find((candidate) => singularOfCategory(candidate, tokens)) : undefined;
  if (singular !== undefined) {
    const category = singular.entity.member.value;
    const options = lexicon.products.filter((product) => product.category === category).slice(0, 5).map((product) => product.title);
    if (options.length > 1) {
      problem = { reason: "ambiguous_member", term: singular.positions.map((position) => tokens[position]?.norm ?? "").join(" "), options };
    }
  }
  const used = tokens.map((_, index) => named.some((candidate) => candidate.positions.includes(index)));
  problem ??= unknownName(lexicon, words, used, taken);
  const matches = named
    .map((candidate) => ({ member: candidate.entity.member, positions: candidate.positions, excluded: isExcluded(words, Math.min(...candidate.positions)) }))
    .sort((a, b) => Math.min(...a.positions) - Math.min(...b.positions));
  return { matches, problem, used };
}
