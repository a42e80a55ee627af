/**
 * The answers to remember_fact ("Noted for the whole team: “…”", with what it covers and what it
 * changes: a no-discount fact keeps price suggestions from lowering those products' prices) and to
 * forget_memory ("Forgotten: “…”").
 */
import type { FactView, ForgetData, RememberData } from "../../../tools/memory/memory-data.ts";
import type { Language } from "../../shared/language.ts";
import { formatDateTime } from "../format/dates.ts";
import { money } from "../format/numbers.ts";
import { listInWords } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { placeOf, quote } from "./recall-text.ts";

function coverage(fact: FactView, language: Language): string | null {
  const named = fact.subjects.filter((subject) => subject.kind !== "topic");
  if (named.length === 0) return null;
  const items = named.slice(0, 4).map((subject) => {
    const count = subject.products ?? 0;
    if (subject.kind === "product_line" && count === 1) return { en: `*${subject.label}* (1 product)`, es: `*${subject.label}* (1 producto)`, pt: `*${subject.label}* (1 produto)` }[language];
    if (subject.kind === "product_line" && count > 1) return { en: `*${subject.label}* (${count} products)`, es: `*${subject.label}* (${count} productos)`, pt: `*${subject.label}* (${count} produtos)` }[language];
    return `*${subject.label}*`;
  });
  return { en: `About: ${listInWords(items, language)}.`, es: `Sobre: ${listInWords(items, language)}.`, pt: `Sobre: ${listInWords(items, language)}.` }[language];
}

function effect(fact: FactView, context: AnswerContext): string | null {
  const language = context.language;
  const claim = fact.claim;
  switch (claim.kind) {
    case "no_discount": {
      const covers = fact.subjects.some((subject) => (subject.products ?? 0) > 0);
      return covers
        ? { en: "Price suggestions won't lower these prices, and a price cut on them will remind the approvers of this.", es: "Las sugerencias de precio no bajarán estos precios, y una rebaja sobre ellos se lo recordará a quien aprueba.", pt: "As sugestões de preço não vão baixar esses preços, e uma redução neles vai lembrar isso a quem aprova." }[language]
        : { en: "I couldn't tie it to products in the catalog, so it won't steer price suggestions: name the products or the line as they appear in the store.", es: "No pude asociarlo a productos del catálogo, así que no guiará las sugerencias de precio: nombra los productos o la línea como aparecen en la tienda.", pt: "Não consegui ligar isso a produtos do catálogo, então não vai guiar as sugestões de preço: diga os produtos ou a linha como aparecem na loja." }[language];
    }
    case "cost": {
      const amount = money(claim.costCents, { ...context, currency: claim.currency });
      return { en: `Noted cost: ${amount}. It's what you said; the costs in the store's data don't change.`, es: `Costo anotado: ${amount}. Es lo que dijiste; los costos en los datos de la tienda no cambian.`, pt: `Custo anotado: ${amount}. É o que você disse; os custos nos dados da loja não mudam.` }[language];
    }
    case "decision":
    case "note":
      return null;
  }
}

function sayer(fact: FactView, context: AnswerContext): string {
  const language = context.language;
  const who = fact.byAsker ? { en: "you", es: "tú", pt: "você" }[language] : (fact.saidBy ?? { en: "someone", es: "alguien", pt: "alguém" }[language]);
  const where = placeOf(fact.channel, language);
  return [who, where, formatDateTime(fact.at, context.timeZone, language)].filter((part): part is string => part !== null).join(", ");
}

export function rememberText(data: RememberData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const fact = data.fact;
  const head = data.created
    ? { en: `Noted for the whole team: ${quote(fact.statement)}.`, es: `Anotado para todo el equipo: ${quote(fact.statement)}.`, pt: `Anotado para toda a equipe: ${quote(fact.statement)}.` }[language]
    : { en: `I already had that, since ${sayer(fact, context)}: ${quote(fact.statement)}.`, es: `Ya lo tenía, desde ${sayer(fact, context)}: ${quote(fact.statement)}.`, pt: `Eu já tinha isso, desde ${sayer(fact, context)}: ${quote(fact.statement)}.` }[language];
  const lines = [head, coverage(fact, language), effect(fact, context)].filter((line): line is string => line !== null);
  return { text: lines.join("\n"), suggestion: { en: "Say “forget that” to undo it.", es: "Di «olvídalo» para deshacerlo.", pt: "Diga «esquece isso» para desfazer." }[language] };
}

export function forgetText(data: ForgetData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const fact = data.forgotten;
  return {
    text: { en: `Forgotten: ${quote(fact.statement)} (${sayer(fact, context)}). I won't use it anymore.`, es: `Olvidado: ${quote(fact.statement)} (${sayer(fact, context)}). Ya no lo usaré.`, pt: `Esquecido: ${quote(fact.statement)} (${sayer(fact, context)}). Não vou mais usar isso.` }[language],
    suggestion: null,
  };
}
