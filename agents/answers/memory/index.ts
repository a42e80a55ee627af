/**
 * The memory tools' composers, in en/es/pt: recalled memories with their source, a fact kept or
 * forgotten. Their failures have their own words where the generic ones would mislead ("I couldn't
 * find that in your store's data" is wrong for a fact that was never kept).
 */
import type { MemoryToolName } from "../../../tools/tool-names.ts";
import type { ToolError } from "../../../tools/tool-outcome.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { forgetText, rememberText } from "./fact-text.ts";
import { readForgetData, readRecallData, readRememberData } from "./outcome-data.ts";
import { quote, recallText } from "./recall-text.ts";

const UNREADABLE = { en: "I couldn't read that result.", es: "No pude leer ese resultado.", pt: "Não consegui ler esse resultado." } as const;

function forgetFailure(error: ToolError, context: AnswerContext): ComposedPart {
  const language = context.language;
  switch (error.code) {
    case "not_found":
      return {
        text: { en: "I have no kept fact like that to forget.", es: "No tengo ningún dato guardado así para olvidar.", pt: "Não tenho nenhum fato guardado assim para esquecer." }[language],
        suggestion: { en: "Ask me “what facts do you remember?” to see them.", es: "Pregúntame «¿qué datos recuerdas?» para verlos.", pt: "Me pergunte «que fatos você lembra?» para vê-los." }[language],
      };
    case "ambiguous": {
      const options = (error.suggestions ?? []).slice(0, 5).map((statement) => `• ${quote(statement)}`);
      return { text: [{ en: "Several kept facts match. Which one should I forget?", es: "Varios datos guardados coinciden. ¿Cuál olvido?", pt: "Vários fatos guardados correspondem. Qual eu esqueço?" }[language], ...options].join("\n"), suggestion: null };
    }
    case "forbidden":
      return {
        text: { en: "Only the person who said it, an owner or an admin can forget that fact.", es: "Solo quien lo dijo, un dueño o un admin puede olvidar ese dato.", pt: "Só quem disse, um dono ou um admin pode esquecer esse fato." }[language],
        suggestion: null,
      };
    case "invalid_request":
    case "no_data":
    case "needs_approval":
      return composeToolError(error, context);
  }
}

const composeRecall: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  const data = readRecallData(outcome.data);
  return data === null ? { text: UNREADABLE[context.language], suggestion: null } : recallText(data, context);
};

const composeRemember: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  const data = readRememberData(outcome.data);
  return data === null ? { text: UNREADABLE[context.language], suggestion: null } : rememberText(data, context);
};

const composeForget: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return forgetFailure(outcome.error, context);
  const data = readForgetData(outcome.data);
  return data === null ? { text: UNREADABLE[context.language], suggestion: null } : forgetText(data, context);
};

export const memoryComposers: Readonly<Record<MemoryToolName, OutcomeComposer>> = {
  recall_memory: composeRecall,
  remember_fact: composeRemember,
  forget_memory: composeForget,
};
