/**
 * The answers to explain_notification ("why did you send me this?": what the insight is, with its
 * numbers, why it went to the asker and how) and to insight_feedback (the verdict, acknowledged).
 * The insight itself is worded by insightText, as in the digest and the alert.
 */
import type { ExplainNotificationData, InsightData, InsightFeedbackData, SentBecause } from "../../../tools/notifications/notification-data.ts";
import type { Language } from "../../shared/language.ts";
import { formatDateTime } from "../format/dates.ts";
import { insightText, type InsightText } from "../insights/insight-text.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { channelNames } from "./preferences.ts";

function textOf(insight: InsightData, context: AnswerContext): InsightText {
  return insightText(
    { type: insight.type, severity: insight.severity, evidence: insight.evidence, action: insight.action, impact_cents: insight.impactCents, title: insight.title, summary: insight.summary },
    { language: context.language, currency: context.currency, timeZone: context.timeZone },
  );
}

/** Why it went to the asker. */
function becauseText(because: SentBecause, language: Language): string {
  switch (because.kind) {
    case "alert":
      return because.critical
        ? {
            en: "It's a *critical* alert: those go out right away, even during your quiet hours.",
            es: "Es una alerta *crítica*: esas salen en el momento, incluso en tu horario de silencio.",
            pt: "É um alerta *crítico*: esses saem na hora, mesmo no seu horário de silêncio.",
          }[language]
        : {
            en: "It's an *alert*: something urgent that's worth a look today (outside your quiet hours).",
            es: "Es una *alerta*: algo urgente que conviene mirar hoy (fuera de tu horario de silencio).",
            pt: "É um *alerta*: algo urgente que vale olhar hoje (fora do seu horário de silêncio).",
          }[language];
    case "digest":
      return because.of <= 1
        ? { en: "It was the top insight of your daily digest by money at stake.", es: "Fue el hallazgo principal de tu resumen diario por dinero en juego.", pt: "Foi o principal achado do seu resumo diário pelo dinheiro em jogo." }[language]
        : {
            en: `It was #${because.rank} of the ${because.of} top insights of your daily digest, ranked by money at stake.`,
            es: `Fue el n.º ${because.rank} de los ${because.of} hallazgos principales de tu resumen diario, ordenados por dinero en juego.`,
            pt: `Foi o nº ${because.rank} dos ${because.of} principais achados do seu resumo diário, ordenados pelo dinheiro em jogo.`,
          }[language];
    case "weekly":
      return {
        en: `It was one of the insights of your weekly report (#${because.rank} of ${because.of} by money at stake).`,
        es: `Fue uno de los hallazgos de tu reporte semanal (n.º ${because.rank} de ${because.of} por dinero en juego).`,
        pt: `Foi um dos achados do seu relatório semanal (nº ${because.rank} de ${because.of} pelo dinheiro em jogo).`,
      }[language];
  }
}

export function explanationText(data: ExplainNotificationData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const text = textOf(data.insight, context);
  const when = formatDateTime(data.sent.at, context.timeZone, language);
  const how = channelNames([data.sent.channel], language);
  const sent = { en: `Sent on ${how}, ${when}.`, es: `Te lo envié por ${how} el ${when}.`, pt: `Enviei por ${how} em ${when}.` }[language];
  const notUseful =
    data.feedback === "not_useful"
      ? null
      : { en: "Not useful? Tell me “not useful” and I'll send fewer like it.", es: "¿No te sirve? Dime «no me sirve» y te mandaré menos como este.", pt: "Não é útil? Me diga «não é útil» e eu mando menos como este." }[language];
  const lines = [`*${text.title}*`, text.explanation, `${becauseText(data.because, language)} ${sent}`, notUseful].filter((line): line is string => line !== null && line.trim() !== "");
  const action = text.action.trim();
  return {
    text: lines.join("\n"),
    suggestion: action === "" ? null : { en: `Next step: “${action}”`, es: `Siguiente paso: «${action}»`, pt: `Próximo passo: «${action}»` }[language],
  };
}

export function feedbackText(data: InsightFeedbackData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const title = textOf(data.insight, context).title;
  return {
    text:
      data.verdict === "not_useful"
        ? { en: `Noted: I'll send you fewer insights like “${title}”.`, es: `Anotado: te mandaré menos avisos como «${title}».`, pt: `Anotado: vou te mandar menos avisos como «${title}».` }[language]
        : { en: `Thanks! I'll keep sending you insights like “${title}”.`, es: `¡Gracias! Te seguiré avisando de cosas como «${title}».`, pt: `Obrigado! Vou continuar te avisando de coisas como «${title}».` }[language],
    suggestion: null,
  };
}
