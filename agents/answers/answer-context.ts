/** The answer context of a turn: the workspace's currency, time zone, name and "now", in the turn's language. */
import type { Language } from "../shared/language.ts";
import type { WorkspaceContext } from "../shared/workspace-context.ts";
import type { AnswerContext, ComposedPart } from "./types.ts";

export function answerContextOf(context: WorkspaceContext, language: Language): AnswerContext {
  return { language, currency: context.workspace.currency, timeZone: context.workspace.timeZone, now: context.now, workspaceName: context.workspace.name };
}

/** A composed part as sent: its text, then its suggestion on its own paragraph. */
export function partText(part: ComposedPart): string {
  return part.suggestion ? `${part.text}\n\n${part.suggestion}` : part.text;
}
