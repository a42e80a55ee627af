/**
 * Which language a message is in: word votes (weighted: words only one language uses count double),
 * accented forms and letter patterns (ñ, ção…). Spanish and Portuguese votes count a little more than
 * English, because owners writing Spanish or Portuguese often mix in English jargon ("top productos
 * last month") while the reverse is rare. No signal, or a tie: the thread's language.
 */
import { LANGUAGES, type Language } from "../../../shared/language.ts";
import type { Token } from "./normalize.ts";
import { ACCENTED, LANGUAGE_WORDS, LETTER_PATTERNS } from "./vocabulary/languages.ts";

const ROMANCE_BONUS = 1.25;

export type LanguageScores = Readonly<Record<Language, number>>;

/** The votes each language gets from these tokens. */
export function languageScores(tokens: readonly Token[]): LanguageScores {
  const scores: Record<Language, number> = { en: 0, es: 0, pt: 0 };
  for (const token of tokens) {
    const accented = ACCENTED.get(token.raw);
    if (accented !== undefined) {
      scores[accented] += 3;
      continue;
    }
    for (const language of LANGUAGES) scores[language] += LANGUAGE_WORDS[language].get(token.norm) ?? 0;
    for (const [pattern, language, weight] of LETTER_PATTERNS) if (pattern.test(token.raw)) scores[language] += weight;
  }
  return { en: scores.en, es: scores.es * ROMANCE_BONUS, pt: scores.pt * ROMANCE_BONUS };
}

/**
 * The message's language from its tokens (member names left out by the caller), or `fallback`
 * when nothing shows one or the leaders tie and the fallback is among them.
 */
export function detectLanguage(tokens: readonly Token[], fallback: Language): Language {
  const scores = languageScores(tokens);
  const best = Math.max(scores.en, scores.es, scores.pt);
  if (best <= 0) return fallback;
  const leaders = LANGUAGES.filter((language) => Math.abs(scores[language] - best) < 1e-9);
  if (leaders.includes(fallback)) return fallback;
  return leaders[0] ?? fallback;
}
