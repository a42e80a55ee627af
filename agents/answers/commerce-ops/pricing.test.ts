/** The price_suggestions answers in en/es/pt from hand-made outcomes; every figure must pass the number checker. */
import { describe, expect, it } from "vitest";
import type { PriceSuggestionData, PriceSuggestionsData } from "../../../tools/commerce-ops/pricing-data.ts";
import { toolError } from "../../../tools/tool-outcome.ts";
import type { Language } from "../../shared/language.ts";
import { commerceComposers } from "../commerce-ops.ts";
import { checkNumbers } from "../number-check.ts";
import { answerContext, call } from "../test-support.ts";
import type { AnswerContext, ComposedPart, ToolCallRecord } from "../types.ts";

/** Each language with a currency of its region: es-AR pesos, en-US dollars, pt-BR reais. */
const CURRENCY: Readonly<Record<Language, string>> = { es: "ARS", en: "USD", pt: "BRL" };
const LANGUAGES = ["es", "en", "pt"] as const;

function contextFor(language: Language): AnswerContext {
  return answerContext(language, CURRENCY[language]);
}

/** Composes the record and checks that every number in the text comes from it. */
function composed(record: ToolCallRecord, context: AnswerContext): ComposedPart {
  const part = commerceComposers[record.name as "price_suggestions"](record, context);
  const check = checkNumbers(`${part.text}\n${part.suggestion ?? ""}`, [record], context);
  expect(check.unsupported, part.text).toEqual([]);
  return part;
}

const MATCH: PriceSuggestionData = {
  code: "K7QD", rank: 1, productId: 10, variantId: 11, variantIds: [11], title: "Remera básica", sku: "RB-01", category: "Remeras",
  currentPriceCents: 44900, suggestedPriceCents: 39900, targetPriceCents: 39900, changePct: -0.111359, direction: "down",
  rule: { strategy: "match_lowest", percent: null, amountCents: null, marginPct: null, scope: "workspace" },
  lowestCompetitorCents: 39900, averageCompetitorCents: 42500,
  competitors: [{ competitor: "Tienda X", priceCents: 39900, observedDate: "2026-11-09" }, { competitor: "Tienda Y", priceCents: 45100, observedDate: "2026-11-08" }],
  ignoredCompetitors: [{ competitor: "Outlet Z", priceCents: 25000, reason: "out_of_stock" }],
  marginBefore: 0.52, marginAfter: 0.46, constraints: [],
  expected: { windowDays: 30, unitsPerDayBefore: 3.2, unitsPerDayAfter: 4.1, revenue30dBeforeCents: 4_310_000, revenue30dAfterCents: 4_910_000, grossProfit30dBeforeCents: 2_240_000, grossProfit30dAfterCents: 2_260_000 },
  elasticity: { value: -1.6, confidence: "medium", source: "history" },
};

/** Capped by the daily limit, costs withheld, elasticity from the category prior, a category rule. */
const CAPPED: PriceSuggestionData = {
  ...MATCH, code: "P2WM", rank: 2, productId: 20, variantId: 21, title: "Buzo canguro", sku: null, category: "Buzos",
  currentPriceCents: 2_000_000, suggestedPriceCents: 1_800_000, targetPriceCents: 1_710_000, changePct: -0.1,
  rule: { strategy: "beat_lowest", percent: 5, amountCents: null, marginPct: null, scope: "category" },
  lowestCompetitorCents: 1_800_000, averageCompetitorCents: 1_800_000,
  competitors: [{ competitor: "Tienda X", priceCents: 1_800_000, observedDate: "2026-11-09" }], ignoredCompetitors: [],
  marginBefore: null, marginAfter: null, constraints: [{ kind: "daily_cap", priceCents: 1_800_000 }],
  expected: { windowDays: 30, unitsPerDayBefore: 0.42, unitsPerDayAfter: 0.55, revenue30dBeforeCents: 25_200_000, revenue30dAfterCents: 29_700_000, grossProfit30dBeforeCents: null, grossProfit30dAfterCents: null },
  elasticity: { value: -2.1, confidence: "low", source: "prior" },
};

/** A raise held at the ceiling and rounded, keeping a margin. */
const RAISE: PriceSuggestionData = {
  ...MATCH, code: "R8TN", rank: 1, productId: 30, variantId: 31, title: "Gorra lisa", category: "Accesorios",
  currentPriceCents: 15000, suggestedPriceCents: 17900, targetPriceCents: 18400, changePct: 0.193333, direction: "up",
  rule: { strategy: "hold_margin", percent: null, amountCents: null, marginPct: 40, scope: "product" },
  lowestCompetitorCents: null, averageCompetitorCents: null, competitors: [], ignoredCompetitors: [],
  marginBefore: 0.3, marginAfter: 0.41, constraints: [{ kind: "ceiling", priceCents: 18000 }, { kind: "rounding", priceCents: 17900 }],
  expected: { windowDays: 30, unitsPerDayBefore: 2, unitsPerDayAfter: 1.8, revenue30dBeforeCents: 900_000, revenue30dAfterCents: 966_600, grossProfit30dBeforeCents: 270_000, grossProfit30dAfterCents: 396_300 },
  elasticity: { value: -0.9, confidence: "high", source: "blend" },
};

function suggestions(language: Language, parts: Partial<PriceSuggestionsData>): ToolCallRecord {
  const data: PriceSuggestionsData = { view: "all", category: null, currency: CURRENCY[language], considered: 120, total: 2, suggestions: [MATCH, CAPPED], skipped: [], ...parts };
  return call("price_suggestions", { view: data.view }, data, []);
}

describe("price_suggestions answers", () => {
  const expected: Readonly<Record<Language, readonly string[]>> = {
    es: [
      "Sugiero ajustar *2 precios* (revisé 120 productos):",
      "1. *Remera básica* — $ 449 → *$ 399* (−11,1%) · código K7QD",
      "Regla: igualar al más barato (Tienda X $ 399, Tienda Y $ 451; promedio $ 425; sin contar Outlet Z $ 250, sin stock).",
      "Margen 52% → 46%.",
      "Ventas esperadas: 3,2 → 4,1 u/día; ingresos/mes $ 43.100 → $ 49.100; ganancia bruta/mes $ 22.400 → $ 22.600 (elasticidad −1,6 según las ventas de la tienda, confianza media).",
      "2. *Buzo canguro* — $ 20.000 → *$ 18.000* (−10,0%) · código P2WM",
      "Regla: quedar 5% por debajo del más barato, regla de la categoría Buzos (Tienda X $ 18.000). Tope de cambio diario: hoy hasta $ 18.000; objetivo $ 17.100.",
      "0,42 → 0,55 u/día",
      "elasticidad −2,1: es el valor típico de la categoría, no el historial de la tienda, así que confianza baja",
      "Para aplicar una: «aplicar la sugerencia 1» o «aplicar K7QD»; cada cambio se aprueba antes de tocar la tienda.",
    ],
    en: [
      "I suggest adjusting *2 prices* (120 products checked):",
      "1. *Remera básica* — $449 → *$399* (−11.1%) · code K7QD",
      "Rule: match the lowest competitor (Tienda X $399, Tienda Y $451; average $425; not counting Outlet Z $250, out of stock).",
      "Margin 52% → 46%.",
      "Expected: 3.2 → 4.1 units/day; revenue/month $43,100 → $49,100; gross profit/month $22,400 → $22,600 (elasticity −1.6 from this store's sales, medium confidence).",
      "Rule: beat the lowest competitor by 5%, the Buzos category's rule (Tienda X $18,000). Daily change cap: up to $18,000 today; target $17,100.",
      "elasticity −2.1 is the category's typical value, not this store's history, so low confidence",
      "To apply one: “apply suggestion 1” or “apply K7QD”; every change is approved before it touches the store.",
    ],
    pt: [
      "Sugiro ajustar *2 preços* (verifiquei 120 produtos):",
      "1. *Remera básica* — R$ 449 → *R$ 399* (−11,1%) · código K7QD",
      "Regra: igualar o mais barato (Tienda X R$ 399, Tienda Y R$ 451; média R$ 425; sem contar Outlet Z R$ 250, sem estoque).",
      "Vendas esperadas: 3,2 → 4,1 un./dia; receita/mês R$ 43.100 → R$ 49.100; lucro bruto/mês R$ 22.400 → R$ 22.600",
      "Limite de mudança diária: hoje até R$ 18.000; alvo R$ 17.100.",
      "elasticidade −2,1: é o valor típico da categoria, não o histórico da loja, então confiança baixa",
      "Para aplicar uma: «aplicar a sugestão 1» ou «aplicar K7QD»; cada mudança é aprovada antes de mexer na loja.",
    ],
  };

  it.each(LANGUAGES)("list the ranked suggestions with rule, limits, margins and expected sales (%s)", (language) => {
    const part = composed(suggestions(language, {}), contextFor(language));
    for (const line of expected[language]) expect(part.text).toContain(line);
  });

  it.each(LANGUAGES)("leave margins and profit out when costs are withheld (%s)", (language) => {
    const part = composed(suggestions(language, { suggestions: [CAPPED], total: 1 }), contextFor(language));
    expect(part.text).not.toMatch(/Margen|Margin|Margem|ganancia|profit|lucro/);
    expect(part.text).toContain({ es: "*1 precio*", en: "*1 price*", pt: "*1 preço*" }[language]);
  });

  it.each(LANGUAGES)("say when a ceiling and rounding moved a raise, and the margin the rule keeps (%s)", (language) => {
    const part = composed(suggestions(language, { view: "underpriced", category: "Accesorios", suggestions: [RAISE], total: 4 }), contextFor(language));
    const lines = {
      es: ["Hay margen para subir el precio de *4 productos* en Accesorios (revisé 120; muestro el primero):", "(+19,3%)", "Regla: mantener un margen de 40%, regla propia del producto.", "No supera el precio máximo ($ 180); redondeado a $ 179.", "confianza alta"],
      en: ["There is room to raise the price of *4 products* in Accesorios (120 checked; showing the top one):", "(+19.3%)", "Rule: keep a 40% margin, this product's own rule.", "Held at the price ceiling ($180); rounded to $179.", "high confidence"],
      pt: ["Há espaço para subir o preço de *4 produtos* em Accesorios (verifiquei 120; mostro o primeiro):", "(+19,3%)", "Regra: manter uma margem de 40%, regra própria do produto.", "Não passa do preço máximo (R$ 180); arredondado para R$ 179.", "confiança alta"],
    }[language];
    for (const line of lines) expect(part.text).toContain(line);
  });

  it.each(LANGUAGES)("say nothing is suggested and the main reasons why (%s)", (language) => {
    const skipped = [
      { title: "Gorra", reason: "no_competitors" },
      { title: "Jean recto", reason: "in_cool_down" },
      { title: "Medias x3", reason: "no_competitors" },
      { title: "Campera", reason: "already_positioned" },
    ] as const;
    const part = composed(suggestions(language, { view: "overpriced", suggestions: [], total: 0, skipped }), contextFor(language));
    const text = {
      es: "No estamos caros en ningún producto según las reglas (revisé 120 productos).\nPor qué no: sin precios de competidores (Gorra, Medias x3); cambiaron hace poco y están en período de espera (Jean recto); ya bien posicionados (Campera).",
      en: "We aren't overpriced anywhere by our rules (120 products checked).\nWhy not: no competitor prices (Gorra, Medias x3); changed recently, waiting out the cool-down (Jean recto); already well positioned (Campera).",
      pt: "Não estamos caros em nenhum produto pelas regras (verifiquei 120 produtos).\nPor que não: sem preços de concorrentes (Gorra, Medias x3); mudaram há pouco e estão no período de espera (Jean recto); já bem posicionados (Campera).",
    }[language];
    expect(part.text).toBe(text);
    expect(part.suggestion).not.toBeNull();
  });

  it("say plainly there is nothing to change when nothing was skipped either", () => {
    const part = composed(suggestions("es", { suggestions: [], total: 0, considered: 8 }), contextFor("es"));
    expect(part.text).toBe("No sugiero cambios de precio por ahora (revisé 8 productos).");
  });

  it.each(LANGUAGES)("explain missing competitor prices and pass other failures to the shared wording (%s)", (language) => {
    const context = contextFor(language);
    const missing = composed({ name: "price_suggestions", args: {}, outcome: toolError("price_suggestions", "no_data", "no competitor prices") }, context);
    expect(missing.text).toMatch({ es: /precios de competidores/, en: /competitor prices/, pt: /preços de concorrentes/ }[language]);
    const unknown = composed({ name: "price_suggestions", args: { products: ["remera"] }, outcome: toolError("price_suggestions", "not_found", "No product matches", ["Remera básica", "Remera lisa"]) }, context);
    expect(unknown.suggestion).toContain({ es: "Remera básica o Remera lisa", en: "Remera básica or Remera lisa", pt: "Remera básica ou Remera lisa" }[language]);
  });

  it("answers that are not suggestion data read as unreadable rather than throwing", () => {
    const part = composed(call("price_suggestions", {}, { view: "all" }, []), contextFor("en"));
    expect(part.text).toBe("I couldn't read that result.");
  });
});
