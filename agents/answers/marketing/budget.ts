/** Answers for budget_reallocation: what to move where, the expected effect and its assumptions. */
import type { BudgetReallocationData } from "../../../tools/marketing/budget-reallocation.ts";
import { formatRange } from "../format/dates.ts";
import { decimal, money, multiple, percent } from "../format/numbers.ts";
import { bullets } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { platformName } from "./outcome-data.ts";

const SHOWN = 5;

export function budgetText(data: BudgetReallocationData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const span = formatRange(data.range.start, data.range.end, language);
  const unit = data.by === "platform" ? { en: "platforms", es: "plataformas", pt: "plataformas" }[language] : { en: "campaigns", es: "campañas", pt: "campanhas" }[language];
  const name = (label: string) => (data.by === "platform" ? platformName(label) : label);
  if (data.movedCents === 0) {
    const average = data.averageRoas === null ? "" : { en: ` (average ROAS ${multiple(data.averageRoas, context)})`, es: ` (ROAS promedio ${multiple(data.averageRoas, context)})`, pt: ` (ROAS médio ${multiple(data.averageRoas, context)})` }[language];
    const spent = [...data.lines].sort((a, b) => b.spendCents - a.spendCents).slice(0, SHOWN);
    const each = spent.map((line) => `${name(line.label)}: ${money(line.spendCents, context)}${line.roas === null ? "" : `, ROAS ${multiple(line.roas, context)}`}`);
    const head = {
      en: `Your ${unit} perform close enough to each other in ${span}${average} that moving budget wouldn't clearly pay off after diminishing returns.`,
      es: `Tus ${unit} rindieron parecido en ${span}${average}: mover presupuesto no compensaría claramente con rendimientos decrecientes.`,
      pt: `Suas ${unit} tiveram desempenho parecido em ${span}${average}: mover verba não compensaria claramente com retornos decrescentes.`,
    }[language];
    return {
      text: each.length > 0 ? [head, bullets(each)].join("\n") : head,
      suggestion: { en: "Want to see each one's results?", es: "¿Quieres ver los resultados de cada una?", pt: "Quer ver os resultados de cada uma?" }[language],
    };
  }
  const moved = money(data.movedCents, context);
  const shift = percent(data.shiftPercent / 100, context, 0);
  const conversions = decimal(Math.abs(data.expectedConversionsChange), context);
  const revenue = money(Math.abs(data.expectedRevenueChangeCents), context);
  const total = money(data.totalSpendCents, context);
  const up = data.expectedRevenueChangeCents >= 0;
  const head = {
    en: `Moving *${moved}* (up to ${shift} of the weakest ${unit}' budget) could ${up ? "add" : "cost"} about ${conversions} conversions and ${revenue} in revenue over a period like ${span}, with the same total spend (${total}).`,
    es: `Mover *${moved}* (hasta ${shift} del presupuesto de las ${unit} más débiles) podría ${up ? "sumar" : "restar"} unas ${conversions} conversiones y ${revenue} en ingresos en un período como ${span}, con la misma inversión total (${total}).`,
    pt: `Mover *${moved}* (até ${shift} da verba das ${unit} mais fracas) poderia ${up ? "somar" : "tirar"} cerca de ${conversions} conversões e ${revenue} em receita num período como ${span}, com o mesmo investimento total (${total}).`,
  }[language];
  const roasOf = new Map(data.lines.map((line) => [line.label, line.roas]));
  const roasText = (label: string) => {
    const roas = roasOf.get(label);
    return roas === null || roas === undefined ? "" : ` (ROAS ${multiple(roas, context)})`;
  };
  const lines = data.transfers.slice(0, SHOWN).map((t) => `${name(t.from)}${roasText(t.from)} → ${name(t.to)}${roasText(t.to)}: ${money(t.amountCents, context)}`);
  const efficiency = percent(data.assumptions.receiverMarginalEfficiency, context, 0);
  const assumption = {
    en: `Assumes the extra budget converts at ${efficiency} of each receiver's average (diminishing returns), using the platforms' own attribution. It's a suggestion: nothing was changed.`,
    es: `Supone que el presupuesto extra convierte al ${efficiency} del promedio de cada receptora (rendimientos decrecientes), con la atribución de las propias plataformas. Es una sugerencia: no se cambió nada.`,
    pt: `Supõe que a verba extra converte a ${efficiency} da média de cada receptora (retornos decrescentes), com a atribuição das próprias plataformas. É uma sugestão: nada foi alterado.`,
  }[language];
  return {
    text: [head, bullets(lines), assumption].join("\n"),
    suggestion: { en: `Want to see the ${unit}' results for ${span} first?`, es: `¿Quieres ver primero los resultados de las ${unit} en ${span}?`, pt: `Quer ver primeiro os resultados das ${unit} em ${span}?` }[language],
  };
}

