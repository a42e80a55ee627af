/**
 * What the supervisor answers itself, without a tool: greeting, help, thanks, out of scope,
 * refused change requests, and clarifying questions. Changes are never made from a chat: the
 * refusal says plainly that nothing was changed and that changes go through an approval.
 */
import { assertNever } from "../../lib/assert-never.ts";
import type { ClarifyReason, Intent } from "../models/offline/understanding/types.ts";
import type { Language } from "../shared/language.ts";
import { bullets, listInWords, type Phrases } from "./format/phrases.ts";
import type { AnswerContext, ComposedPart } from "./types.ts";

export type SupervisorIntent = Exclude<Intent, { kind: "tool" }>;
type ChangeWhat = Extract<Intent, { kind: "change_request" }>["what"];

const EXAMPLES: Readonly<Record<Language, readonly string[]>> = {
  en: ["How much did we sell last week vs the week before?", "Which channel sold the most this month?", "Which products are about to run out?"],
  es: ["¿Cuánto vendimos la semana pasada vs la anterior?", "¿Qué canal vendió más este mes?", "¿Qué productos están por agotarse?"],
  pt: ["Quanto vendemos na semana passada vs a anterior?", "Qual canal vendeu mais este mês?", "Quais produtos estão acabando?"],
};

function greeting(context: AnswerContext): string {
  const name = context.workspaceName;
  const intro = { en: `Hi! I'm the assistant for *${name}*. Ask me about sales, marketing, stock or customers, for example:`, es: `¡Hola! Soy el asistente de *${name}*. Pregúntame por ventas, marketing, inventario o clientes, por ejemplo:`, pt: `Olá! Sou o assistente da *${name}*. Pergunte sobre vendas, marketing, estoque ou clientes, por exemplo:` }[context.language];
  return `${intro}\n${bullets(EXAMPLES[context.language])}`;
}

const HELP: Phrases = {
  en: [
    "Here's what I can do with your store's data:",
    "• *Sales & KPIs*: net sales, orders, average order value, margin, refunds, by channel, product, category or region, with trends and comparisons.",
    "• *Marketing*: ad spend, ROAS, CAC and campaign performance, and where budget could work better.",
    "• *Inventory & competitors*: what is about to run out, what to reorder, and how your prices compare.",
    "• *Customers*: cohorts and retention, RFM segments (champions, at risk…), unusual days and forecasts.",
    "I only read data: changes such as prices need a person's approval, and I never make them myself.",
  ].join("\n"),
  es: [
    "Esto es lo que puedo hacer con los datos de tu tienda:",
    "• *Ventas y KPIs*: ventas netas, pedidos, ticket promedio, margen, reembolsos, por canal, producto, categoría o región, con tendencias y comparaciones.",
    "• *Marketing*: inversión en anuncios, ROAS, CAC y rendimiento de campañas, y dónde el presupuesto podría rendir más.",
    "• *Inventario y competencia*: qué está por agotarse, qué reponer y cómo se comparan tus precios.",
    "• *Clientes*: cohortes y retención, segmentos RFM (campeones, en riesgo…), días inusuales y pronósticos.",
    "Solo leo datos: cambios como los de precios necesitan la aprobación de una persona y nunca los hago yo.",
  ].join("\n"),
  pt: [
    "Veja o que posso fazer com os dados da sua loja:",
    "• *Vendas e KPIs*: vendas líquidas, pedidos, ticket médio, margem, reembolsos, por canal, produto, categoria ou região, com tendências e comparações.",
    "• *Marketing*: investimento em anúncios, ROAS, CAC e desempenho das campanhas, e onde o orçamento pode render mais.",
    "• *Estoque e concorrência*: o que está acabando, o que repor e como seus preços se comparam.",
    "• *Clientes*: coortes e retenção, segmentos RFM (campeões, em risco…), dias incomuns e previsões.",
    "Eu só leio dados: mudanças como as de preço precisam da aprovação de uma pessoa e nunca as faço sozinho.",
  ].join("\n"),
};

const CHANGE_OBJECT: Readonly<Record<ChangeWhat, Phrases>> = {
  price: { en: "prices", es: "precios", pt: "preços" },
  budget: { en: "ad budgets", es: "presupuestos de anuncios", pt: "orçamentos de anúncios" },
  campaign: { en: "campaigns", es: "campañas", pt: "campanhas" },
  inventory: { en: "stock", es: "inventario", pt: "estoque" },
  other: { en: "your store's settings or data", es: "la configuración ni los datos de tu tienda", pt: "as configurações nem os dados da sua loja" },
};

const CHANGE_OFFER: Readonly<Record<ChangeWhat, Phrases>> = {
  price: { en: "how your prices compare with competitors'", es: "cómo se comparan tus precios con los de la competencia", pt: "como seus preços se comparam aos da concorrência" },
  budget: { en: "which campaigns return the most for what they spend", es: "qué campañas rinden más por lo que invierten", pt: "quais campanhas rendem mais pelo que investem" },
  campaign: { en: "how each campaign is performing", es: "cómo le está yendo a cada campaña", pt: "como cada campanha está indo" },
  inventory: { en: "what is about to run out and what to reorder", es: "qué está por agotarse y qué conviene reponer", pt: "o que está acabando e o que repor" },
  other: { en: "the numbers behind it", es: "los números detrás de eso", pt: "os números por trás disso" },
};

function changeRequest(what: ChangeWhat, subject: string | null, context: AnswerContext): ComposedPart {
  const language = context.language;
  const object = CHANGE_OBJECT[what][language];
  const about = subject === null ? "" : { en: ` (${subject})`, es: ` (${subject})`, pt: ` (${subject})` }[language];
  const text = {
    en: `I can't change ${object} directly${about}: every change needs an approval from someone on your team, so nothing has been changed. Price-change proposals with an approval step are coming.`,
    es: `No puedo cambiar ${object} directamente${about}: todo cambio necesita la aprobación de alguien de tu equipo, así que no se modificó nada. Pronto llegarán las propuestas de cambio de precio con un paso de aprobación.`,
    pt: `Não posso alterar ${object} diretamente${about}: toda mudança precisa da aprovação de alguém da sua equipe, então nada foi alterado. Em breve chegam as propostas de mudança de preço com uma etapa de aprovação.`,
  }[language];
  const offer = CHANGE_OFFER[what][language];
  return { text, suggestion: { en: `Meanwhile, want to see ${offer}?`, es: `Mientras tanto, ¿quieres ver ${offer}?`, pt: `Enquanto isso, quer ver ${offer}?` }[language] };
}

function quoted(term: string | null, language: Language): string {
  if (term === null) return { en: "that name", es: "ese nombre", pt: "esse nome" }[language];
  return language === "en" ? `"${term}"` : `«${term}»`;
}

function clarify(reason: ClarifyReason, options: readonly string[], term: string | null, context: AnswerContext): string {
  const language = context.language;
  const list = listInWords(options.slice(0, 6), language, "or");
  switch (reason) {
    case "metric":
      return { en: "Which number would you like to see? For example net sales, orders, average order value, ad spend or ROAS.", es: "¿Qué número quieres ver? Por ejemplo ventas netas, pedidos, ticket promedio, inversión en anuncios o ROAS.", pt: "Qual número você quer ver? Por exemplo vendas líquidas, pedidos, ticket médio, investimento em anúncios ou ROAS." }[language];
    case "ambiguous_member":
      return options.length === 0
        ? { en: `${quoted(term, language)} matches several things. Which one do you mean?`, es: `${quoted(term, language)} coincide con varias cosas. ¿Cuál quieres decir?`, pt: `${quoted(term, language)} corresponde a várias coisas. Qual você quer dizer?` }[language]
        : { en: `${quoted(term, language)} matches several: ${list}. Which one do you mean?`, es: `${quoted(term, language)} coincide con varios: ${list}. ¿Cuál quieres decir?`, pt: `${quoted(term, language)} corresponde a vários: ${list}. Qual você quer dizer?` }[language];
    case "unknown_member":
      return options.length === 0
        ? { en: `I couldn't find ${quoted(term, language)} in your store. Could you check the name?`, es: `No encontré ${quoted(term, language)} en tu tienda. ¿Puedes revisar el nombre?`, pt: `Não encontrei ${quoted(term, language)} na sua loja. Pode conferir o nome?` }[language]
        : { en: `I couldn't find ${quoted(term, language)} in your store. The closest are ${list}: did you mean one of those?`, es: `No encontré ${quoted(term, language)} en tu tienda. Lo más parecido es ${list}: ¿te refieres a alguno?`, pt: `Não encontrei ${quoted(term, language)} na sua loja. O mais parecido é ${list}: você quis dizer algum desses?` }[language];
    case "range":
      return { en: `I couldn't tell which dates ${term === null ? "you mean" : `"${term}" means`}. Try "yesterday", "last week", "October 2026", "the last 30 days" or "2026-10-01..2026-10-15".`, es: `No entendí qué fechas ${term === null ? "quieres" : `son «${term}»`}. Prueba con "ayer", "la semana pasada", "octubre 2026", "los últimos 30 días" o "2026-10-01..2026-10-15".`, pt: `Não entendi quais datas ${term === null ? "você quer" : `são «${term}»`}. Tente "ontem", "semana passada", "outubro 2026", "últimos 30 dias" ou "2026-10-01..2026-10-15".` }[language];
    case "no_previous":
      return { en: "What should I follow up on? Ask me a full question first, for example: how much did we sell last week?", es: "¿Sobre qué quieres seguir? Hazme primero una pregunta completa, por ejemplo: ¿cuánto vendimos la semana pasada?", pt: "Sobre o que você quer continuar? Faça primeiro uma pergunta completa, por exemplo: quanto vendemos na semana passada?" }[language];
    case "price_product":
      return {
        en: 'Which product should I change, and to what price? For example: "set the basic tee to 24.99" or "apply suggestion 2".',
        es: "¿Qué producto cambio y a qué precio? Por ejemplo: «baja la remera básica a 399» o «aplicá la sugerencia 2».",
        pt: "Qual produto devo mudar e para qual preço? Por exemplo: «muda a camiseta básica para 89,90» ou «aplique a sugestão 2».",
      }[language];
    default:
      return assertNever(reason, "clarify reason");
  }
}

export function supervisorReply(intent: SupervisorIntent, context: AnswerContext): ComposedPart {
  const language = context.language;
  switch (intent.kind) {
    case "greeting":
      return { text: greeting(context), suggestion: null };
    case "help":
      return { text: HELP[language], suggestion: null };
    case "thanks":
      return { text: { en: `You're welcome! Anything else about ${context.workspaceName}?`, es: `¡De nada! ¿Algo más sobre ${context.workspaceName}?`, pt: `De nada! Mais alguma coisa sobre a ${context.workspaceName}?` }[language], suggestion: null };
    case "out_of_scope":
      return {
        text: { en: `I can only help with ${context.workspaceName}'s business data: sales, marketing, inventory and customers.`, es: `Solo puedo ayudarte con los datos del negocio de ${context.workspaceName}: ventas, marketing, inventario y clientes.`, pt: `Só posso ajudar com os dados do negócio da ${context.workspaceName}: vendas, marketing, estoque e clientes.` }[language],
        suggestion: { en: `For example: ${EXAMPLES.en[0]!}`, es: `Por ejemplo: ${EXAMPLES.es[0]!}`, pt: `Por exemplo: ${EXAMPLES.pt[0]!}` }[language],
      };
    case "change_request":
      return changeRequest(intent.what, intent.subject, context);
    case "clarify":
      return { text: clarify(intent.reason, intent.options, intent.term, context), suggestion: null };
    default:
      return assertNever(intent, "supervisor intent");
  }
}
