/** Greetings, help, refusals, clarifications, follow-ups, language detection and a second workspace. */
import { describe, expect, it } from "vitest";
import { SPORTS_STORE } from "./fixtures.ts";
import { run, schemaIssues, summarize, type CaseOptions, type Expected } from "./test-helpers.ts";
import type { PreviousCall } from "./types.ts";

const SOCIAL: ReadonlyArray<readonly [string, Expected]> = [
  ["hola", { lang: "es", kind: "greeting" }],
  ["hi there", { lang: "en", kind: "greeting" }],
  ["oi, bom dia!", { lang: "pt", kind: "greeting" }],
  ["buenas!", { lang: "es", kind: "greeting" }],
  ["gracias!", { lang: "es", kind: "thanks" }],
  ["thanks a lot", { lang: "en", kind: "thanks" }],
  ["valeu", { lang: "pt", kind: "thanks" }],
  ["what can you do?", { lang: "en", kind: "help" }],
  ["ayuda", { lang: "es", kind: "help" }],
  ["o que você faz?", { lang: "pt", kind: "help" }],
  ["eae, blz? o que vc faz exatamente?", { lang: "pt", kind: "help" }],
  ["me indica um remédio pra dor de cabeça", { lang: "pt", kind: "out_of_scope" }],
  ["qué tiempo hace mañana en Buenos Aires?", { lang: "es", kind: "out_of_scope" }],
  ["tell me a joke", { lang: "en", kind: "out_of_scope" }],
  ["quem ganhou o jogo do flamengo?", { lang: "pt", kind: "out_of_scope" }],
  ["write me python code to sort a list", { lang: "en", kind: "out_of_scope" }],
  ["pasame una receta de empanadas", { lang: "es", kind: "out_of_scope" }],
  ["hola, cuánto vendimos ayer?", { lang: "es", kind: "tool", tool: "query_metrics", args: { range: { kind: "yesterday" } } }],
];

/** Orders to change something other than a price are refused (price orders are proposals: pricing.test.ts). */
const CHANGES: ReadonlyArray<readonly [string, Expected]> = [
  ["pause the Search Marca campaign", { lang: "en", kind: "change_request", what: "campaign", subject: "Search Marca" }],
  ["aumenta el presupuesto de Meta", { kind: "change_request", what: "budget", subject: null }],
  ["cambia el stock del jean slim a 50", { kind: "change_request", what: "inventory", subject: "Jean Slim Azul" }],
  ["pausa a campanha Retargeting Carrito", { kind: "change_request", what: "campaign", subject: "Retargeting Carrito" }],
  ["sube el presupuesto de la campaña Hot Sale a 5000", { kind: "change_request", what: "budget", subject: "Hot Sale 2026 - Prospecting" }],
  ["quita el descuento de la remera básica", { kind: "change_request", what: "price", subject: "Remera Básica Algodón" }],
];

const CLARIFY: ReadonlyArray<readonly [string, Expected]> = [
  ["números?", { kind: "clarify", reason: "metric" }],
  ["dame los datos", { lang: "es", kind: "clarify", reason: "metric" }],
  ["¿y en septiembre?", { lang: "es", kind: "clarify", reason: "no_previous" }],
  ["and by category?", { lang: "en", kind: "clarify", reason: "no_previous" }],
  ["ventas del 15/10", { kind: "clarify", reason: "range" }],
  ["ventas del 31 de febrero de 2026", { kind: "clarify", reason: "range" }],
  ["ventas de remeras", { kind: "tool", args: { filters: [{ dimension: "category", values: ["Remeras"] }] } }],
  ["cuánto vendimos del producto pollera plisada", { kind: "clarify", reason: "unknown_member" }],
];

const PREV_SALES: PreviousCall = { tool: "query_metrics", args: { metrics: ["net_sales"], range: { kind: "previous", unit: "month" }, grain: null, filters: [], breakdown: null, comparison: null }, language: "es" };
const PREV_TOP: PreviousCall = {
  tool: "query_metrics",
  args: { metrics: ["units", "net_sales"], range: { kind: "this", unit: "month" }, grain: null, filters: [], breakdown: { dimension: "product", top: 10, direction: "desc", sortBy: "units" }, comparison: null },
  language: "en",
};
const PREV_ADS: PreviousCall = { tool: "marketing_performance", args: { range: "last 30 days", by: "platform", platforms: [], campaigns: [], comparison: null, top: 10 }, language: "pt" };
const PREV_STOCK: PreviousCall = { tool: "inventory_status", args: { view: "stockout_risk", horizonDays: 14, products: [], category: null, top: 10 }, language: "es" };

const FOLLOW_UPS: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["¿y en septiembre?", { previous: [PREV_SALES] }, { lang: "es", kind: "tool", tool: "query_metrics", followUp: true, args: { metrics: ["net_sales"], range: { kind: "month", month: 9 } } }],
  ["and in September?", { previous: [PREV_SALES] }, { lang: "en", kind: "tool", followUp: true, args: { range: { kind: "month", month: 9 } } }],
  ["e em setembro?", { previous: [PREV_SALES] }, { lang: "pt", kind: "tool", followUp: true, args: { range: { kind: "month", month: 9 } } }],
  ["y por canal?", { previous: [PREV_SALES] }, { lang: "es", kind: "tool", followUp: true, args: { range: { kind: "previous", unit: "month" }, breakdown: { dimension: "source_channel" } } }],
  ["and by category", { previous: [PREV_SALES] }, { lang: "en", kind: "tool", followUp: true, args: { breakdown: { dimension: "category" } } }],
  ["solo Instagram", { previous: [PREV_SALES] }, { kind: "tool", followUp: true, args: { filters: [{ dimension: "source_channel", values: ["instagram"] }], range: { kind: "previous", unit: "month" } } }],
  ["only mexico", { previous: [PREV_SALES] }, { lang: "en", kind: "tool", followUp: true, args: { filters: [{ dimension: "country", values: ["MX"] }] } }],
  ["vs last year", { previous: [PREV_SALES] }, { kind: "tool", followUp: true, args: { comparison: "last_year", range: { kind: "previous", unit: "month" } } }],
  ["¿y el año pasado?", { previous: [PREV_SALES] }, { lang: "es", kind: "tool", followUp: true, args: { comparison: "last_year", range: { kind: "previous", unit: "month" } } }],
  ["top 3", { previous: [PREV_TOP], threadLanguage: "en" }, { lang: "en", kind: "tool", followUp: true, args: { breakdown: { dimension: "product", top: 3, sortBy: "units" } } }],
  ["and the worst ones?", { previous: [PREV_TOP] }, { lang: "en", kind: "tool", followUp: true, args: { breakdown: { dimension: "product", direction: "asc" } } }],
  ["what about orders?", { previous: [PREV_SALES] }, { lang: "en", kind: "tool", followUp: true, args: { metrics: ["orders"], range: { kind: "previous", unit: "month" } } }],
  ["¿y los pedidos?", { previous: [PREV_SALES] }, { lang: "es", kind: "tool", followUp: true, args: { metrics: ["orders"] } }],
  ["Q3?", { previous: [PREV_SALES], threadLanguage: "pt" }, { lang: "pt", kind: "tool", followUp: true, args: { range: { kind: "quarter", quarter: 3 } } }],
  ["por día", { previous: [PREV_SALES] }, { kind: "tool", followUp: true, args: { grain: "day" } }],
  ["¿por qué?", { previous: [PREV_SALES] }, { kind: "tool", tool: "explain_anomalies", followUp: true, args: { metric: "net_sales" } }],
  ["e só o google?", { previous: [PREV_ADS] }, { lang: "pt", kind: "tool", tool: "marketing_performance", followUp: true, args: { platforms: ["google"] } }],
  ["e por campanha?", { previous: [PREV_ADS] }, { lang: "pt", kind: "tool", tool: "marketing_performance", followUp: true, args: { by: "campaign" } }],
  ["y de la categoría calzado?", { previous: [PREV_STOCK] }, { kind: "tool", tool: "inventory_status", followUp: true, args: { category: "Calzado", horizonDays: 14 } }],
  ["how much did we sell in September?", { previous: [PREV_TOP] }, { lang: "en", kind: "tool", followUp: false, args: { breakdown: null, range: { kind: "month", month: 9 } } }],
  ["qué productos se van a agotar?", { previous: [PREV_SALES] }, { kind: "tool", tool: "inventory_status", followUp: false }],
];

const LANGUAGE: ReadonlyArray<readonly [string, CaseOptions, string]> = [
  ["cuanto vendimos ayer", {}, "es"],
  ["qual foi o roas do meta", {}, "pt"],
  ["top productos last month", {}, "es"],
  ["top products last month", {}, "en"],
  ["vendemos mais este mês?", {}, "pt"],
  ["vendimos más este mes?", {}, "es"],
  ["semana passada", {}, "pt"],
  ["semana pasada", {}, "es"],
  ["você pode me mostrar as vendas?", {}, "pt"],
  ["ok", { threadLanguage: "pt" }, "pt"],
  ["ROAS?", { threadLanguage: "en" }, "en"],
  ["não vendemos nada hoje?", {}, "pt"],
  ["las ventas de ayer please", {}, "es"],
  ["show me las ventas", {}, "es"],
  ["sales yesterday", { threadLanguage: "es" }, "en"],
  ["promoções de novembro", {}, "pt"],
];

const SECOND_STORE: ReadonlyArray<readonly [string, Expected]> = [
  ["quanto vendemos da camiseta básica em fevereiro?", { lang: "pt", kind: "tool", tool: "query_metrics", args: { filters: [{ dimension: "product", values: ["Camiseta Básica"] }], range: { kind: "month", month: 2 } } }],
  ["vendas de tênis corrida ontem", { lang: "pt", kind: "tool", args: { filters: [{ dimension: "product", values: ["Tênis Corrida Pro"] }], range: { kind: "yesterday" } } }],
  ["vendas de tênis", { kind: "clarify", reason: "ambiguous_member", options: ["Tênis Corrida Pro", "Tênis Casual Branco"] }],
  ["vendas de calçados por produto", { kind: "tool", args: { filters: [{ dimension: "category", values: ["Calçados"] }], breakdown: { dimension: "product" } } }],
  ["vendas pelo whatsapp", { kind: "tool", args: { filters: [{ dimension: "source_channel", values: ["whatsapp"] }] } }],
  ["preços da Netshoes", { kind: "tool", tool: "competitor_prices", args: { competitors: ["Netshoes"] } }],
  ["como está a campanha volta às aulas?", { kind: "tool", tool: "marketing_performance", args: { campaigns: ["Volta às Aulas"] } }],
  ["vendas em São Paulo", { kind: "tool", args: { filters: [{ dimension: "city", values: ["São Paulo"] }] } }],
  ["a garrafa térmica vai acabar?", { kind: "tool", tool: "inventory_status", args: { products: ["Garrafa Térmica 1L"] } }],
  ["vendas no último Black Friday", { kind: "tool", args: { range: { kind: "between", start: "2025-11-28", end: "2025-11-28" } } }],
  ["ventas del remera básica", { kind: "clarify", reason: "unknown_member" }],
];

describe("social turns", () => {
  it.each(SOCIAL)("%s", (text, expected) => expect(summarize(run(text))).toMatchObject(expected));
});

describe("change requests other than prices are recognised (and refused by the supervisor)", () => {
  it.each(CHANGES)("%s", (text, expected) => expect(summarize(run(text))).toMatchObject(expected));
});

describe("clarifications", () => {
  it.each(CLARIFY)("%s", (text, expected) => expect(summarize(run(text))).toMatchObject(expected));
});

describe("follow-ups", () => {
  it.each(FOLLOW_UPS)("%s", (text, options, expected) => {
    const understanding = run(text, options);
    expect(summarize(understanding)).toMatchObject(expected);
    expect(schemaIssues(understanding)).toEqual([]);
  });
});

describe("language detection", () => {
  it.each(LANGUAGE)("%s", (text, options, language) => expect(run(text, options).language).toBe(language));
});

describe("a second workspace (Brazilian sports store)", () => {
  it.each(SECOND_STORE)("%s", (text, expected) => {
    const understanding = run(text, { context: SPORTS_STORE });
    expect(summarize(understanding)).toMatchObject(expected);
    expect(schemaIssues(understanding)).toEqual([]);
  });
});
