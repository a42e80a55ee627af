/**
 * A real-time alert about one insight, in the member's language: what happened, the numbers, what
 * to do, and how to say it did not help (that lowers similar alerts for them). The same message on
 * every channel; each sender fits it to its channel (Block Kit, WhatsApp text or template, email).
 */
import type { Insight } from "../../db/schema/operations.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import type { DescribeInsight, WordingContext } from "./describe-insight.ts";

function marker(severity: Insight["severity"]): string {
  switch (severity) {
    case "critical":
      return "🔴";
    case "warning":
      return "🟠";
    case "info":
      return "🔵";
    default:
      return assertNever(severity, "severity");
  }
}

const FOOTER = {
  en: 'Ask "why did you send me this?" for the details, or reply "not useful" and I will send fewer like it.',
  es: 'Pregúntame "¿por qué me mandaste esto?" para ver el detalle, o responde "no me sirve" y te mandaré menos como esta.',
  pt: 'Pergunte "por que recebi isso?" para ver os detalhes, ou responda "não é útil" e mandarei menos assim.',
} as const;

const SUBJECT = { en: "Alert", es: "Alerta", pt: "Alerta" } as const;

export function alertMessage(insight: Insight, context: WordingContext, describe: DescribeInsight): OutboundMessage {
  const wording = describe(insight, context);
  const text = [`${marker(insight.severity)} *${wording.title}*`, wording.explanation, `→ ${wording.action}`, `_${FOOTER[context.language]}_`].join("\n\n");
  return {
    text,
    language: context.language,
    subject: `${SUBJECT[context.language]}: ${wording.title}`,
    kpis: [],
    freshness: null,
    chart: null,
    buttons: [],
  };
}
