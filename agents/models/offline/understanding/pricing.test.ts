/**
 * Pricing in English, Spanish and Portuguese: questions for suggestions and for the price-change log,
 * price orders (proposals a person approves), applying a listed suggestion, undoing a change, and
 * what stays elsewhere (competitor comparisons, refused budget orders, clarifications).
 */
import { describe, expect, it } from "vitest";
import { CLOTHING_STORE, SPORTS_STORE, US_STORE } from "./fixtures.ts";
import { run, schemaIssues, summarize, type CaseOptions, type Expected } from "./test-helpers.ts";
import type { PreviousCall } from "./types.ts";

const BR = { context: SPORTS_STORE } as const;
/** The clothing store with a jean in three sizes. */
const CLOTHING_WITH_SIZES = {
  ...CLOTHING_STORE,
  lexicon: { ...CLOTHING_STORE.lexicon, products: CLOTHING_STORE.lexicon.products.map((product) => (product.id === 3 ? { ...product, skus: ["JEAN-SLIM-30", "JEAN-SLIM-32", "JEAN-SLIM-34"] } : product)) },
};
const US = { context: US_STORE } as const;

const SUGGESTIONS: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["¿Qué precios debería ajustar?", {}, { lang: "es", kind: "tool", agent: "commerce_ops", tool: "price_suggestions", args: { view: "all", products: [], category: null, top: 10 } }],
  ["qué precios cambio", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { view: "all" } }],
  ["sugerencias de precio para remeras", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { view: "all", category: "Remeras" } }],
  ["¿dónde estamos caros?", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { view: "overpriced" } }],
  ["¿deberíamos subir precios?", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { view: "underpriced" } }],
  ["qué productos están demasiado baratos vs la competencia", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { view: "underpriced" } }],
  ["top 3 sugerencias de precio de calzado", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { category: "Calzado", top: 3 } }],
  ["where are we overpriced?", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { view: "overpriced" } }],
  ["which products are too expensive vs competitors", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { view: "overpriced" } }],
  ["which products are too cheap compared to competitors?", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { view: "underpriced" } }],
  ["where do we have room to raise prices?", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { view: "underpriced" } }],
  ["pricing suggestions", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { view: "all" } }],
  ["price suggestions for hoodies", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { category: "Hoodies" } }],
  ["onde estamos caros?", BR, { lang: "pt", kind: "tool", tool: "price_suggestions", args: { view: "overpriced" } }],
  ["quais preços devo ajustar?", BR, { lang: "pt", kind: "tool", tool: "price_suggestions", args: { view: "all" } }],
  ["sugestões de preço para tênis corrida pro", BR, { lang: "pt", kind: "tool", tool: "price_suggestions", args: { products: ["Tênis Corrida Pro"] } }],
  ["quais produtos estão abaixo do mercado?", BR, { lang: "pt", kind: "tool", tool: "price_suggestions", args: { view: "underpriced" } }],
];

/** Competitor questions stay competitor_prices, even with a weak "we are expensive". */
const COMPETITORS: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["who undercut us this week?", US, { lang: "en", kind: "tool", tool: "competitor_prices", args: { view: "undercut", range: "this week" } }],
  ["how do our prices compare to Uniqlo?", US, { lang: "en", kind: "tool", tool: "competitor_prices", args: { competitors: ["Uniqlo"] } }],
  ["estamos caros vs la competencia?", {}, { lang: "es", kind: "tool", tool: "competitor_prices", args: { view: "compare" } }],
  ["quién está más barato que nosotros en zapatillas?", {}, { kind: "tool", tool: "competitor_prices", args: { view: "undercut", products: ["Zapatillas Urbanas"] } }],
  ["nossos preços estão acima da concorrência?", BR, { lang: "pt", kind: "tool", tool: "competitor_prices", args: { view: "compare" } }],
  ["competitor price changes this week", US, { lang: "en", kind: "tool", tool: "competitor_prices" }],
];

const CHANGES_LOG: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["what's pending approval?", US, { lang: "en", kind: "tool", agent: "commerce_ops", tool: "price_changes", args: { status: "pending", products: [], top: 10 } }],
  ["price change history", US, { lang: "en", kind: "tool", tool: "price_changes", args: { status: "all" } }],
  ["which price changes were applied?", US, { lang: "en", kind: "tool", tool: "price_changes", args: { status: "applied" } }],
  ["qué cambios de precio están pendientes", {}, { lang: "es", kind: "tool", tool: "price_changes", args: { status: "pending" } }],
  ["historial de cambios de precio", {}, { lang: "es", kind: "tool", tool: "price_changes", args: { status: "all" } }],
  ["cambios de precio de la remera básica", {}, { lang: "es", kind: "tool", tool: "price_changes", args: { products: ["Remera Básica Algodón"] } }],
  ["quais mudanças de preço foram aplicadas?", BR, { lang: "pt", kind: "tool", tool: "price_changes", args: { status: "applied" } }],
  ["tem alguma mudança de preço aguardando aprovação?", BR, { lang: "pt", kind: "tool", tool: "price_changes", args: { status: "pending" } }],
];

const ORDERS: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["baja la remera básica a 399", {}, { lang: "es", kind: "tool", agent: "commerce_ops", tool: "propose_price_change", followUp: false, args: { product: "Remera Básica Algodón", priceCents: 39900, changePct: null, suggestion: null, rank: null } }],
  ["quiero bajar el precio del buzo canguro a 18.500", {}, { lang: "es", kind: "tool", tool: "propose_price_change", args: { product: "Buzo Canguro Gris", priceCents: 1850000 } }],
  ["sube el precio de las zapatillas un 10%", {}, { lang: "es", kind: "tool", tool: "propose_price_change", args: { product: "Zapatillas Urbanas", changePct: 10, priceCents: null } }],
  ["baja el jean slim 5%", {}, { lang: "es", kind: "tool", tool: "propose_price_change", args: { product: "Jean Slim Azul", changePct: -5 } }],
  ["ponele $1.299,90 a la remera básica", {}, { lang: "es", kind: "tool", tool: "propose_price_change", args: { product: "Remera Básica Algodón", priceCents: 129990 } }],
  ["subile 20 mil a las zapatillas urbanas", {}, { lang: "es", kind: "tool", tool: "propose_price_change", args: { product: "Zapatillas Urbanas", priceCents: 2000000 } }],
  ["set Basic Tee to $24.99", US, { lang: "en", kind: "tool", tool: "propose_price_change", args: { product: "Basic Tee", priceCents: 2499 } }],
  ["please lower the price of the everyday hoodie to 39", US, { lang: "en", kind: "tool", tool: "propose_price_change", args: { product: "Everyday Hoodie", priceCents: 3900 } }],
  ["raise the canvas tote 15%", US, { lang: "en", kind: "tool", tool: "propose_price_change", args: { product: "Canvas Tote", changePct: 15 } }],
  ["muda o preço da camiseta para 89,90", BR, { lang: "pt", kind: "tool", tool: "propose_price_change", args: { product: "Camiseta Básica", priceCents: 8990 } }],
  // A variant named by its option: that SKU (variants may have different prices).
  ["baja las medias deportivas pack x3 a 4500", {}, { kind: "tool", tool: "propose_price_change", args: { product: "Medias Deportivas Pack x3", priceCents: 450000 } }],
  ["sube el jean slim 34 a 27000", { context: CLOTHING_WITH_SIZES }, { kind: "tool", tool: "propose_price_change", args: { product: "JEAN-SLIM-34", priceCents: 2700000 } }],
  ["sube el jean slim talle 32 a 27.000", { context: CLOTHING_WITH_SIZES }, { kind: "tool", tool: "propose_price_change", args: { product: "JEAN-SLIM-32", priceCents: 2700000 } }],
  ["sube el jean slim a 27000", { context: CLOTHING_WITH_SIZES }, { kind: "tool", tool: "propose_price_change", args: { product: "Jean Slim Azul", priceCents: 2700000 } }],
  ["muda o preço da garrafa térmica 1L 500ml pra 59,90", BR, { kind: "tool", tool: "propose_price_change", args: { product: "Garrafa Térmica 1L", priceCents: 5990 } }],
  ["abaixa o tênis casual branco em 10%", BR, { lang: "pt", kind: "tool", tool: "propose_price_change", args: { product: "Tênis Casual Branco", changePct: -10 } }],
  // A product but no new price: what the rules suggest for it.
  ["sube el precio de las zapatillas", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { products: ["Zapatillas Urbanas"], view: "all" } }],
  ["lower the basic tee by 5", US, { lang: "en", kind: "tool", tool: "price_suggestions", args: { products: ["Basic Tee"] } }],
  // A whole category: its suggestions, or which of its products.
  ["baja los precios de las remeras", {}, { lang: "es", kind: "tool", tool: "price_suggestions", args: { category: "Remeras", view: "overpriced" } }],
  ["set all tees to 19.99", US, { lang: "en", kind: "clarify", reason: "ambiguous_member", options: ["Basic Tee", "Graphic Tee Sunset"] }],
];

const REMERA: PreviousCall = { tool: "competitor_prices", args: { view: "compare", products: ["Remera Básica Algodón"], category: null, competitors: [], top: 10 }, language: "es" };
const TEE_SALES: PreviousCall = {
  tool: "query_metrics",
  args: { metrics: ["net_sales"], range: { kind: "last", n: 30, unit: "day" }, grain: null, filters: [{ dimension: "product", operator: "in", values: ["Basic Tee"] }], breakdown: null, comparison: null },
  language: "en",
};
const PROPOSED: PreviousCall = { tool: "propose_price_change", args: { product: "Basic Tee", priceCents: 2499, changePct: null, suggestion: null, rank: null, from: null }, language: "en" };
const LIST_ES: PreviousCall = { tool: "price_suggestions", args: { view: "overpriced", products: [], category: "Remeras", top: 10 }, language: "es" };
const LIST_EN: PreviousCall = { tool: "price_suggestions", args: { view: "all", products: [], category: null, top: 10 }, language: "en" };
const LIST_PT: PreviousCall = { tool: "price_suggestions", args: { view: "underpriced", products: [], category: null, top: 5 }, language: "pt" };
const SALES: PreviousCall = { tool: "query_metrics", args: { metrics: ["net_sales"], range: { kind: "previous", unit: "month" }, grain: null, filters: [], breakdown: null, comparison: null }, language: "es" };

const THREAD: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["bájala a 399", { previous: [REMERA] }, { lang: "es", kind: "tool", tool: "propose_price_change", followUp: true, args: { product: "Remera Básica Algodón", priceCents: 39900 } }],
  ["bajala un 10%", { previous: [REMERA] }, { kind: "tool", tool: "propose_price_change", followUp: true, args: { product: "Remera Básica Algodón", changePct: -10 } }],
  ["ponela en 350", { previous: [REMERA] }, { kind: "tool", tool: "propose_price_change", followUp: true, args: { product: "Remera Básica Algodón", priceCents: 35000 } }],
  ["set it to 22", { ...US, previous: [TEE_SALES] }, { lang: "en", kind: "tool", tool: "propose_price_change", followUp: true, args: { product: "Basic Tee", priceCents: 2200 } }],
  ["and make it 23.79", { ...US, previous: [PROPOSED] }, { lang: "en", kind: "tool", tool: "propose_price_change", followUp: true, args: { product: "Basic Tee", priceCents: 2379 } }],
  ["baixa pra 79,90", { ...BR, previous: [{ tool: "inventory_status", args: { view: "days_of_stock", products: ["Camiseta Básica"], category: null, top: 10 }, language: "pt" }] }, { lang: "pt", kind: "tool", tool: "propose_price_change", followUp: true, args: { product: "Camiseta Básica", priceCents: 7990 } }],
  // A follow-up after a proposal refers to the question before it, not to the proposal.
  ["¿y en septiembre?", { previous: [SALES, { ...PROPOSED, language: "es" }] }, { lang: "es", kind: "tool", tool: "query_metrics", followUp: true, args: { range: { kind: "month", month: 9 } } }],
];

const APPLY: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["aplicá la sugerencia 3", { previous: [LIST_ES] }, { lang: "es", kind: "tool", tool: "propose_price_change", followUp: true, args: { rank: 3, from: LIST_ES.args, product: null, suggestion: null } }],
  ["aplicar la 2", { previous: [LIST_ES] }, { kind: "tool", tool: "propose_price_change", args: { rank: 2, from: LIST_ES.args } }],
  ["la segunda por favor", { previous: [LIST_ES] }, { lang: "es", kind: "tool", tool: "propose_price_change", args: { rank: 2, from: LIST_ES.args } }],
  ["aplica la sugerencia 3", {}, { lang: "es", kind: "tool", tool: "propose_price_change", followUp: false, args: { rank: 3, from: null } }],
  ["aplicar sugerencia K7QD", {}, { lang: "es", kind: "tool", tool: "propose_price_change", args: { suggestion: "K7QD", rank: null } }],
  ["apply suggestion 3", { ...US, previous: [LIST_EN] }, { lang: "en", kind: "tool", tool: "propose_price_change", args: { rank: 3, from: LIST_EN.args } }],
  ["do #3", { ...US, previous: [LIST_EN], threadLanguage: "en" }, { kind: "tool", tool: "propose_price_change", args: { rank: 3, from: LIST_EN.args } }],
  ["apply K7QD", US, { lang: "en", kind: "tool", tool: "propose_price_change", args: { suggestion: "K7QD" } }],
  ["apply mnpq", US, { kind: "tool", tool: "propose_price_change", args: { suggestion: "MNPQ" } }],
  ["the 3rd one", { ...US, previous: [LIST_EN] }, { lang: "en", kind: "tool", tool: "propose_price_change", args: { rank: 3 } }],
  ["aplique a sugestão 1", { ...BR, previous: [LIST_PT] }, { lang: "pt", kind: "tool", tool: "propose_price_change", args: { rank: 1, from: LIST_PT.args } }],
  ["aplica a 4K7Q", BR, { lang: "pt", kind: "tool", tool: "propose_price_change", args: { suggestion: "4K7Q" } }],
  // A later list is still the one picked from after a proposal.
  ["y la 4", { previous: [LIST_ES, PROPOSED] }, { kind: "tool", tool: "propose_price_change", args: { rank: 4, from: LIST_ES.args } }],
];

const UNDO: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["undo 4F2K", US, { lang: "en", kind: "tool", agent: "commerce_ops", tool: "undo_price_change", args: { code: "4F2K" } }],
  ["please revert 4f2k", US, { lang: "en", kind: "tool", tool: "undo_price_change", args: { code: "4F2K" } }],
  ["deshacer 4F2K", {}, { lang: "es", kind: "tool", tool: "undo_price_change", args: { code: "4F2K" } }],
  ["deshacé el cambio 4F2K", {}, { lang: "es", kind: "tool", tool: "undo_price_change", args: { code: "4F2K" } }],
  ["revertir 4F2K", {}, { lang: "es", kind: "tool", tool: "undo_price_change", args: { code: "4F2K" } }],
  ["desfazer 4F2K", BR, { lang: "pt", kind: "tool", tool: "undo_price_change", args: { code: "4F2K" } }],
  ["reverter 4F2K", BR, { lang: "pt", kind: "tool", tool: "undo_price_change", args: { code: "4F2K" } }],
  // No code: the applied changes, to pick from.
  ["undo that", US, { lang: "en", kind: "tool", tool: "price_changes", args: { status: "applied" } }],
  ["deshacer el último cambio", {}, { lang: "es", kind: "tool", tool: "price_changes", args: { status: "applied" } }],
];

const ELSEWHERE: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  // No product and no suggestion: ask, never guess.
  ["bájala a 399", {}, { kind: "clarify", reason: "price_product" }],
  ["set it to 20", US, { lang: "en", kind: "clarify", reason: "price_product" }],
  ["sobe pra 59,90", BR, { lang: "pt", kind: "clarify", reason: "price_product" }],
  // Unknown and ambiguous products: the usual member clarifications.
  ["baja la pollera plisada a 399", {}, { kind: "clarify", reason: "unknown_member" }],
  ["baja la remera a 399", {}, { kind: "clarify", reason: "ambiguous_member", options: ["Remera Básica Algodón", "Remera Estampada Rock"] }],
  ["muda o preço do tênis para 199", BR, { kind: "clarify", reason: "ambiguous_member" }],
  // Budget, campaign and stock orders stay refused.
  ["aumenta el presupuesto de Meta a 5000", {}, { kind: "change_request", what: "budget" }],
  ["lower the google budget by 20%", US, { kind: "change_request", what: "budget" }],
  ["cambia el stock del jean slim a 50", {}, { kind: "change_request", what: "inventory" }],
  ["pause the Holiday Prospecting campaign", US, { kind: "change_request", what: "campaign" }],
  // Not orders: data questions that share a word with them.
  ["why did sales drop last week?", US, { kind: "tool", tool: "explain_anomalies" }],
  ["aplicar esta", {}, { kind: "clarify", reason: "metric" }],
  ["hace 3 días vendimos más?", {}, { kind: "tool", tool: "query_metrics" }],
  ["la 2", {}, { kind: "clarify" }],
  // A price is not a code.
  ["3999", { previous: [LIST_ES] }, { kind: "clarify" }],
  ["apply 2499", US, { kind: "clarify" }],
];

function check(text: string, options: CaseOptions, expected: Expected): void {
  const understanding = run(text, options);
  expect(summarize(understanding)).toMatchObject(expected);
  expect(schemaIssues(understanding)).toEqual([]);
}

describe("price suggestions", () => it.each(SUGGESTIONS)("%s", check));
describe("competitor comparisons stay competitor_prices", () => it.each(COMPETITORS)("%s", check));
describe("the price-change log", () => it.each(CHANGES_LOG)("%s", check));
describe("price orders are proposals", () => it.each(ORDERS)("%s", check));
describe("price orders about the thread's product", () => it.each(THREAD)("%s", check));
describe("applying a listed suggestion", () => it.each(APPLY)("%s", check));
describe("undoing an applied change", () => it.each(UNDO)("%s", check));
describe("what is not a price proposal", () => it.each(ELSEWHERE)("%s", check));
