/**
 * The notifications tools' composers, in en/es/pt: the asker's settings, why an insight was sent to
 * them, their feedback. Their failures have their own words: `invalid_request` from these tools
 * means no member is behind the conversation (tools/notifications/contracts.ts NO_MEMBER).
 */
import type { NotificationToolName } from "../../../tools/tool-names.ts";
import type { ToolError } from "../../../tools/tool-outcome.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { explanationText, feedbackText } from "./explanation.ts";
import { isExplainNotificationData, isInsightFeedbackData, isNotificationPreferencesData } from "./outcome-data.ts";
import { preferencesText } from "./preferences.ts";

const UNREADABLE = { en: "I couldn't read that result.", es: "No pude leer ese resultado.", pt: "Não consegui ler esse resultado." } as const;

function failure(error: ToolError, context: AnswerContext): ComposedPart {
  const language = context.language;
  switch (error.code) {
    case "invalid_request":
      return {
        text: {
          en: "Notification settings belong to a member, and this conversation has no member linked (the terminal or the local web chat).",
          es: "Las notificaciones son de cada miembro, y esta conversación no tiene un miembro vinculado (la terminal o el chat web local).",
          pt: "As notificações são de cada membro, e esta conversa não tem um membro vinculado (o terminal ou o chat web local).",
        }[language],
        suggestion: {
          en: "Write to me from WhatsApp, Slack or email as a member to change them.",
          es: "Escríbeme por WhatsApp, Slack o correo como miembro para cambiarlas.",
          pt: "Me escreva pelo WhatsApp, Slack ou e-mail como membro para mudá-las.",
        }[language],
      };
    case "no_data":
      return {
        text: {
          en: "I haven't sent you any insight yet: no alert, and no digest with insights.",
          es: "Todavía no te envié ningún hallazgo: ni alertas ni resúmenes con hallazgos.",
          pt: "Ainda não te enviei nenhum achado: nem alertas, nem resumos com achados.",
        }[language],
        suggestion: null,
      };
    case "not_found":
      return { text: { en: "I never sent you that insight.", es: "Ese hallazgo no te lo envié a ti.", pt: "Esse achado eu não enviei para você." }[language], suggestion: null };
    case "ambiguous":
    case "needs_approval":
    case "forbidden":
      return composeToolError(error, context);
  }
}

const composePreferences: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, context);
  return isNotificationPreferencesData(outcome.data) ? preferencesText(outcome.data, call.args, context) : { text: UNREADABLE[context.language], suggestion: null };
};

const composeExplanation: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, context);
  return isExplainNotificationData(outcome.data) ? explanationText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

const composeFeedback: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, context);
  return isInsightFeedbackData(outcome.data) ? feedbackText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

export const notificationComposers: Readonly<Record<NotificationToolName, OutcomeComposer>> = {
  notification_preferences: composePreferences,
  explain_notification: composeExplanation,
  insight_feedback: composeFeedback,
};
