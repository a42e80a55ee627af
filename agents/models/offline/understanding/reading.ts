/**
 * Everything a message says, read once: words (typos repaired), members, time, metrics, ranking,
 * breakdown, top N and the cues of each intent. intents.ts decides what to do with it; build-args.ts
 * turns it into tool arguments.
 */
import type { Comparison, Grain } from "../../../../engines/metrics/time/types.ts";
import type { RangeSpec } from "../../../../engines/metrics/time/range-spec.ts";
import { NUMBER_WORDS } from "../../../../engines/metrics/time/range-vocabulary.ts";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import { matchMembers, type MemberKind, type MemberResult } from "./members.ts";
import { tokenize, type Token } from "./normalize.ts";
import { findPhrases, firstPhrase, hasPhrase, type PhraseMatch } from "./phrases.ts";
import { correctSpelling } from "./spelling.ts";
import { readTime } from "./time-phrases.ts";
import { COMPARISON_MARKERS, LAST_YEAR_PHRASES, PREVIOUS_PHRASES } from "./vocabulary/time.ts";
import { BREAKDOWN_LEADS, DIMENSION_PHRASES, WHICH_WORDS, type BreakdownDimension } from "./vocabulary/dimensions.ts";
import { TOOL_CUES, type ToolCue } from "./vocabulary/intents.ts";
import { ABBREVIATIONS, TIME_CONTRACTIONS } from "./vocabulary/abbreviations.ts";
import type { Phrase } from "./phrases.ts";
import { AD_METRICS, ASCENDING_WORDS, METRIC_PHRASES, RANKING_PHRASES, RANKING_WORDS, WEAK_NET_SALES, type Ranking } from "./vocabulary/metrics.ts";

export interface Reading {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Folded words with typos repaired. */
  readonly words: readonly string[];
  readonly members: MemberResult;
  readonly range: RangeSpec | null;
  readonly comparison: Comparison | null;
  readonly grain: Grain | null | undefined;
  readonly horizonDays: number | null;
  readonly unreadableDate: string | null;
  /** Metric names in the order named; "vendimos" alone counts only when nothing else is named. */
  readonly metrics: readonly string[];
  /** True when the only metric came from a selling verb ("vendimos", "sold"). */
  readonly weakMetric: boolean;
  readonly ranking: Ranking | null;
  /** asc for "worst"/"peores"/"menos vendidos". */
  readonly direction: "asc" | "desc" | null;
  readonly top: number | null;
  readonly breakdown: BreakdownDimension | null;
  /** Dimension words named without asking for a split ("la categoría Remeras"). */
  readonly dimensionWords: readonly BreakdownDimension[];
  readonly cues: ReadonlySet<ToolCue>;
  /** About ads (ad metrics or ad words): "instagram" is then Meta. */
  readonly ads: boolean;
  /** Words no phrase or member used. */
  readonly free: readonly string[];
}

function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

const ARTICLE = new Set(["los", "las", "the", "os", "as", "el", "la", "o", "a", "mis", "my", "meus", "minhas", "nuestros", "nuestras"]);

function readTop(words: readonly string[], blocked: readonly boolean[], dims: readonly PhraseMatch<BreakdownDimension>[]): number | null {
  for (let i = 0; i < words.length; i++) {
    if (blocked[i] === true) continue;
    const word = words[i];
    if (word === "top") {
      const next = numberOf(words[i + 1]);
      if (next !== undefined && blocked[i + 1] !== true) return next;
      continue;
    }
    const n = numberOf(word);
    if (n === undefined || n < 1 || n > 100 || (NUMBER_WORDS.has(word ?? "") && !ARTICLE.has(words[i - 1] ?? "") && words[i - 1] !== "top")) continue;
    const next = words[i + 1] ?? "";
    const followsDimension = dims.some((dim) => dim.start === i + 1 || (dim.start === i + 2 && ARTICLE.has(next)));
    const followsRanking = hasPhrase([next], RANKING_WORDS) || hasPhrase([next], ASCENDING_WORDS) || hasPhrase(words.slice(i + 1, i + 4), RANKING_PHRASES);
    if (followsDimension || followsRanking) return n;
  }
  return null;
}

function readBreakdown(words: readonly string[], dims: readonly PhraseMatch<BreakdownDimension>[], ranked: boolean): BreakdownDimension | null {
  for (const dim of dims) {
    const before = words.slice(Math.max(0, dim.start - 3), dim.start);
    const lead = findPhrases(before, BREAKDOWN_LEADS, before.map(() => false), false).some((match) => match.end === before.length || (match.end === before.length - 1 && ARTICLE.has(before[before.length - 1] ?? "")));
    const which = findPhrases(before, WHICH_WORDS, before.map(() => false), false).some((match) => match.end >= before.length - 1);
    // "de dónde vienen las visitas", "where do they come from": the dimension phrase asks for the split itself.
    const asks = hasPhrase(words.slice(dim.start, dim.end), WHICH_WORDS) || hasPhrase(words.slice(dim.start, dim.end), COMPARISON_MARKERS);
    if (lead || which || asks || ranked) return dim.value;
  }
  return null;
}

const SPLIT_OF: Readonly<Partial<Record<MemberKind, BreakdownDimension>>> = {
  product: "product",
  category: "category",
  channel: "source_channel",
  country: "country",
  state: "state",
  city: "city",
  platform: "platform",
  campaign: "campaign",
};

/** "mercado libre vs tienda online": a comparison of members, not of periods. The dimension to split by, or null. */
function memberComparison(words: readonly string[], members: MemberResult, timeTaken: readonly boolean[]): BreakdownDimension | null {
  const marker = firstPhrase(words, COMPARISON_MARKERS, members.used);
  if (marker === undefined || timeTaken.slice(marker.end).some((taken, offset) => taken && members.used[marker.end + offset] !== true)) return null;
  for (const before of members.matches.filter((match) => Math.max(...match.positions) < marker.start)) {
    const after = members.matches.find((match) => match.member.kind === before.member.kind && Math.min(...match.positions) >= marker.end);
    const split = SPLIT_OF[before.member.kind];
    if (after !== undefined && split !== undefined) return split;
  }
  return null;
}

/** The workspace's own name words (never "corrected" into vocabulary), built once per lexicon object. */
const LEXICON_WORDS = new WeakMap<WorkspaceContext["lexicon"], ReadonlySet<string>>();

function lexiconWordsOf(lexicon: WorkspaceContext["lexicon"]): ReadonlySet<string> {
  const cached = LEXICON_WORDS.get(lexicon);
  if (cached !== undefined) return cached;
  const words = new Set(
    [...lexicon.products.map((p) => p.title), ...lexicon.categories, ...lexicon.campaigns.map((c) => c.name), ...lexicon.competitors, ...lexicon.cities, ...lexicon.states]
      .flatMap((name) => tokenize(name).map((token) => token.norm)),
  );
  LEXICON_WORDS.set(lexicon, words);
  return words;
}

type MetricOrDimension = { readonly metric: string } | { readonly dimension: BreakdownDimension };

/** Metric and dimension phrases in one table, longest first: "sales channel" is a split, not "sales"; at equal length the metric wins. */
const METRIC_OR_DIMENSION: readonly Phrase<MetricOrDimension>[] = [
  ...METRIC_PHRASES.map((phrase) => ({ words: phrase.words, value: { metric: phrase.value } })),
  ...DIMENSION_PHRASES.map((phrase) => ({ words: phrase.words, value: { dimension: phrase.value } })),
].sort((a, b) => b.words.length - a.words.length);

const isNumberWord = (word: string | undefined): boolean => word !== undefined && (/^\d{1,3}$/.test(word) || NUMBER_WORDS.has(word));

/**
 * Words that belong to our own phrases: multi-word metric, dimension and ranking phrases ("new
 * customers", "sales channel", "más vendidos") and a ranking word next to a number ("top 5", "los 5
 * mejores"). A product, category or campaign matched only on them is not named.
 */
function vocabularySpans(words: readonly string[]): boolean[] {
  const marked = words.map(() => false);
  const spans: ReadonlyArray<PhraseMatch<unknown>> = [
    ...findPhrases(words, METRIC_PHRASES, words.map(() => false), false),
    ...findPhrases(words, DIMENSION_PHRASES, words.map(() => false), false),
    ...findPhrases(words, RANKING_PHRASES, words.map(() => false), false),
  ];
  {
    for (const match of spans) {
      if (match.end - match.start < 2) continue;
      for (let k = match.start; k < match.end; k++) marked[k] = true;
    }
  }
  for (let i = 0; i < words.length; i++) {
    const single = [words[i] ?? ""];
    if (!hasPhrase(single, RANKING_WORDS) && !hasPhrase(single, ASCENDING_WORDS)) continue;
    if (isNumberWord(words[i + 1]) || isNumberWord(words[i - 1])) marked[i] = true;
  }
  return marked;
}

/** Member words plus multi-word dimension phrases ("nuevos vs recurrentes"): their "vs" is no period comparison. */
function withDimensionPhrases(words: readonly string[], used: readonly boolean[]): boolean[] {
  const blocked = words.map((_, index) => used[index] === true);
  for (const match of findPhrases(words, DIMENSION_PHRASES, [...blocked], false)) {
    if (match.end - match.start < 2) continue;
    for (let k = match.start; k < match.end; k++) blocked[k] = true;
  }
  return blocked;
}

/** Everyday abbreviations ("avg", "rev", "qty") as the word they stand for; one word each, so positions hold. */
function expand(word: string): string {
  return ABBREVIATIONS.get(word) ?? TIME_CONTRACTIONS.get(word) ?? word;
}

const PERIOD_UNITS = new Set(["mes", "month", "ano", "year", "semana", "week", "trimestre", "quarter", "dia", "day"]);
const CURRENT_WORDS = new Set(["atual", "actual", "corrente", "current", "presente", "vigente", "curso"]);

/** Time words as parseRangeText reads them: "do ano" / "del mes" (this one), "mes atual" / "current month" (this month). */
function timeWords(words: readonly string[]): string[] {
  return words.map((word, index) => {
    const next = words[index + 1];
    const previous = words[index - 1];
    if (PERIOD_UNITS.has(word) && next !== undefined && CURRENT_WORDS.has(next)) return "este";
    if (CURRENT_WORDS.has(word) && previous !== undefined && PERIOD_UNITS.has(previous)) return previous;
    if (word === "current" && next !== undefined && PERIOD_UNITS.has(next)) return "this";
    // "margem do ano", "ventas del año": the current year or month, unless a qualifier follows ("del año pasado").
    const bare = ["do", "del", "da", "of"].includes(word) && next !== undefined && ["ano", "year", "mes", "month"].includes(next) && (index + 2 >= words.length || !isQualified(words[index + 2] ?? ""));
    if (bare) return word === "of" ? "this" : word === "da" ? "esta" : "este";
    return word;
  });
}

const isQualified = (word: string): boolean => ["pasado", "passado", "anterior", "previous", "last", "que", "proximo", "next", "retrasado", "atras"].includes(word) || /^\d/.test(word);

/** Reads a message against the workspace. */
export function readMessage(text: string, context: WorkspaceContext): Reading {
  const tokens = tokenize(text);
  const lexiconWords = lexiconWordsOf(context.lexicon);
  const words = correctSpelling(tokens.map((token) => expand(token.norm)), lexiconWords);
  const preliminary = findPhrases(words, TOOL_CUES, words.map(() => false), false).map((match) => match.value);
  const preMetrics = findPhrases(words, METRIC_PHRASES, words.map(() => false), false).map((match) => match.value);
  const ads = preliminary.some((cue) => cue === "ads" || cue === "budget" || cue === "reallocate") || preMetrics.some((metric) => AD_METRICS.has(metric));
  const members = matchMembers(tokens, context.lexicon, ads, [], vocabularySpans(words));
  const blocked = withDimensionPhrases(words, members.used);
  const time = readTime(timeWords(words), context, blocked);
  // Dimension phrases were blocked only to keep their "vs" out of the time reading: they stay free for what follows.
  const timeTaken = time.taken.map((taken, index) => taken && (blocked[index] !== true || members.used[index] === true));
  const split = memberComparison(words, members, timeTaken);
  const taken = words.map((_, index) => timeTaken[index] === true);
  const cueTaken = members.used.map(Boolean);
  const cues = new Set(findPhrases(words, TOOL_CUES, cueTaken, false).map((match) => match.value));
  const rankings = findPhrases(words, RANKING_PHRASES, taken);
  const metricOrDimension = findPhrases(words, METRIC_OR_DIMENSION, taken);
  const metricMatches = metricOrDimension.flatMap((match) => ("metric" in match.value ? [{ ...match, value: match.value.metric }] : []));
  const strong = metricMatches.filter((match) => match.value !== WEAK_NET_SALES).map((match) => match.value);
  const weak = metricMatches.some((match) => match.value === WEAK_NET_SALES);
  const metrics = [...new Set(strong.length > 0 ? strong : weak && rankings.length === 0 ? ["net_sales"] : [])];
  const dims = metricOrDimension.flatMap((match) => ("dimension" in match.value ? [{ ...match, value: match.value.dimension }] : []));
  const ranking = rankings[0]?.value ?? null;
  const ascending = hasPhrase(words, ASCENDING_WORDS, taken);
  const rankingWord = hasPhrase(words, RANKING_WORDS.filter((phrase) => !["mas", "mais", "most"].includes(phrase.words.join(" "))), taken);
  const top = readTop(words, timeTaken, dims);
  const ranked = ranking !== null || top !== null || rankingWord || (ascending && dims.length > 0);
  const breakdown = split ?? readBreakdown(words, dims, ranked);
  const direction = ranking?.direction ?? (ascending ? "asc" : ranked ? "desc" : null);
  const free = words.filter((_, index) => !taken[index] && members.used[index] !== true);
  return {
    text,
    tokens,
    words,
    members,
    range: time.range,
    // "meta vs google … compared to the previous period": a period comparison said on its own survives a member comparison.
    comparison: split === null || hasPhrase(words, PREVIOUS_PHRASES, members.used) || hasPhrase(words, LAST_YEAR_PHRASES, members.used) ? time.comparison : null,
    grain: time.grain,
    horizonDays: time.horizonDays,
    unreadableDate: time.unreadable,
    metrics,
    weakMetric: strong.length === 0 && weak,
    ranking,
    direction,
    top,
    breakdown,
    dimensionWords: dims.map((dim) => dim.value),
    cues,
    ads,
    free,
  };
}
