/**
 * A failed tool call in the asker's language: what went wrong in plain words and, when the tool
 * offered alternatives, a question with them. The tool's own message (English, for the model) is not shown.
 */
import { assertNever } from "../../lib/assert-never.ts";
import type { ToolError } from "../../tools/tool-outcome.ts";
import { optionLabel } from "./format/options.ts";
import { listInWords } from "./format/phrases.ts";
import type { AnswerContext, ComposedPart } from "./types.ts";

export function composeToolError(error: ToolError, context: AnswerContext): ComposedPart {
  const language = context.language;
  const options = (error.suggestions ?? []).slice(0, 6).map((option) => optionLabel(option, language));
  const offer = options.length === 0 ? null : listInWords(options, language, "or");
  switch (error.code) {
    case "not_found":
      return {
        text: { en: "I couldn't find that in your store's data.", es: "No encontré eso en los datos de tu tienda.", pt: "Não encontrei isso nos dados da sua loja." }[language],
        suggestion: offer === null ? null : { en: `Did you mean ${offer}?`, es: `¿Te refieres a ${offer}?`, pt: `Você quis dizer ${offer}?` }[language],
      };
    case "invalid_request":
      return {
        text: { en: "That combination can't be computed as asked.", es: "Esa combinación no se puede calcular así.", pt: "Essa combinação não pode ser calculada assim." }[language],
        suggestion: offer === null ? null : { en: `It does work with ${offer}: want one of those?`, es: `Sí funciona con ${offer}: ¿quieres alguno de esos?`, pt: `Funciona com ${offer}: quer algum desses?` }[language],
      };
    case "ambiguous":
      return {
        text: { en: "Several things match that name.", es: "Varias cosas coinciden con ese nombre.", pt: "Várias coisas correspondem a esse nome." }[language],
        suggestion: offer === null ? null : { en: `Which one: ${offer}?`, es: `¿Cuál: ${offer}?`, pt: `Qual: ${offer}?` }[language],
      };
    case "no_data":
      return {
        text: {
          en: "There's no data for that yet: the source it needs isn't connected or hasn't loaded anything.",
          es: "Todavía no hay datos para eso: la fuente que necesita no está conectada o no cargó nada aún.",
          pt: "Ainda não há dados para isso: a fonte necessária não está conectada ou ainda não carregou nada.",
        }[language],
        suggestion: null,
      };
    case "needs_approval":
      return {
        text: { en: "That needs a person's approval before anything changes; nothing was changed.", es: "Eso necesita la aprobación de una persona antes de cambiar algo; no se cambió nada.", pt: "Isso precisa da aprovação de uma pessoa antes de mudar algo; nada foi alterado." }[language],
        suggestion: null,
      };
    case "forbidden":
      return {
        text: {
          en: "Your role in this workspace doesn't include that, so I can't show it.",
          es: "Tu rol en este espacio de trabajo no incluye eso, así que no puedo mostrarlo.",
          pt: "Seu papel neste espaço de trabalho não inclui isso, então não posso mostrar.",
        }[language],
        suggestion: { en: "An owner or admin can ask for it, or change your role.", es: "Un dueño o administrador puede pedirlo o cambiar tu rol.", pt: "Um dono ou administrador pode pedir isso ou mudar seu papel." }[language],
      };
    default:
      return assertNever(error.code, "tool error code");
  }
}
