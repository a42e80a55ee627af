/**
 * Answers for price_suggestions: the ranked suggestions, each with its competitor prices, the rule and
 * the limits that set the price, margins (when the asker may see them), the expected units and
 * revenue with the elasticity behind them, and how to act on one; or why nothing is suggested.
 */
import { assertNever } from "../../../lib/assert-never.ts";
import type { AppliedConstraint, ElasticityData, IgnoredQuoteReason, PriceSuggestionData, PriceSuggestionsData, SkipReason } from "../../../tools/commerce-ops/pricing-data.ts";
import { capitalise } from "../format/labels.ts";
import { count, counted, decimal, money } from "../format/numbers.ts";
import type { Phrases } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { inCurrency, marginSentence, priceChange, ruleScope, ruleWords } from "./pricing-words.ts";

const SHOWN = 10;
const QUOTES_SHOWN = 3;
const IGNORED_SHOWN = 2;
const SKIPPED_NAMES = 3;

/** Units per day: one decimal, two for slow sellers. */
function perDay(value: number, context: AnswerContext): string {
  return decimal(value, context, value < 1 ? 2 : 1);
}

const IGNORED: Readonly<Record<IgnoredQuoteReason, Phrases>> = {
  out_of_stock: { en: "out of stock", es: "sin stock", pt: "sem estoque" },
  stale: { en: "old price", es: "precio viejo", pt: "preço antigo" },
  outlier: { en: "unusual price", es: "precio atípico", pt: "preço atípico" },
};

/** "(Tienda X $399, Tienda Y $420; promedio $425; sin contar Tienda Z $250, sin stock)" or "". */
function competitorNote(s: PriceSuggestionData, context: AnswerContext): string {
  const language = context.language;
  const parts: string[] = [];
  if (s.competitors.length > 0) parts.push(s.competitors.slice(0, QUOTES_SHOWN).map((q) => `${q.competitor} ${money(q.priceCents, context)}`).join(", "));
  if (s.averageCompetitorCents !== null && s.competitors.length > 1) parts.push(`${{ en: "average", es: "promedio", pt: "média" }[language]} ${money(s.averageCompetitorCents, context)}`);
  const ignored = s.ignoredCompetitors.slice(0, IGNORED_SHOWN).map((q) => `${q.competitor} ${money(q.priceCents, context)}, ${IGNORED[q.reason][language]}`);
  if (ignored.length > 0) parts.push(`${{ en: "not counting", es: "sin contar", pt: "sem contar" }[language]} ${ignored.join("; ")}`);
  return parts.length === 0 ? "" : ` (${parts.join("; ")})`;
}

/** A limit that moved the price: "tope de cambio diario: hoy hasta $404; objetivo $399". */
function constraintWords(c: AppliedConstraint, s: PriceSuggestionData, context: AnswerContext): string {
  const language = context.language;
  const price = money(c.priceCents, context);
  switch (c.kind) {
    case "floor":
      return { en: `held at the price floor (${price})`, es: `no baja del precio mínimo (${price})`, pt: `não fica abaixo do preço mínimo (${price})` }[language];
    case "ceiling":
      return { en: `held at the price ceiling (${price})`, es: `no supera el precio máximo (${price})`, pt: `não passa do preço máximo (${price})` }[language];
    case "map":
      return { en: `kept at the minimum advertised price, MAP (${price})`, es: `respeta el precio mínimo anunciado, MAP (${price})`, pt: `respeita o preço mínimo anunciado, MAP (${price})` }[language];
    case "daily_cap": {
      const target = money(s.targetPriceCents, context);
      return { en: `daily change cap: up to ${price} today; target ${target}`, es: `tope de cambio diario: hoy hasta ${price}; objetivo ${target}`, pt: `limite de mudança diária: hoje até ${price}; alvo ${target}` }[language];
    }
    case "rounding":
      return { en: `rounded to ${price}`, es: `redondeado a ${price}`, pt: `arredondado para ${price}` }[language];
    default:
      return assertNever(c.kind, "pricing constraint");
  }
}

const CONFIDENCE: Readonly<Record<ElasticityData["confidence"], Phrases>> = {
  low: { en: "low confidence", es: "confianza baja", pt: "confiança baixa" },
  medium: { en: "medium confidence", es: "confianza media", pt: "confiança média" },
  high: { en: "high confidence", es: "confianza alta", pt: "confiança alta" },
};

/** "elasticidad −1,6, confianza media"; from the category prior it says so plainly. */
function elasticityWords(e: ElasticityData, context: AnswerContext): string {
  const language = context.language;
  const value = `${e.value < 0 ? "−" : ""}${decimal(Math.abs(e.value), context, 1, 1)}`;
  const confidence = CONFIDENCE[e.confidence][language];
  switch (e.source) {
    case "history":
      return { en: `elasticity ${value} from this store's sales, ${confidence}`, es: `elasticidad ${value} según las ventas de la tienda, ${confidence}`, pt: `elasticidade ${value} pelas vendas da loja, ${confidence}` }[language];
    case "blend":
      return { en: `elasticity ${value} from this store's sales and the category's typical value, ${confidence}`, es: `elasticidad ${value} entre las ventas de la tienda y el valor típico de la categoría, ${confidence}`, pt: `elasticidade ${value} entre as vendas da loja e o valor típico da categoria, ${confidence}` }[language];
    case "prior":
      return { en: `elasticity ${value} is the category's typical value, not this store's history, so ${confidence}`, es: `elasticidad ${value}: es el valor típico de la categoría, no el historial de la tienda, así que ${confidence}`, pt: `elasticidade ${value}: é o valor típico da categoria, não o histórico da loja, então ${confidence}` }[language];
    default:
      return assertNever(e.source, "elasticity source");
  }
}

/** "Ventas esperadas: 3,2 → 4,1 u/día; ingresos/mes $43.100 → $49.100 (elasticidad …)." */
function expectedSentence(s: PriceSuggestionData, context: AnswerContext): string {
  const language = context.language;
  const e = s.expected;
  const units = `${perDay(e.unitsPerDayBefore, context)} → ${perDay(e.unitsPerDayAfter, context)}`;
  const revenue = `${money(e.revenue30dBeforeCents, context)} → ${money(e.revenue30dAfterCents, context)}`;
  const profit =
    e.grossProfit30dBeforeCents === null || e.grossProfit30dAfterCents === null
      ? ""
      : `; ${{ en: "gross profit/month", es: "ganancia bruta/mes", pt: "lucro bruto/mês" }[language]} ${money(e.grossProfit30dBeforeCents, context)} → ${money(e.grossProfit30dAfterCents, context)}`;
  const head = { en: `Expected: ${units} units/day; revenue/month ${revenue}`, es: `Ventas esperadas: ${units} u/día; ingresos/mes ${revenue}`, pt: `Vendas esperadas: ${units} un./dia; receita/mês ${revenue}` }[language];
  return `${head}${profit} (${elasticityWords(s.elasticity, context)}).`;
}

function suggestionLines(s: PriceSuggestionData, context: AnswerContext): string {
  const language = context.language;
  const code = { en: "code", es: "código", pt: "código" }[language];
  const head = `${s.rank}. *${s.title}* — ${priceChange(s.currentPriceCents, s.suggestedPriceCents, s.changePct, context)} · ${code} ${s.code}`;
  const rule = `${{ en: "Rule", es: "Regla", pt: "Regra" }[language]}: ${ruleWords(s.rule, context)}${ruleScope(s.rule, s.category, language)}${competitorNote(s, context)}.`;
  const limits = s.constraints.length === 0 ? "" : ` ${capitalise(s.constraints.map((c) => constraintWords(c, s, context)).join("; "))}.`;
  const margin = marginSentence(s.marginBefore, s.marginAfter, context);
  const detail = [`${rule}${limits}`, margin, expectedSentence(s, context)].filter((part) => part !== "").join(" ");
  return `${head}\n   ${detail}`;
}

const SKIPPED: Readonly<Record<SkipReason, Phrases>> = {
  no_competitors: { en: "no competitor prices", es: "sin precios de competidores", pt: "sem preços de concorrentes" },
  in_cool_down: { en: "changed recently, waiting out the cool-down", es: "cambiaron hace poco y están en período de espera", pt: "mudaram há pouco e estão no período de espera" },
  already_positioned: { en: "already well positioned", es: "ya bien posicionados", pt: "já bem posicionados" },
  no_price: { en: "no current price in the store", es: "sin precio actual en la tienda", pt: "sem preço atual na loja" },
  team_rule: { en: "never discounted, as the team asked me to keep in mind", es: "nunca con descuento, como me pidió recordar el equipo", pt: "nunca com desconto, como a equipe me pediu para lembrar" },
};

/** "sin precios de competidores (Remera, Buzo); ya bien posicionados (Gorra)", most common reason first. */
function skippedWords(data: PriceSuggestionsData, context: AnswerContext): string {
  const byReason = new Map<SkipReason, string[]>();
  for (const item of data.skipped) byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), item.title]);
  return [...byReason.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, titles]) => `${SKIPPED[reason][context.language]} (${titles.slice(0, SKIPPED_NAMES).join(", ")})`)
    .join("; ");
}

/** The head line; `shown` is how many are listed, which says "showing the top N" when fewer than all. */
function headline(data: PriceSuggestionsData, shown: number, context: AnswerContext): string {
  const language = context.language;
  const checked = count(data.considered, context);
  const top = count(shown, context);
  const cut =
    data.total <= shown
      ? ""
      : shown === 1
        ? { en: "; showing the top one", es: "; muestro el primero", pt: "; mostro o primeiro" }[language]
        : { en: `; showing the top ${top}`, es: `; muestro los ${top} primeros`, pt: `; mostro os ${top} primeiros` }[language];
  const where = data.category === null ? "" : { en: ` in ${data.category}`, es: ` en ${data.category}`, pt: ` em ${data.category}` }[language];
  const products = (singular: Phrases, plural: Phrases) => counted(data.total, singular[language], plural[language], context);
  switch (data.view) {
    case "all": {
      const n = products({ en: "price", es: "precio", pt: "preço" }, { en: "prices", es: "precios", pt: "preços" });
      return { en: `I suggest adjusting *${n}*${where} (${checked} products checked${cut}):`, es: `Sugiero ajustar *${n}*${where} (revisé ${checked} productos${cut}):`, pt: `Sugiro ajustar *${n}*${where} (verifiquei ${checked} produtos${cut}):` }[language];
    }
    case "overpriced": {
      const n = products({ en: "product", es: "producto", pt: "produto" }, { en: "products", es: "productos", pt: "produtos" });
      return { en: `We are overpriced on *${n}*${where} (${checked} checked${cut}):`, es: `Estamos caros en *${n}*${where} (revisé ${checked}${cut}):`, pt: `Estamos caros em *${n}*${where} (verifiquei ${checked}${cut}):` }[language];
    }
    case "underpriced": {
      const n = products({ en: "product", es: "producto", pt: "produto" }, { en: "products", es: "productos", pt: "produtos" });
      return { en: `There is room to raise the price of *${n}*${where} (${checked} checked${cut}):`, es: `Hay margen para subir el precio de *${n}*${where} (revisé ${checked}${cut}):`, pt: `Há espaço para subir o preço de *${n}*${where} (verifiquei ${checked}${cut}):` }[language];
    }
    default:
      return assertNever(data.view, "price suggestions view");
  }
}

function nothingToChange(data: PriceSuggestionsData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const checked = count(data.considered, context);
  const where = data.category === null ? "" : { en: ` in ${data.category}`, es: ` en ${data.category}`, pt: ` em ${data.category}` }[language];
  const head = {
    all: { en: `I don't suggest any price change${where} right now (${checked} products checked).`, es: `No sugiero cambios de precio${where} por ahora (revisé ${checked} productos).`, pt: `Não sugiro mudanças de preço${where} por enquanto (verifiquei ${checked} produtos).` },
    overpriced: { en: `We aren't overpriced anywhere${where} by our rules (${checked} products checked).`, es: `No estamos caros en ningún producto${where} según las reglas (revisé ${checked} productos).`, pt: `Não estamos caros em nenhum produto${where} pelas regras (verifiquei ${checked} produtos).` },
    underpriced: { en: `No price${where} has room to go up by our rules (${checked} products checked).`, es: `Ningún precio${where} tiene margen para subir según las reglas (revisé ${checked} productos).`, pt: `Nenhum preço${where} tem espaço para subir pelas regras (verifiquei ${checked} produtos).` },
  }[data.view][language];
  const why = data.skipped.length === 0 ? "" : `\n${{ en: "Why not", es: "Por qué no", pt: "Por que não" }[language]}: ${skippedWords(data, context)}.`;
  return { text: `${head}${why}`, suggestion: { en: "Want to see how our prices compare with the competition?", es: "¿Quieres ver cómo se comparan nuestros precios con la competencia?", pt: "Quer ver como nossos preços se comparam com a concorrência?" }[language] };
}

export function suggestionsText(data: PriceSuggestionsData, base: AnswerContext): ComposedPart {
  const context = inCurrency(base, data.currency);
  const language = context.language;
  if (data.suggestions.length === 0) return nothingToChange(data, context);
  const shown = data.suggestions.slice(0, SHOWN);
  const first = shown[0]!;
  const act = {
    en: `To apply one: “apply suggestion ${first.rank}” or “apply ${first.code}”; every change is approved before it touches the store.`,
    es: `Para aplicar una: «aplicar la sugerencia ${first.rank}» o «aplicar ${first.code}»; cada cambio se aprueba antes de tocar la tienda.`,
    pt: `Para aplicar uma: «aplicar a sugestão ${first.rank}» ou «aplicar ${first.code}»; cada mudança é aprovada antes de mexer na loja.`,
  }[language];
  const held = data.skipped.filter((item) => item.reason === "team_rule").map((item) => item.title);
  const heldLine =
    held.length === 0
      ? []
      : [{ en: `Not lowered, as the team asked me to keep in mind: ${held.slice(0, SKIPPED_NAMES).join(", ")}.`, es: `Sin rebaja, como me pidió recordar el equipo: ${held.slice(0, SKIPPED_NAMES).join(", ")}.`, pt: `Sem redução, como a equipe me pediu para lembrar: ${held.slice(0, SKIPPED_NAMES).join(", ")}.` }[language]];
  return { text: [headline(data, shown.length, context), shown.map((s) => suggestionLines(s, context)).join("\n"), ...heldLine, act].join("\n"), suggestion: null };
}
