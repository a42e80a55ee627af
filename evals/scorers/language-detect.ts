/**
 * A light language guess for en / es / pt from function words and spelling marks. Product names and
 * numbers carry little weight, so an English answer about "Jeans bootcut tiro alto" still reads English.
 */
import type { Language } from "../../agents/shared/language.ts";
import { fold } from "./types.ts";

const WORDS: Readonly<Record<Language, readonly string[]>> = {
  en: ["the", "and", "of", "to", "in", "is", "was", "were", "your", "you", "for", "with", "by", "from", "this", "that", "last", "sales", "orders", "what", "which", "can", "it", "are", "than", "up", "down", "down", "top", "best", "week", "month", "year", "days", "i", "we", "our", "sorry", "hi", "hello", "thanks", "help", "would", "should", "not", "more", "less", "vs"],
  es: ["el", "la", "los", "las", "de", "del", "y", "en", "que", "es", "fue", "fueron", "por", "para", "con", "tu", "tus", "un", "una", "ventas", "pedidos", "mes", "semana", "ano", "dias", "puedo", "puedes", "esta", "este", "mas", "menos", "hola", "gracias", "ayuda", "cual", "cuales", "lo", "siento", "tienda", "al", "se", "su", "sus", "no", "hay", "quieres", "pasado", "anterior", "ultimos", "productos", "clientes", "ayudarte", "quieres"],
  pt: ["o", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "que", "foi", "foram", "por", "para", "com", "um", "uma", "vendas", "pedidos", "mes", "semana", "ano", "dias", "posso", "voce", "esta", "este", "mais", "menos", "ola", "obrigado", "obrigada", "ajuda", "qual", "quais", "seu", "sua", "seus", "suas", "nao", "ha", "loja", "passado", "anterior", "ultimos", "produtos", "clientes", "ajudar", "quer"],
};

const MARKS: Readonly<Record<Language, RegExp>> = {
  en: /\b(?:the|you're|it's|don't|can't|i'm)\b/gi,
  es: /[ñ¿¡]|ción\b|ciones\b/gi,
  pt: /[ãõç]|ção\b|ções\b|\bvocê\b|\bnão\b/gi,
};

export interface LanguageGuess {
  /** null when the text is too short or too mixed to tell. */
  readonly language: Language | null;
  readonly scores: Readonly<Record<Language, number>>;
}

export function detectLanguage(text: string): LanguageGuess {
  const tokens = fold(text).split(/[^a-z']+/).filter((token) => token.length > 0);
  const scores: Record<Language, number> = { en: 0, es: 0, pt: 0 };
  for (const language of ["en", "es", "pt"] as const) {
    const words = new Set(WORDS[language]);
    scores[language] = tokens.filter((token) => words.has(token)).length + 2 * (text.match(MARKS[language])?.length ?? 0);
  }
  const ranked = (["en", "es", "pt"] as const).map((language) => [language, scores[language]] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || !second || best[1] < 2 || best[1] - second[1] < Math.max(1, best[1] * 0.15)) return { language: null, scores };
  return { language: best[0], scores };
}
