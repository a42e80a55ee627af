/** Answers for competitor_prices: how our prices compare, and who went below us. */
import type { CompetitorPricesData, PriceComparisonData, UndercutData } from "../../../tools/commerce-ops/competitor-prices.ts";
import { formatDate, formatRange } from "../format/dates.ts";
import { count, money, percent } from "../format/numbers.ts";
import { bullets, wantToSee } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";

const SHOWN = 5;
const QUOTES_SHOWN = 3;

/** A gap as people say it: "15.0% cheaper" / "8.0% more expensive" / "same price". */
function gapWords(gapPct: number, context: AnswerContext): string {
  const language = context.language;
  if (gapPct === 0) return { en: "same price", es: "mismo precio", pt: "mesmo preço" }[language];
  const size = percent(Math.abs(gapPct), context);
  return gapPct < 0 ? { en: `${size} cheaper`, es: `${size} más barato`, pt: `${size} mais barato` }[language] : { en: `${size} pricier`, es: `${size} más caro`, pt: `${size} mais caro` }[language];
}

function undercutLine(u: UndercutData, context: AnswerContext): string {
  const language = context.language;
  const date = formatDate(u.date, language, false);
  const status = u.stillBelow
    ? { en: "still below us", es: "sigue por debajo", pt: "continua abaixo" }[language]
    : { en: `now back at ${money(u.latestPriceCents, context)}`, es: `ahora de vuelta en ${money(u.latestPriceCents, context)}`, pt: `agora de volta a ${money(u.latestPriceCents, context)}` }[language];
  return {
    en: `${u.title}: ${u.competitor} went from ${money(u.previousPriceCents, context)} to ${money(u.priceCents, context)} on ${date}, ${percent(Math.abs(u.gapPct), context)} below our ${money(u.ourPriceCents, context)} (${status})`,
    es: `${u.title}: ${u.competitor} pasó de ${money(u.previousPriceCents, context)} a ${money(u.priceCents, context)} el ${date}, ${percent(Math.abs(u.gapPct), context)} por debajo de nuestros ${money(u.ourPriceCents, context)} (${status})`,
    pt: `${u.title}: ${u.competitor} foi de ${money(u.previousPriceCents, context)} para ${money(u.priceCents, context)} em ${date}, ${percent(Math.abs(u.gapPct), context)} abaixo dos nossos ${money(u.ourPriceCents, context)} (${status})`,
  }[language];
}

function comparisonLine(c: PriceComparisonData, context: AnswerContext): string {
  const language = context.language;
  const ours = { en: "ours", es: "nuestro", pt: "nosso" }[language];
  if (c.quotes.length === 0) {
    const none = { en: "no competitor had it in stock", es: "ningún competidor lo tenía en stock", pt: "nenhum concorrente tinha em estoque" }[language];
    return `${c.title} (${ours} ${money(c.ourPriceCents, context)}): ${none}`;
  }
  const quotes = c.quotes.slice(0, QUOTES_SHOWN).map((q) => `${q.competitor} ${money(q.priceCents, context)} (${gapWords(q.gapPct, context)})`);
  return `${c.title} (${ours} ${money(c.ourPriceCents, context)}): ${quotes.join(", ")}`;
}

export function competitorText(data: CompetitorPricesData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const span = formatRange(data.range.start, data.range.end, language);
  if (data.view === "undercut") {
    if (data.undercuts.length === 0) {
      return {
        text: { en: `No competitor went below our prices in ${span} (${count(data.productsCompared, context)} products tracked).`, es: `Ningún competidor bajó de nuestros precios en ${span} (${count(data.productsCompared, context)} productos monitoreados).`, pt: `Nenhum concorrente ficou abaixo dos nossos preços em ${span} (${count(data.productsCompared, context)} produtos monitorados).` }[language],
        suggestion: wantToSee({ en: "how our prices compare overall", es: "cómo se comparan nuestros precios en general", pt: "como nossos preços se comparam no geral" }, language),
      };
    }
    const n = count(data.undercutCount, context);
    const head = { en: `*${n} times* a competitor went below our price in ${span}:`, es: `*${n} veces* un competidor bajó de nuestro precio en ${span}:`, pt: `*${n} vezes* um concorrente ficou abaixo do nosso preço em ${span}:` }[language];
    return {
      text: [head, bullets(data.undercuts.slice(0, SHOWN).map((u) => undercutLine(u, context)))].join("\n"),
      suggestion: { en: "Want to see how that product is selling since then?", es: "¿Quieres ver cómo se ha vendido ese producto desde entonces?", pt: "Quer ver como esse produto tem vendido desde então?" }[language],
    };
  }
  const compared = count(data.productsCompared, context);
  const undersold = count(data.productsUndersold, context);
  const head =
    data.productsUndersold > 0
      ? { en: `Of ${compared} tracked products, *${undersold}* have a competitor selling cheaper (latest in-stock prices, ${span}):`, es: `De ${compared} productos monitoreados, *${undersold}* tienen un competidor más barato (últimos precios con stock, ${span}):`, pt: `De ${compared} produtos monitorados, *${undersold}* têm um concorrente mais barato (últimos preços com estoque, ${span}):` }[language]
      : { en: `We are the cheapest on all ${compared} tracked products (${span}):`, es: `Somos los más baratos en los ${compared} productos monitoreados (${span}):`, pt: `Somos os mais baratos nos ${compared} produtos monitorados (${span}):` }[language];
  const undercutNote =
    data.undercutCount > 0
      ? { en: `${count(data.undercutCount, context)} price cuts below ours happened in this period.`, es: `Hubo ${count(data.undercutCount, context)} bajadas de precio por debajo del nuestro en este período.`, pt: `Houve ${count(data.undercutCount, context)} reduções de preço abaixo do nosso neste período.` }[language]
      : null;
  return {
    text: [head, bullets(data.comparisons.slice(0, SHOWN).map((c) => comparisonLine(c, context))), ...(undercutNote === null ? [] : [undercutNote])].join("\n"),
    suggestion: data.undercutCount > 0 ? wantToSee({ en: "who undercut us and when", es: "quién nos bajó el precio y cuándo", pt: "quem baixou o preço e quando" }, language) : wantToSee({ en: "the stock of these products", es: "el stock de estos productos", pt: "o estoque desses produtos" }, language),
  };
}
