/**
 * The answer to recall_memory: each memory quoted with who said it, where and when ("*You*, on
 * WhatsApp, Nov 20, 6:05 PM: “…”"), kept facts marked as such, and, for "the product we talked
 * about", the products named first. Nothing found says so and suggests asking another way.
 */
import type { RecallData, RecalledMemory } from "../../../tools/memory/memory-data.ts";
import type { Language } from "../../shared/language.ts";
import { formatDateTime } from "../format/dates.ts";
import { listInWords } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";

/** Characters of a memory quoted in the answer; longer ones end in "…". */
const QUOTE_CHARS = 220;

const PLACES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  whatsapp: { en: "on WhatsApp", es: "por WhatsApp", pt: "no WhatsApp" },
  slack: { en: "in Slack", es: "en Slack", pt: "no Slack" },
  email: { en: "by email", es: "por correo", pt: "por e-mail" },
  web: { en: "in the web chat", es: "en el chat web", pt: "no chat web" },
  cli: { en: "in the terminal", es: "en la terminal", pt: "no terminal" },
};

export function placeOf(channel: string | null, language: Language): string | null {
  if (channel === null) return null;
  return PLACES[channel]?.[language] ?? channel;
}

export function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : flat}”`;
}

function speakerOf(memory: RecalledMemory, language: Language): string {
  if (memory.byAsker) return { en: "You", es: "Tú", pt: "Você" }[language];
  switch (memory.speaker) {
    case "member":
      return memory.speakerName ?? { en: "Someone on the team", es: "Alguien del equipo", pt: "Alguém da equipe" }[language];
    case "assistant":
      return { en: "I", es: "Yo", pt: "Eu" }[language];
    case "tool":
      return { en: "The data", es: "Los datos", pt: "Os dados" }[language];
    case "unknown":
      return { en: "Someone", es: "Alguien", pt: "Alguém" }[language];
  }
}

function memoryLine(memory: RecalledMemory, context: AnswerContext): string {
  const language = context.language;
  const when = formatDateTime(memory.at, context.timeZone, language);
  const where = placeOf(memory.channel, language);
  const who = speakerOf(memory, language);
  const origin = [who, where, when].filter((part): part is string => part !== null).join(", ");
  if (memory.kind === "fact") {
    const label = { en: "Kept fact", es: "Dato guardado", pt: "Fato guardado" }[language];
    return `• ${label} (${origin}): ${quote(memory.text)}`;
  }
  return `• *${origin}*: ${quote(memory.text)}`;
}

function subjectLine(data: RecallData, language: Language): string | null {
  const kind = data.subject ?? null;
  if (kind === null) return null;
  const labels = [...new Set(data.memories.flatMap((memory) => memory.subjects.filter((subject) => subject.kind === kind || (kind === "product" && subject.kind === "variant")).map((subject) => subject.label)))];
  if (labels.length === 0) return null;
  const names = listInWords(labels.slice(0, 3).map((label) => `*${label}*`), language, "or");
  switch (kind) {
    case "product":
      return labels.length === 1 ? { en: `The product was ${names}.`, es: `El producto era ${names}.`, pt: `O produto era ${names}.` }[language] : { en: `Products mentioned: ${names}.`, es: `Productos mencionados: ${names}.`, pt: `Produtos mencionados: ${names}.` }[language];
    case "campaign":
      return labels.length === 1 ? { en: `The campaign was ${names}.`, es: `La campaña era ${names}.`, pt: `A campanha era ${names}.` }[language] : { en: `Campaigns mentioned: ${names}.`, es: `Campañas mencionadas: ${names}.`, pt: `Campanhas mencionadas: ${names}.` }[language];
    case "competitor":
      return labels.length === 1 ? { en: `The competitor was ${names}.`, es: `El competidor era ${names}.`, pt: `O concorrente era ${names}.` }[language] : { en: `Competitors mentioned: ${names}.`, es: `Competidores mencionados: ${names}.`, pt: `Concorrentes mencionados: ${names}.` }[language];
  }
}

export function recallText(data: RecallData, context: AnswerContext): ComposedPart {
  const language = context.language;
  if (data.memories.length === 0) {
    const when = data.range === null ? "" : { en: ` (${data.range.label})`, es: ` (${data.range.label})`, pt: ` (${data.range.label})` }[language];
    return {
      text: { en: `I don't remember anything about ${quote(data.query)}${when}.`, es: `No recuerdo nada sobre ${quote(data.query)}${when}.`, pt: `Não me lembro de nada sobre ${quote(data.query)}${when}.` }[language],
      suggestion: {
        en: "Try other words, or a wider time (“last month”).",
        es: "Prueba con otras palabras o un período más amplio («el mes pasado»).",
        pt: "Tente outras palavras ou um período maior («mês passado»).",
      }[language],
    };
  }
  const lead = subjectLine(data, language) ?? { en: "Here's what I found:", es: "Esto es lo que encontré:", pt: "Foi isto que encontrei:" }[language];
  const lines = data.memories.map((memory) => memoryLine(memory, context));
  const remembered = data.memories.some((memory) => /\d/.test(memory.text) && memory.kind !== "tool_result")
    ? { en: "Figures in these messages are what was said then; ask me for today's numbers.", es: "Las cifras de estos mensajes son lo que se dijo entonces; pídeme los números de hoy.", pt: "Os números nessas mensagens são o que foi dito na época; peça os números de hoje." }[language]
    : null;
  return { text: [lead, ...lines].join("\n"), suggestion: remembered };
}
