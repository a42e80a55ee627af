/**
 * The short reply a slash command gets at once (Slack wants one within 3 seconds; the answer
 * follows through the response_url). It should be in the asker's language, which at that point
 * is only known from the question itself: a tiny word-count guess is enough for "one moment".
 */
import type { Language } from "../../agents/shared/language.ts";

const MARKERS: Readonly<Record<Language, ReadonlySet<string>>> = {
  // Words the other two languages do not share (not "semana", "pedidos", "como"…).
  en: new Set(["the", "what", "how", "much", "many", "sales", "orders", "products", "top", "sold", "week", "month", "year", "yesterday", "today", "my", "was", "were", "which", "is", "are", "did", "and", "last", "show", "me"]),
  es: new Set(["qué", "cuánto", "cuántos", "cuántas", "cuánta", "cómo", "cuál", "cuáles", "ventas", "vendimos", "productos", "más", "mes", "año", "ayer", "hoy", "el", "la", "los", "las", "del", "mis", "fue", "fueron", "pasada", "pasado", "muéstrame", "dame", "y"]),
  pt: new Set(["quanto", "quantos", "quantas", "quanta", "quais", "vendas", "vendemos", "produtos", "mais", "mês", "ano", "ontem", "hoje", "do", "da", "dos", "das", "na", "meu", "minha", "meus", "foi", "foram", "qual", "passada", "passado", "mostre", "você", "não", "e", "o", "os", "as"]),
};

const ACK_TEXT: Readonly<Record<Language, string>> = {
  en: "On it…",
  es: "Un momento…",
  pt: "Só um instante…",
};

const USAGE_TEXT: Readonly<Record<Language, string>> = {
  en: "Ask me something after the command, e.g. `/ask how were sales last week?`",
  es: "Escribe tu pregunta después del comando, p. ej. `/ask ¿cómo fueron las ventas la semana pasada?`",
  pt: "Escreva sua pergunta depois do comando, p. ex. `/ask como foram as vendas na semana passada?`",
};

/** The likeliest of en/es/pt for a short question; English when nothing tells them apart. */
export function guessLanguage(text: string): Language {
  const lower = text.toLowerCase();
  if (/[ñ¿¡]/.test(lower)) return "es";
  if (/[ãõç]/.test(lower)) return "pt";
  const words = lower.match(/\p{L}+/gu) ?? [];
  const score = (language: Language) => words.filter((word) => MARKERS[language].has(word)).length;
  const ranked = (["en", "es", "pt"] as const).map((language) => ({ language, score: score(language) })).sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  if (best === undefined || best.score === 0 || best.score === second?.score) return "en";
  return best.language;
}

export function slashAckText(question: string): string {
  return ACK_TEXT[guessLanguage(question)];
}

/** For a bare "/ask": the language of the command cannot be guessed, so English. */
export function slashUsageText(language: Language = "en"): string {
  return USAGE_TEXT[language];
}
