/** The language of a turn the router answered itself (no route call told us): the offline understanding's detection. */
import type { Language } from "../shared/language.ts";
import type { WorkspaceContext } from "../shared/workspace-context.ts";
import { understandOnce } from "../models/offline/understanding-memo.ts";

export function detectTurnLanguage(text: string, context: WorkspaceContext, threadLanguage: Language | null): Language {
  return understandOnce({ text, context, previous: [], threadLanguage }).language;
}
