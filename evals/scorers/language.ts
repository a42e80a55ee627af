/** Language: the turn says it answered in the case's language, and the answer's words agree. */
import type { Language } from "../../agents/shared/language.ts";
import type { TurnResult } from "../../agents/turn-types.ts";
import { detectLanguage } from "./language-detect.ts";
import { fail, pass, type Score } from "./types.ts";

export function scoreLanguage(expected: Language, result: Pick<TurnResult, "language" | "answer">): Score {
  if (result.language !== expected) return fail(`reply language ${result.language}, expected ${expected}`);
  const guess = detectLanguage(result.answer);
  if (guess.language !== null && guess.language !== expected) {
    return fail(`answer text reads ${guess.language} (en ${guess.scores.en}, es ${guess.scores.es}, pt ${guess.scores.pt}), expected ${expected}`);
  }
  return pass;
}
