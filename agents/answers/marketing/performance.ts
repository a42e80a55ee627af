/** Answers for marketing_performance: totals, blended MER/CAC, and the top platforms or campaigns. */
import type { AdRowData, MarketingPerformanceData } from "../../../tools/marketing/marketing-performance.ts";
import { formatRange } from "../format/dates.ts";
import { count, money, multiple, percent } from "../format/numbers.ts";
import { bullets } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { platformName } from "./outcome-data.ts";

const SHOWN = 5;

function maybe(value: number | null, show: (value: number) => string): string {
  return value === null ? "—" : show(value);
}

/** "▲ 12.3%" / "▼ 4.0%" against the comparison, or "". */
function trend(changePct: number | null, context: AnswerContext): string {
  if (changePct === null) return "";
  return ` ${changePct > 0 ? "▲" : changePct < 0 ? "▼" : "="} ${percent(Math.abs(changePct), context)}`;
}

function rowLine(row: AdRowData, data: MarketingPerformanceData, context: AnswerContext): string {
  const language = context.language;
  const other = { en: "Other", es: "Otros", pt: "Outros" }[language];
  const name = row.other ? other : data.by === "platform" ? platformName(row.label) : `${row.label}${row.platform ? ` (${platformName(row.platform)})` : ""}`;
  const share = row.spendShare === null ? "" : ` (${percent(row.spendShare, context, 0)})`;
  const conv = { en: "conv.", es: "conv.", pt: "conv." }[language];
  return `${name}: ${maybe(row.spendCents, (v) => money(v, context))}${share}${trend(row.spendChangePct, context)}, ${maybe(row.conversions, (v) => count(v, context))} ${conv}, CPA ${maybe(row.cpaCents, (v) => money(v, context))}, ROAS ${maybe(row.roas, (v) => multiple(v, context))}, CTR ${maybe(row.ctr, (v) => percent(v, context))}`;
}

export function performanceText(data: MarketingPerformanceData, context: AnswerContext): ComposedPart {
  const language = context.language;
  const span = formatRange(data.range.start, data.range.end, language);
  const t = data.totals;
  if (t.spendCents === null || t.spendCents === 0) {
    return {
      text: { en: `No ad spend in ${span} for what you asked.`, es: `No hubo inversión en anuncios en ${span} para lo que pediste.`, pt: `Não houve investimento em anúncios em ${span} para o que você pediu.` }[language],
      suggestion: { en: "Want to look at a longer period?", es: "¿Quieres ver un período más largo?", pt: "Quer ver um período mais longo?" }[language],
    };
  }
  const spend = money(t.spendCents, context) + trend(t.spendChangePct, context);
  const conversions = maybe(t.conversions, (v) => count(v, context));
  const cpa = maybe(t.cpaCents, (v) => money(v, context));
  const roas = maybe(t.roas, (v) => multiple(v, context));
  const head = {
    en: `*Ads, ${span}*: ${spend} spent, ${conversions} conversions, CPA ${cpa}, ROAS ${roas} (as the platforms report it).`,
    es: `*Anuncios, ${span}*: ${spend} invertidos, ${conversions} conversiones, CPA ${cpa}, ROAS ${roas} (según reportan las plataformas).`,
    pt: `*Anúncios, ${span}*: ${spend} investidos, ${conversions} conversões, CPA ${cpa}, ROAS ${roas} (segundo as plataformas).`,
  }[language];
  const b = data.blended;
  const blended = {
    en: `Blended across all ads: MER ${maybe(b.mer, (v) => multiple(v, context))}${trend(b.merChangePct, context)}, CAC ${maybe(b.cacCents, (v) => money(v, context))}${trend(b.cacChangePct, context)}.`,
    es: `En total, con todos los anuncios: MER ${maybe(b.mer, (v) => multiple(v, context))}${trend(b.merChangePct, context)}, CAC ${maybe(b.cacCents, (v) => money(v, context))}${trend(b.cacChangePct, context)}.`,
    pt: `No total, com todos os anúncios: MER ${maybe(b.mer, (v) => multiple(v, context))}${trend(b.merChangePct, context)}, CAC ${maybe(b.cacCents, (v) => money(v, context))}${trend(b.cacChangePct, context)}.`,
  }[language];
  const rows = data.rows.slice(0, SHOWN).map((row) => rowLine(row, data, context));
  const suggestion =
    data.by === "platform"
      ? { en: "Want the same by campaign?", es: "¿Quieres verlo por campaña?", pt: "Quer ver por campanha?" }[language]
      : { en: "Want a suggestion to shift budget to the best campaigns?", es: "¿Quieres una sugerencia para mover presupuesto a las mejores campañas?", pt: "Quer uma sugestão para mover verba para as melhores campanhas?" }[language];
  return { text: [head, bullets(rows), blended].join("\n"), suggestion };
}
