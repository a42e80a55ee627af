/**
 * General reading rules: function words are never members, intent vocabulary only names a member
 * with the rest of its name, longest phrase first across metrics and dimensions, abbreviations,
 * contracted time words, language of short English messages, and the tie-breaks of rankings.
 */
import { describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import { CLOTHING_STORE } from "./fixtures.ts";
import { understand } from "./index.ts";
import { readMessage } from "./index.ts";
import { run, schemaIssues, summarize, type Expected } from "./test-helpers.ts";

/** The clothing store with the names that tripped the old matcher: a WhatsApp channel, "Top …" products, new/returning attributes. */
const STORE: WorkspaceContext = {
  ...CLOTHING_STORE,
  workspace: { ...CLOTHING_STORE.workspace, locale: "es" },
  lexicon: {
    ...CLOTHING_STORE.lexicon,
    products: [
      ...CLOTHING_STORE.lexicon.products,
      { id: 8, title: "Top tejido cuello redondo Negro", category: "Tops", skus: ["TOP-1"] },
      { id: 9, title: "Top tejido Norte Studio Blanco", category: "Tops", skus: ["TOP-2"] },
    ],
    categories: [...CLOTHING_STORE.lexicon.categories, "Tops"],
    channels: ["online_store", "instagram", "whatsapp"],
    countries: ["AR"],
    attributes: { ...CLOTHING_STORE.lexicon.attributes, customer_type: ["new", "returning"] },
  },
};

const CASES: ReadonlyArray<readonly [string, Expected]> = [
  // Function words never name a member ("what"/"whats" is not WhatsApp).
  ["what were net sales last month", { lang: "en", kind: "tool", args: { metrics: ["net_sales"], filters: [] } }],
  ["whats our gross margin ytd", { lang: "en", kind: "tool", args: { metrics: ["gross_margin"], filters: [] } }],
  ["ventas por whatsapp", { kind: "tool", args: { filters: [{ dimension: "source_channel", values: ["whatsapp"] }] } }],
  ["ventas por whats este mes", { kind: "tool", args: { filters: [{ dimension: "source_channel", values: ["whatsapp"] }] } }],
  // "top" next to a number is a ranking, not the "Top tejido…" products.
  ["top 5 products last month", { lang: "en", kind: "tool", args: { breakdown: { dimension: "product", top: 5 }, filters: [] } }],
  ["top productos del mes pasado", { kind: "tool", args: { breakdown: { dimension: "product" }, filters: [] } }],
  ["top cities last quarter", { kind: "tool", args: { breakdown: { dimension: "city" }, filters: [] } }],
  ["unidades del top tejido norte studio blanco", { kind: "tool", args: { filters: [{ dimension: "product", values: ["Top tejido Norte Studio Blanco"] }] } }],
  // Longest phrase first: metric phrases over their words and over attribute values, dimension phrases over metric words.
  ["new customers last month", { lang: "en", kind: "tool", args: { metrics: ["new_customers"], filters: [] } }],
  ["avg order value in october", { lang: "en", kind: "tool", args: { metrics: ["aov"] } }],
  ["rev last week", { lang: "en", kind: "tool", args: { metrics: ["net_sales"] } }],
  ["orders by sales channel this week", { lang: "en", kind: "tool", args: { metrics: ["orders"], breakdown: { dimension: "source_channel" } } }],
  ["ventas nuevos vs recurrentes en octubre", { kind: "tool", args: { metrics: ["net_sales"], breakdown: { dimension: "customer_type" }, range: { kind: "month", month: 10 } } }],
  // Rankings and splits with no metric rank by net sales; units only when named.
  ["los 5 productos más vendidos", { kind: "tool", args: { metrics: ["net_sales"], breakdown: { dimension: "product", top: 5 } } }],
  ["top 10 productos por unidades", { kind: "tool", args: { metrics: ["units"], breakdown: { dimension: "product", top: 10 } } }],
  ["top 3 remeras", { kind: "tool", args: { breakdown: { dimension: "product", top: 3 }, filters: [{ dimension: "category", values: ["Remeras"] }] } }],
  // Contracted and implicit time words.
  ["faturamento desse mes", { lang: "pt", kind: "tool", args: { range: { kind: "this", unit: "month" } } }],
  ["margem bruta do ano", { lang: "pt", kind: "tool", args: { range: { kind: "this", unit: "year" } } }],
  ["compare this year's revenue with last year", { lang: "en", kind: "tool", args: { range: { kind: "this", unit: "year" }, comparison: "last_year" } }],
  ["estamos vendendo mais ou menos que no mes passado?", { lang: "pt", kind: "tool", args: { metrics: ["net_sales"], range: { kind: "this", unit: "month" }, comparison: "previous" } }],
  ["are we up or down this month vs last?", { lang: "en", kind: "tool", args: { metrics: ["net_sales"], range: { kind: "this", unit: "month" }, comparison: "previous" } }],
  // A filter on every value a workspace has narrows nothing.
  ["ventas de ayer en argentina", { kind: "tool", args: { filters: [] } }],
  // Future horizon + metric is a forecast; a budget with a moving verb is a reallocation.
  ["how many orders should we expect next 2 weeks", { lang: "en", kind: "tool", tool: "forecast_metric", args: { metric: "orders", horizonDays: 14 } }],
  ["como reparto el presupuesto entre meta y google", { kind: "tool", tool: "budget_reallocation", args: { by: "platform" } }],
  ["CAC this month", { lang: "en", kind: "tool", tool: "marketing_performance", agent: "marketing" }],
];

describe("general reading rules", () => {
  it.each(CASES)("%s", (text, expected) => {
    const understanding = understand({ text, context: STORE, previous: [], threadLanguage: null });
    expect(summarize(understanding)).toMatchObject(expected);
    expect(schemaIssues(understanding)).toEqual([]);
  });
});

describe("members need real evidence", () => {
  it("never matches a function word, even as a plural of an alias", () => {
    expect(readMessage("what can you do", STORE).members.matches).toEqual([]);
  });
  it("asks which product when a category is named in the singular after an article", () => {
    expect(summarize(run("cuánto vendimos de la remera"))).toMatchObject({ kind: "clarify", reason: "ambiguous_member" });
    expect(summarize(run("ventas de remeras"))).toMatchObject({ kind: "tool", args: { filters: [{ dimension: "category", values: ["Remeras"] }] } });
  });
  it("asks which product when a price order names a category in the singular", () => {
    expect(summarize(run("baja la remera a 399"))).toMatchObject({ kind: "clarify", reason: "ambiguous_member", options: ["Remera Básica Algodón", "Remera Estampada Rock"] });
  });
});

describe("language of short messages", () => {
  it.each(["gross profit q3", "help", "rfm segments", "traffic by source"])("%s is English even in a Spanish store", (text) => {
    expect(understand({ text, context: STORE, previous: [], threadLanguage: null }).language).toBe("en");
  });
  it.each([["taxa de recompra ultimos 90 dias", "pt"], ["quien nos esta bajando precios esta semana", "es"]] as const)("%s", (text, language) => {
    expect(understand({ text, context: STORE, previous: [], threadLanguage: null }).language).toBe(language);
  });
});

describe("colloquial change verbs: budget orders are refused, price orders are proposals", () => {
  it.each([
    ["cut the google budget in half", "budget"],
    ["tira 500 do orçamento do google e joga no meta", "budget"],
    ["quita el descuento de la remera básica", "price"],
  ] as const)("%s", (text, what) => {
    expect(summarize(run(text, { context: STORE }))).toMatchObject({ kind: "change_request", what });
  });

  it.each([
    ["bump prices on jeans by 10%", { kind: "tool", tool: "propose_price_change", args: { product: "Jean Slim Azul", changePct: 10 } }],
    ["sobe o preço da remera pra 59,90", { kind: "clarify", reason: "ambiguous_member" }],
  ] as const)("%s", (text, expected) => {
    expect(summarize(run(text, { context: STORE }))).toMatchObject(expected);
  });

  it("a verb that also describes data is not a change when it is not an order: why did sales drop", () => {
    expect(summarize(run("why did sales drop last week?", { context: STORE }))).toMatchObject({ kind: "tool", tool: "explain_anomalies" });
  });
});
