/** Answers for inventory_status and reorder_suggestions. */
import { assertNever } from "../../../lib/assert-never.ts";
import type { InventoryItemData } from "../../../tools/commerce-ops/inventory-data.ts";
import type { InventoryStatusData } from "../../../tools/commerce-ops/inventory-status.ts";
import type { ReorderSuggestionsData } from "../../../tools/commerce-ops/reorder-suggestions.ts";
import { formatDate } from "../format/dates.ts";
import { count, decimal, money, percent } from "../format/numbers.ts";
import { bullets, wantToSee } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { skuName } from "./outcome-data.ts";

const SHOWN = 5;

/** Units per day: one decimal, two for slow sellers (0.04/day rather than 0/day). */
function perDay(value: number, context: AnswerContext): string {
  const n = decimal(value, context, value < 1 ? 2 : 1);
  return { en: `${n}/day`, es: `${n}/día`, pt: `${n}/dia` }[context.language];
}

function days(value: number, context: AnswerContext): string {
  const n = decimal(value, context, 0);
  return { en: `${n} days`, es: `${n} días`, pt: `${n} dias` }[context.language];
}

function riskLine(item: InventoryItemData, data: InventoryStatusData, context: AnswerContext): string {
  const language = context.language;
  const name = skuName(item);
  if (item.outOfStock) {
    const sold = count(item.unitsSoldLast30Days, context);
    const window = count(data.sellThroughDays, context);
    return {
      en: `${name}: *out of stock*; demand about ${perDay(item.dailyDemand, context)} (units sold in the last ${window} days: ${sold})`,
      es: `${name}: *agotado*; demanda de unas ${perDay(item.dailyDemand, context)} (unidades vendidas en los últimos ${window} días: ${sold})`,
      pt: `${name}: *esgotado*; demanda de cerca de ${perDay(item.dailyDemand, context)} (unidades vendidas nos últimos ${window} dias: ${sold})`,
    }[language];
  }
  const onHand = count(item.onHand, context);
  const chance = percent(item.stockoutProbability, context, 0);
  const when = item.projectedStockoutDate === null ? "" : { en: `, around ${formatDate(item.projectedStockoutDate, language, false)}`, es: `, hacia el ${formatDate(item.projectedStockoutDate, language, false)}`, pt: `, por volta de ${formatDate(item.projectedStockoutDate, language, false)}` }[language];
  return {
    en: `${name}: ${onHand} on hand at ${perDay(item.dailyDemand, context)}, ${chance} chance of running out${when}`,
    es: `${name}: ${onHand} en stock a ${perDay(item.dailyDemand, context)}, ${chance} de probabilidad de agotarse${when}`,
    pt: `${name}: ${onHand} em estoque a ${perDay(item.dailyDemand, context)}, ${chance} de chance de esgotar${when}`,
  }[language];
}

function daysLine(item: InventoryItemData, context: AnswerContext): string {
  const language = context.language;
  const name = skuName(item);
  const onHand = count(item.onHand, context);
  if (item.daysOfStock === null) return { en: `${name}: ${onHand} on hand, no recent sales`, es: `${name}: ${onHand} en stock, sin ventas recientes`, pt: `${name}: ${onHand} em estoque, sem vendas recentes` }[language];
  return {
    en: `${name}: ${onHand} on hand at ${perDay(item.dailyDemand, context)} → ${days(item.daysOfStock, context)}`,
    es: `${name}: ${onHand} en stock a ${perDay(item.dailyDemand, context)} → ${days(item.daysOfStock, context)}`,
    pt: `${name}: ${onHand} em estoque a ${perDay(item.dailyDemand, context)} → ${days(item.daysOfStock, context)}`,
  }[language];
}

function overstockLine(item: InventoryItemData, context: AnswerContext): string {
  const language = context.language;
  const name = skuName(item);
  const cover = item.daysOfStock === null ? { en: "no recent sales", es: "sin ventas recientes", pt: "sem vendas recentes" }[language] : days(item.daysOfStock, context);
  const extra = count(item.excessUnits, context);
  return {
    en: `${name}: ${count(item.onHand, context)} on hand (${cover}), ${extra} beyond need ≈ ${money(item.excessValueCents, context)}`,
    es: `${name}: ${count(item.onHand, context)} en stock (${cover}), ${extra} de más ≈ ${money(item.excessValueCents, context)}`,
    pt: `${name}: ${count(item.onHand, context)} em estoque (${cover}), ${extra} a mais ≈ ${money(item.excessValueCents, context)}`,
  }[language];
}

export function inventoryText(data: InventoryStatusData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const shown = data.items.slice(0, SHOWN);
  const horizon = count(data.horizonDays, context);
  const checked = count(data.skusAssessed, context);
  switch (data.view) {
    case "stockout_risk": {
      if (shown.length === 0) {
        return {
          text: { en: `Good news: no SKU is likely to run out in the next ${horizon} days (${checked} checked).`, es: `Buenas noticias: ningún SKU está en riesgo de agotarse en los próximos ${horizon} días (${checked} revisados).`, pt: `Boa notícia: nenhum SKU deve esgotar nos próximos ${horizon} dias (${checked} verificados).` }[language],
          suggestion: wantToSee({ en: "which products are overstocked", es: "qué productos tienen sobrestock", pt: "quais produtos estão com excesso de estoque" }, language),
        };
      }
      const atRisk = count(data.totals.atRisk, context);
      const out = count(data.totals.outOfStock, context);
      const outClause = data.totals.outOfStock > 0 ? { en: `, ${out} of them already out of stock`, es: `, de ellos ${out} ya sin stock`, pt: `, dos quais ${out} já sem estoque` }[language] : "";
      const head = { en: `*${atRisk} SKUs* could run out in the next ${horizon} days${outClause}.`, es: `*${atRisk} SKUs* podrían agotarse en los próximos ${horizon} días${outClause}.`, pt: `*${atRisk} SKUs* podem esgotar nos próximos ${horizon} dias${outClause}.` }[language];
      return {
        text: [head, bullets(shown.map((item) => riskLine(item, data, context)))].join("\n"),
        suggestion: { en: "Want to see how much to reorder of each?", es: "¿Quieres ver cuánto reordenar de cada uno?", pt: "Quer ver quanto repor de cada um?" }[language],
      };
    }
    case "days_of_stock": {
      const head = { en: `Days of stock at the forecast pace (${checked} SKUs, shortest first):`, es: `Días de stock al ritmo previsto (${checked} SKUs, de menor a mayor):`, pt: `Dias de estoque no ritmo previsto (${checked} SKUs, do menor para o maior):` }[language];
      return {
        text: [head, bullets(shown.map((item) => daysLine(item, context)))].join("\n"),
        suggestion: wantToSee({ en: "which SKUs could run out soon", es: "qué SKUs podrían agotarse pronto", pt: "quais SKUs podem esgotar em breve" }, language),
      };
    }
    case "overstock": {
      const threshold = days(data.overstockThresholdDays, context);
      if (shown.length === 0) {
        return {
          text: { en: `No SKU has more than ${threshold} of stock (${checked} checked).`, es: `Ningún SKU tiene más de ${threshold} de stock (${checked} revisados).`, pt: `Nenhum SKU tem mais de ${threshold} de estoque (${checked} verificados).` }[language],
          suggestion: wantToSee({ en: "which SKUs could run out soon", es: "qué SKUs podrían agotarse pronto", pt: "quais SKUs podem esgotar em breve" }, language),
        };
      }
      const n = count(data.totals.overstocked, context);
      const tied = money(data.totals.excessValueCents, context);
      const head = { en: `*${n} SKUs* have more than ${threshold} of stock: about ${tied} tied up in excess units.`, es: `*${n} SKUs* tienen más de ${threshold} de stock: unos ${tied} inmovilizados en unidades de más.`, pt: `*${n} SKUs* têm mais de ${threshold} de estoque: cerca de ${tied} parados em unidades a mais.` }[language];
      return {
        text: [head, bullets(shown.map((item) => overstockLine(item, context)))].join("\n"),
        suggestion: { en: "Want ideas to move that stock, like a discount on the slowest ones?", es: "¿Quieres ideas para mover ese stock, como un descuento en los más lentos?", pt: "Quer ideias para girar esse estoque, como um desconto nos mais lentos?" }[language],
      };
    }
    default:
      return assertNever(data.view, "inventory view");
  }
}

export function reorderText(data: ReorderSuggestionsData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const lead = count(data.leadTimeDays, context);
  if (data.lines.length === 0) {
    return {
      text: { en: `Nothing needs reordering yet with a ${lead}-day lead time (${count(data.skusAssessed, context)} SKUs checked).`, es: `Nada necesita reorden todavía con un tiempo de entrega de ${lead} días (${count(data.skusAssessed, context)} SKUs revisados).`, pt: `Nada precisa de reposição ainda com prazo de entrega de ${lead} dias (${count(data.skusAssessed, context)} SKUs verificados).` }[language],
      suggestion: wantToSee({ en: "days of stock per product", es: "los días de stock por producto", pt: "os dias de estoque por produto" }, language),
    };
  }
  const n = count(data.matching, context);
  const units = count(data.totalUnits, context);
  const value = money(data.totalOrderValueCents, context);
  const service = percent(data.serviceLevel, context, 0);
  const head = {
    en: `*${n} SKUs* are at or below their reorder point (lead time ${lead} days, ${service} service level). Reordering all: ${units} units, about ${value}.`,
    es: `*${n} SKUs* están en o bajo su punto de reorden (entrega en ${lead} días, nivel de servicio ${service}). Reponer todo: ${units} unidades, unos ${value}.`,
    pt: `*${n} SKUs* estão no ponto de reposição ou abaixo (entrega em ${lead} dias, nível de serviço ${service}). Repor tudo: ${units} unidades, cerca de ${value}.`,
  }[language];
  const lines = data.lines.slice(0, SHOWN).map((line) => {
    const qty = count(line.reorderQuantity, context);
    const onHand = count(line.onHand, context);
    const point = count(line.reorderPoint, context);
    return {
      en: `${skuName(line)}: order *${qty}* (${onHand} on hand, reorder point ${point}, ${perDay(line.dailyDemand, context)})`,
      es: `${skuName(line)}: pedir *${qty}* (${onHand} en stock, punto de reorden ${point}, ${perDay(line.dailyDemand, context)})`,
      pt: `${skuName(line)}: pedir *${qty}* (${onHand} em estoque, ponto de reposição ${point}, ${perDay(line.dailyDemand, context)})`,
    }[language];
  });
  return {
    text: [head, bullets(lines)].join("\n"),
    suggestion: { en: "Want me to redo it with another supplier lead time?", es: "¿Quieres que lo recalcule con otro tiempo de entrega del proveedor?", pt: "Quer que eu recalcule com outro prazo de entrega do fornecedor?" }[language],
  };
}
