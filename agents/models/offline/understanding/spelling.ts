/**
 * Typo repair against the vocabulary: a word we do not know that is one or two edits from exactly one
 * vocabulary word becomes that word ("vendimso" → "vendimos", "devoluicones" → "devoluciones").
 * Words that look like the workspace's own names (products, campaigns…) are left for member matching.
 */
import { MONTH_WORDS, NUMBER_WORDS, UNIT_WORDS } from "../../../../engines/metrics/time/range-vocabulary.ts";
import { editDistance, typoAllowance } from "./normalize.ts";
import { wordsOf } from "./phrases.ts";
import { BREAKDOWN_LEADS, DIMENSION_PHRASES, EXCLUDE_LEADS, WHICH_WORDS } from "./vocabulary/dimensions.ts";
import { CHANGE_LEADS, CHANGE_OBJECTS, CHANGE_VERBS, GREETING, HELP, OUT_OF_SCOPE, RFM_SEGMENT_PHRASES, THANKS, TOOL_CUES } from "./vocabulary/intents.ts";
import { LANGUAGE_WORDS } from "./vocabulary/languages.ts";
import * as NOTIFICATION_WORDS from "./vocabulary/notifications.ts";
import * as MEMORY_WORDS from "./vocabulary/memory.ts";
import { APPLY_VERBS, BACK_REFERENCES, BY_WORDS, CLITIC_PRICE_VERBS, ORDINALS, PRICE_CHANGE_STATUS, PRICE_FILLER, PRICE_LEADS, PRICE_VERBS, SUGGESTION_WORDS, TO_WORDS, UNDO_VERBS } from "./vocabulary/pricing.ts";
import { DAY_WORDS, LEAD_WORDS, WEEK_WORDS } from "./commerce-args.ts";
import { ASCENDING_WORDS, METRIC_PHRASES, RANKING_PHRASES, RANKING_WORDS } from "./vocabulary/metrics.ts";
import {
  COMPARISON_MARKERS,
  DAY_BEFORE_YESTERDAY,
  GRAIN_PHRASES,
  HOLIDAY_PHRASES,
  HORIZON_PHRASES,
  LAST_YEAR_PHRASES,
  PREVIOUS_PHRASES,
  WEEKDAY_PHRASES,
  WEEKEND_PHRASES,
} from "./vocabulary/time.ts";

function buildDictionary(): ReadonlySet<string> {
  const words = wordsOf([
    METRIC_PHRASES, RANKING_PHRASES, RANKING_WORDS, ASCENDING_WORDS, DIMENSION_PHRASES, BREAKDOWN_LEADS, WHICH_WORDS, EXCLUDE_LEADS,
    GREETING, THANKS, HELP, OUT_OF_SCOPE, CHANGE_VERBS, CHANGE_LEADS, CHANGE_OBJECTS, TOOL_CUES, RFM_SEGMENT_PHRASES,
    PRICE_CHANGE_STATUS, PRICE_VERBS, CLITIC_PRICE_VERBS, BACK_REFERENCES, PRICE_LEADS, APPLY_VERBS, SUGGESTION_WORDS, ORDINALS, UNDO_VERBS,
    COMPARISON_MARKERS, LAST_YEAR_PHRASES, PREVIOUS_PHRASES, GRAIN_PHRASES, HOLIDAY_PHRASES, WEEKDAY_PHRASES, WEEKEND_PHRASES, DAY_BEFORE_YESTERDAY, HORIZON_PHRASES,
    NOTIFICATION_WORDS.NOTIFICATION_OBJECTS, NOTIFICATION_WORDS.WEAK_DIGEST, NOTIFICATION_WORDS.CHANNEL_WORDS, NOTIFICATION_WORDS.OFF_VERBS, NOTIFICATION_WORDS.ON_VERBS,
    NOTIFICATION_WORDS.MOVE_VERBS, NOTIFICATION_WORDS.NIGHT_WORDS, NOTIFICATION_WORDS.SHOW_CUES, NOTIFICATION_WORDS.ARRIVAL_CUES, NOTIFICATION_WORDS.RECEIVED_VERBS, NOTIFICATION_WORDS.MESSAGE_WORDS, NOTIFICATION_WORDS.FEEDBACK_PHRASES,
    MEMORY_WORDS.RECALL_CUES, MEMORY_WORDS.REMEMBER_LEADS, MEMORY_WORDS.FORGET_VERBS, MEMORY_WORDS.FACT_STATEMENT_CUES, MEMORY_WORDS.SUBJECT_KIND_WORDS,
  ]);
  for (const table of [MONTH_WORDS, NUMBER_WORDS, UNIT_WORDS]) for (const word of table.keys()) words.add(word);
  for (const set of [DAY_WORDS, WEEK_WORDS, LEAD_WORDS, BY_WORDS, TO_WORDS, PRICE_FILLER]) for (const word of set) words.add(word);
  for (const word of ["sugerencias", "sugerencia", "sugestao", "sugestoes", "suggestion", "suggestions", "proveedor", "fornecedor", "supplier"]) words.add(word);
  for (const map of Object.values(LANGUAGE_WORDS)) for (const word of map.keys()) words.add(word);
  for (const word of ["ayer", "hoy", "hoje", "ontem", "today", "yesterday", "hace", "ultimos", "ultimas", "pasado", "pasada", "passado", "passada", "since", "desde"]) words.add(word);
  return words;
}

/** Every word the understanding layer knows. */
export const DICTIONARY: ReadonlySet<string> = buildDictionary();

const byLength = new Map<number, string[]>();
for (const word of DICTIONARY) {
  const list = byLength.get(word.length) ?? [];
  list.push(word);
  byLength.set(word.length, list);
}

/** Among equally close words, which looks more like this typo: a swap of letters, then a dropped letter, then the same last letter. */
function preference(word: string, candidate: string): number {
  const sorted = (text: string) => [...text].sort().join("");
  let score = 0;
  if (sorted(word) === sorted(candidate)) score += 8;
  if (candidate.length > word.length) score += 4;
  else if (candidate.length === word.length) score += 2;
  if (candidate[candidate.length - 1] === word[word.length - 1]) score += 1;
  return score;
}

/** The dictionary word `word` is a typo of, or undefined when it is known, too short, or not one clear typo. */
function correction(word: string, protectedWords: ReadonlySet<string>): string | undefined {
  if (DICTIONARY.has(word) || protectedWords.has(word) || /\d/.test(word)) return undefined;
  const allowance = typoAllowance(word.length);
  if (allowance === 0) return undefined;
  let best: string | undefined;
  let bestKey = -1;
  let tie = false;
  for (let length = word.length - allowance; length <= word.length + allowance; length++) {
    for (const candidate of byLength.get(length) ?? []) {
      if (candidate.length < 4) continue;
      const distance = editDistance(word, candidate, allowance);
      if (distance > allowance || (distance > 1 && candidate[0] !== word[0])) continue;
      const key = (allowance + 1 - distance) * 100 + preference(word, candidate);
      if (key > bestKey) {
        best = candidate;
        bestKey = key;
        tie = false;
      } else if (key === bestKey && candidate !== best) tie = true;
    }
  }
  return tie ? undefined : best;
}

/** The words with typos repaired; `protectedWords` (the workspace's own name words) are never changed. */
export function correctSpelling(words: readonly string[], protectedWords: ReadonlySet<string>): string[] {
  return words.map((word) => correction(word, protectedWords) ?? word);
}
