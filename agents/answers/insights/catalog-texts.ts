/** Catalog insights in words: stockouts, overstock, competitor undercuts, pricing opportunities. */
import { capitalise } from "../format/labels.ts";
import { count, decimal, money, percent } from "../format/numbers.ts";
import type { AnswerContext } from "../types.ts";
import { day, rankPhrase, signedMoney, type Evidence, type Text } from "./text-parts.ts";

/** More days of stock than this reads as "barely sells". */
const BARELY_SELLING_DAYS = 730;

export function stockoutText(e: Evidence<"stockout_risk">, impactCents: number | null, c: AnswerContext): Text {
  const rank = rankPhrase(e.salesRank, c);
  const perDay = decimal(e.dailyDemand, c, 1);
  const lostPerDay = money(e.lostSalesPerDayCents, c);
  const atStake = impactCents !== null && impactCents > 0 ? money(impactCents, c) : null;
  const stake = atStake === null ? "" : { en: ` About ${atStake} in sales at stake.`, es: ` Hay unos ${atStake} en ventas en juego.`, pt: ` Cerca de ${atStake} em vendas em jogo.` }[c.language];
  const lead = count(e.leadTimeDays, c);
  if (e.outOfStock) {
    const since = e.outOfStockSince === null ? "" : { en: ` since ${day(e.outOfStockSince, c)}`, es: ` desde el ${day(e.outOfStockSince, c)}`, pt: ` desde ${day(e.outOfStockSince, c)}` }[c.language];
    return {
      title: { en: `${e.title} is out of stock`, es: `${e.title} está agotado`, pt: `${e.title} está esgotado` },
      explanation: {
        en: `${capitalise(rank)} has been out of stock${since}. It sells about ${perDay} units a day, so each day without stock costs about ${lostPerDay}; a reorder takes about ${lead} days to arrive.${stake}`,
        es: `${capitalise(rank)} está agotado${since}. Vende unas ${perDay} unidades por día, así que cada día sin stock cuesta unos ${lostPerDay}; un pedido al proveedor tarda unos ${lead} días en llegar.${stake}`,
        pt: `${capitalise(rank)} está esgotado${since}. Vende cerca de ${perDay} unidades por dia, então cada dia sem estoque custa cerca de ${lostPerDay}; um pedido ao fornecedor leva cerca de ${lead} dias para chegar.${stake}`,
      }[c.language],
    };
  }
  const by = e.projectedStockoutDate === null ? null : day(e.projectedStockoutDate, c);
  const days = e.daysOfStock === null ? "—" : decimal(e.daysOfStock, c, 1);
  return {
    title: by === null
      ? { en: `${e.title} is running low`, es: `${e.title} se está quedando sin stock`, pt: `${e.title} está com estoque baixo` }
      : { en: `${e.title} will run out around ${by}`, es: `${e.title} se agotará cerca del ${by}`, pt: `${e.title} vai esgotar por volta de ${by}` },
    explanation: {
      en: `${capitalise(rank)} has ${count(e.onHand, c)} units left, about ${days} days at ${perDay} a day, and a reorder takes about ${lead} days. Each day without stock would cost about ${lostPerDay}.${stake}`,
      es: `${capitalise(rank)} tiene ${count(e.onHand, c)} unidades, unos ${days} días a ${perDay} por día, y un pedido tarda unos ${lead} días. Cada día sin stock costaría unos ${lostPerDay}.${stake}`,
      pt: `${capitalise(rank)} tem ${count(e.onHand, c)} unidades, cerca de ${days} dias a ${perDay} por dia, e um pedido leva cerca de ${lead} dias. Cada dia sem estoque custaria cerca de ${lostPerDay}.${stake}`,
    }[c.language],
  };
}

export function overstockText(e: Evidence<"overstock">, c: AnswerContext): Text {
  const units = count(e.excessUnits, c);
  const value = money(e.excessValueCents, c);
  const at = e.valuedAt === "cost" ? { en: "at cost", es: "a costo", pt: "a custo" }[c.language] : { en: "at price", es: "a precio de venta", pt: "a preço de venda" }[c.language];
  const cover = e.daysOfStock === null || e.daysOfStock > BARELY_SELLING_DAYS
    ? { en: "and it barely sells", es: "y casi no se vende", pt: "e quase não vende" }[c.language]
    : { en: `about ${count(e.daysOfStock, c)} days of sales at ${decimal(e.dailyDemand, c, 2)} a day`, es: `unos ${count(e.daysOfStock, c)} días de ventas a ${decimal(e.dailyDemand, c, 2)} por día`, pt: `cerca de ${count(e.daysOfStock, c)} dias de vendas a ${decimal(e.dailyDemand, c, 2)} por dia` }[c.language];
  return {
    title: { en: `${e.title}: ${units} units more than needed`, es: `${e.title}: ${units} unidades de más`, pt: `${e.title}: ${units} unidades a mais` },
    explanation: {
      en: `${count(e.onHand, c)} units on hand, ${cover}. About ${value} (${at}) is tied up in the excess.`,
      es: `Hay ${count(e.onHand, c)} unidades en stock, ${cover}. Unos ${value} (${at}) están inmovilizados en el exceso.`,
      pt: `Há ${count(e.onHand, c)} unidades em estoque, ${cover}. Cerca de ${value} (${at}) estão parados no excesso.`,
    }[c.language],
  };
}

export function undercutText(e: Evidence<"competitor_undercut">, impactCents: number | null, c: AnswerContext): Text {
  const gap = percent(Math.abs(e.gapPct), c);
  const since = day(e.date, c);
  const theirs = money(e.priceCents, c);
  const before = money(e.previousPriceCents, c);
  const ours = money(e.ourPriceCents, c);
  const rank = rankPhrase(e.salesRank, c);
  const revenue = money(e.revenue30dCents, c);
  const now = e.stillBelow
    ? ""
    : { en: ` They are now back at ${money(e.latestPriceCents, c)}.`, es: ` Ahora volvió a ${money(e.latestPriceCents, c)}.`, pt: ` Agora voltou a ${money(e.latestPriceCents, c)}.` }[c.language];
  const stake = impactCents !== null && impactCents > 0
    ? { en: ` If they keep taking sales, about ${money(impactCents, c)} is at risk over the next 30 days.`, es: ` Si siguen quitándonos ventas, hay unos ${money(impactCents, c)} en riesgo en los próximos 30 días.`, pt: ` Se continuarem tirando vendas, cerca de ${money(impactCents, c)} estão em risco nos próximos 30 dias.` }[c.language]
    : "";
  return {
    title: { en: `${e.competitor} undercuts ${e.title} by ${gap}`, es: `${e.competitor} vende ${e.title} ${gap} más barato`, pt: `${e.competitor} vende ${e.title} ${gap} mais barato` },
    explanation: {
      en: `Since ${since}, ${e.competitor} sells ${e.title} at ${theirs} (it was ${before}), ${gap} below our ${ours}. It is ${rank} (${revenue} in the last 30 days).${now}${stake}`,
      es: `Desde el ${since}, ${e.competitor} vende ${e.title} a ${theirs} (antes ${before}), ${gap} por debajo de nuestros ${ours}. Es ${rank} (${revenue} en los últimos 30 días).${now}${stake}`,
      pt: `Desde ${since}, ${e.competitor} vende ${e.title} a ${theirs} (antes ${before}), ${gap} abaixo dos nossos ${ours}. É ${rank} (${revenue} nos últimos 30 dias).${now}${stake}`,
    }[c.language],
  };
}

export function pricingText(e: Evidence<"pricing_opportunity">, c: AnswerContext): Text {
  const name = e.variantTitle ? `${e.title} (${e.variantTitle})` : e.title;
  const from = money(e.currentPriceCents, c);
  const to = money(e.suggestedPriceCents, c);
  const change = `${e.changePct < 0 ? "−" : "+"}${decimal(Math.abs(e.changePct), c, 1)}%`;
  const gain = signedMoney(e.gain30dCents, c);
  const basis = e.gainBasis === "gross_profit" ? { en: "gross profit", es: "ganancia bruta", pt: "lucro bruto" }[c.language] : { en: "revenue", es: "ingresos", pt: "receita" }[c.language];
  const competitor = e.lowestCompetitorCents === null
    ? ""
    : { en: ` The lowest competitor price is ${money(e.lowestCompetitorCents, c)}.`, es: ` El precio más bajo de la competencia es ${money(e.lowestCompetitorCents, c)}.`, pt: ` O menor preço da concorrência é ${money(e.lowestCompetitorCents, c)}.` }[c.language];
  return {
    title: { en: `Price ${name}: ${from} → ${to}`, es: `Precio de ${name}: ${from} → ${to}`, pt: `Preço de ${name}: ${from} → ${to}` },
    explanation: {
      en: `The pricing rules suggest moving ${name} from ${from} to ${to} (${change}), expected to change 30-day ${basis} by ${gain}.${competitor} Suggestion code: ${e.code}.`,
      es: `Las reglas de precios sugieren pasar ${name} de ${from} a ${to} (${change}), con un cambio esperado en ${basis} a 30 días de ${gain}.${competitor} Código de la sugerencia: ${e.code}.`,
      pt: `As regras de preço sugerem passar ${name} de ${from} para ${to} (${change}), com mudança esperada em ${basis} em 30 dias de ${gain}.${competitor} Código da sugestão: ${e.code}.`,
    }[c.language],
  };
}
