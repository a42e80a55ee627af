/**
 * How a digest or weekly report becomes each channel's message: email gets the full text, the KPI
 * table and the chart; Slack the full text, the KPI fields and the reply buttons; WhatsApp the short
 * form (fitted within its length limit) and the buttons. The reports decide their texts; this decides
 * what each channel carries, in one place for both.
 */
import type { Language } from "../../agents/shared/language.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { ChartSpec, KpiField, OutboundMessage, ReplyButton } from "../outbound/outbound-message.ts";
import type { DigestChannel } from "./digest-parts.ts";
import { fitShortText, type ShortLevel } from "./whatsapp-short.ts";

export interface ReportParts {
  readonly language: Language;
  readonly subject: string;
  readonly kpis: readonly KpiField[];
  readonly freshness: string | null;
  /** Email and Slack. */
  readonly fullText: () => string;
  /** WhatsApp, at the given shortening level. */
  readonly shortText: (level: ShortLevel) => string;
  /** Email only. */
  readonly chart: () => ChartSpec | null;
  /** Slack and WhatsApp (email replies are written). */
  readonly buttons: readonly ReplyButton[];
}

export function reportMessage(channel: DigestChannel, parts: ReportParts): OutboundMessage {
  const { language, subject, freshness } = parts;
  const kpis = [...parts.kpis];
  const buttons = [...parts.buttons];
  switch (channel) {
    case "email":
      return { text: parts.fullText(), language, subject, kpis, freshness, chart: parts.chart(), buttons: [] };
    case "slack":
      return { text: parts.fullText(), language, subject, kpis, freshness, chart: null, buttons };
    case "whatsapp":
      return { text: fitShortText(parts.shortText, freshness), language, subject, kpis: [], freshness, chart: null, buttons };
    default:
      return assertNever(channel, "report channel");
  }
}
