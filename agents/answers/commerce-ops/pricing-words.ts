/**
 * Words the pricing answers share: a price change ("$449 → *$399* (−11.1%)"), the rule that produced
 * a price, a proposal's state ("pendiente de aprobación hasta las 14:30"), when something happens in
 * the workspace's time zone, and who approves on which channel.
 */
import { assertNever } from "../../../lib/assert-never.ts";
import type { ApproverData, ProposalData, SuggestionRuleData } from "../../../tools/commerce-ops/pricing-data.ts";
import { formatDate, localParts } from "../format/dates.ts";
import { money, percent } from "../format/numbers.ts";
import { listInWords, type Phrases } from "../format/phrases.ts";
import type { AnswerContext } from "../types.ts";

/** The context with the data's currency: prices are formatted in the currency the tool reported. */
export function inCurrency(context: AnswerContext, currency: string): AnswerContext {
  return currency === "" || currency === context.currency ? context : { ...context, currency };
}

/** A signed change: "−11.1%" / "+5,0 %". */
export function signedPercent(fraction: number, context: AnswerContext): string {
  const sign = fraction < 0 ? "−" : fraction > 0 ? "+" : "";
  return `${sign}${percent(Math.abs(fraction), context)}`;
}

/** "$449 → *$399* (−11.1%)" */
export function priceChange(fromCents: number, toCents: number, changePct: number, context: AnswerContext): string {
  return `${money(fromCents, context)} → *${money(toCents, context)}* (${signedPercent(changePct, context)})`;
}

/** "Margen 52% → 46%." or "" when the margins are unknown or withheld from the asker. */
export function marginSentence(before: number | null, after: number | null, context: AnswerContext): string {
  if (before === null || after === null) return "";
  const change = `${percent(before, context, 0)} → ${percent(after, context, 0)}`;
  return { en: `Margin ${change}.`, es: `Margen ${change}.`, pt: `Margem ${change}.` }[context.language];
}

/** A value in percent points (5 = 5%, 2.5 = 2.5%): whole points without decimals. */
export function points(value: number, context: AnswerContext): string {
  return percent(value / 100, context, Number.isInteger(value) ? 0 : 1);
}

/**
 * The margin hold_margin keeps. Ratios in the pricing data are fractions (0.35), but a rule's
 * percents are written in points (5 = 5%): a value above 1 is read as points.
 */
function keptMargin(value: number, context: AnswerContext): string {
  return Math.abs(value) > 1 ? points(value, context) : percent(value, context, 0);
}

/** What a rule does, in words: "igualar al más barato", "quedar 5% por debajo del promedio". */
export function ruleWords(rule: SuggestionRuleData, context: AnswerContext): string {
  const language = context.language;
  switch (rule.strategy) {
    case "match_lowest":
      return { en: "match the lowest competitor", es: "igualar al más barato", pt: "igualar o mais barato" }[language];
    case "beat_lowest": {
      const by = rule.amountCents !== null ? money(rule.amountCents, context) : rule.percent !== null ? points(Math.abs(rule.percent), context) : null;
      if (by === null) return { en: "go below the lowest competitor", es: "quedar por debajo del más barato", pt: "ficar abaixo do mais barato" }[language];
      return { en: `beat the lowest competitor by ${by}`, es: `quedar ${by} por debajo del más barato`, pt: `ficar ${by} abaixo do mais barato` }[language];
    }
    case "position_average": {
      const offset = rule.percent ?? 0;
      if (offset === 0) return { en: "sit at the competitors' average", es: "ubicarse en el promedio de la competencia", pt: "ficar na média da concorrência" }[language];
      const size = points(Math.abs(offset), context);
      return offset < 0
        ? { en: `sit ${size} below the competitors' average`, es: `ubicarse ${size} por debajo del promedio de la competencia`, pt: `ficar ${size} abaixo da média da concorrência` }[language]
        : { en: `sit ${size} above the competitors' average`, es: `ubicarse ${size} por encima del promedio de la competencia`, pt: `ficar ${size} acima da média da concorrência` }[language];
    }
    case "hold_margin": {
      if (rule.marginPct === null) return { en: "keep the target margin", es: "mantener el margen objetivo", pt: "manter a margem-alvo" }[language];
      const kept = keptMargin(rule.marginPct, context);
      return { en: `keep a ${kept} margin`, es: `mantener un margen de ${kept}`, pt: `manter uma margem de ${kept}` }[language];
    }
    default:
      return assertNever(rule.strategy, "pricing strategy");
  }
}

/** Where the rule comes from, when it is an override: ", regla de la categoría Remeras". */
export function ruleScope(rule: SuggestionRuleData, category: string | null, language: AnswerContext["language"]): string {
  switch (rule.scope) {
    case "default":
    case "workspace":
      return "";
    case "category":
      return category === null
        ? { en: ", the category's rule", es: ", regla de la categoría", pt: ", regra da categoria" }[language]
        : { en: `, the ${category} category's rule`, es: `, regla de la categoría ${category}`, pt: `, regra da categoria ${category}` }[language];
    case "product":
      return { en: ", this product's own rule", es: ", regla propia del producto", pt: ", regra própria do produto" }[language];
    default:
      return assertNever(rule.scope, "rule scope");
  }
}

/** "2:30 PM" / "14:30". */
export function clock(hour: number, minute: number, language: AnswerContext["language"]): string {
  const mm = String(minute).padStart(2, "0");
  if (language === "en") return `${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? "AM" : "PM"}`;
  return `${String(hour).padStart(2, "0")}:${mm}`;
}

/** A local date and time as a deadline: "hasta las 14:30" today, "hasta el 22 nov a las 09:00" another day. */
export function untilWall(date: string, hour: number | null, minute: number, context: AnswerContext): string {
  const language = context.language;
  const today = localParts(context.now, context.timeZone).date;
  const day = formatDate(date, language, date.slice(0, 4) !== today.slice(0, 4));
  if (hour === null) return { en: `until ${day}`, es: `hasta el ${day}`, pt: `até ${day}` }[language];
  const time = clock(hour, minute, language);
  if (date === today) return { en: `until ${time}`, es: `hasta las ${time}`, pt: `até ${time}` }[language];
  return { en: `until ${day}, ${time}`, es: `hasta el ${day} a las ${time}`, pt: `até ${day} às ${time}` }[language];
}

/** An instant as a deadline in the workspace's time zone. */
export function until(instant: string, context: AnswerContext): string {
  const { date, hour, minute } = localParts(instant, context.timeZone);
  return untilWall(date, hour, minute, context);
}

/** An instant as a moment: "hoy a las 14:30", "el 22 nov a las 09:00" / "today at 2:30 PM", "on Nov 22 at 9:00 AM". */
export function at(instant: string, context: AnswerContext): string {
  const language = context.language;
  const { date, hour, minute } = localParts(instant, context.timeZone);
  const today = localParts(context.now, context.timeZone).date;
  const time = clock(hour, minute, language);
  if (date === today) return { en: `today at ${time}`, es: `hoy a las ${time}`, pt: `hoje às ${time}` }[language];
  const day = formatDate(date, language, date.slice(0, 4) !== today.slice(0, 4));
  return { en: `on ${day} at ${time}`, es: `el ${day} a las ${time}`, pt: `em ${day} às ${time}` }[language];
}

/** The local day of an instant: "21 nov" ("21 nov 2025" in another year). */
export function dayOf(instant: string, context: AnswerContext): string {
  const { date } = localParts(instant, context.timeZone);
  const thisYear = localParts(context.now, context.timeZone).date.slice(0, 4);
  return formatDate(date, context.language, date.slice(0, 4) !== thisYear);
}

const CHANNELS: Readonly<Record<string, Phrases>> = {
  whatsapp: { en: "WhatsApp", es: "WhatsApp", pt: "WhatsApp" },
  slack: { en: "Slack", es: "Slack", pt: "Slack" },
  email: { en: "email", es: "correo", pt: "e-mail" },
  web: { en: "web chat", es: "chat web", pt: "chat web" },
  cli: { en: "terminal", es: "terminal", pt: "terminal" },
};

/** "Ana (WhatsApp)" / "Luis (sin canal vinculado)". */
export function approverName(approver: ApproverData, language: AnswerContext["language"]): string {
  if (approver.channel === null) return `${approver.name} ${{ en: "(no channel linked)", es: "(sin canal vinculado)", pt: "(sem canal vinculado)" }[language]}`;
  return `${approver.name} (${CHANNELS[approver.channel]?.[language] ?? approver.channel})`;
}

export function approverList(approvers: readonly ApproverData[], language: AnswerContext["language"], conjunction: "and" | "or"): string {
  return listInWords(approvers.map((approver) => approverName(approver, language)), language, conjunction);
}

/** A proposal's state in words: "pendiente de aprobación hasta las 14:30", "aplicado el 21 nov por Ana". */
export function statusWords(proposal: ProposalData, context: AnswerContext): string {
  const language = context.language;
  const by = proposal.decidedBy;
  switch (proposal.status) {
    case "pending_approval":
      return { en: "waiting for approval", es: "pendiente de aprobación", pt: "aguardando aprovação" }[language] + ` ${until(proposal.expiresAt, context)}`;
    case "proposed":
      return { en: "proposed, not yet sent for approval", es: "propuesto, aún sin enviar a aprobación", pt: "proposto, ainda não enviado para aprovação" }[language];
    case "approved":
      return by === null
        ? { en: "approved, about to be applied", es: "aprobado, por aplicarse", pt: "aprovado, prestes a ser aplicado" }[language]
        : { en: `approved by ${by}, about to be applied`, es: `aprobado por ${by}, por aplicarse`, pt: `aprovado por ${by}, prestes a ser aplicado` }[language];
    case "applying":
      return { en: "being applied in the store", es: "aplicándose en la tienda", pt: "sendo aplicado na loja" }[language];
    case "applied": {
      const on = proposal.appliedAt === null ? "" : { en: ` on ${dayOf(proposal.appliedAt, context)}`, es: ` el ${dayOf(proposal.appliedAt, context)}`, pt: ` em ${dayOf(proposal.appliedAt, context)}` }[language];
      const who = by === null ? "" : { en: ` by ${by}`, es: ` por ${by}`, pt: ` por ${by}` }[language];
      return { en: "applied", es: "aplicado", pt: "aplicado" }[language] + on + who;
    }
    case "rejected": {
      const who = by === null ? "" : { en: ` by ${by}`, es: ` por ${by}`, pt: ` por ${by}` }[language];
      return { en: "rejected", es: "rechazado", pt: "recusado" }[language] + who;
    }
    case "expired":
      return { en: "expired without an answer", es: "vencido sin respuesta", pt: "expirado sem resposta" }[language];
    case "failed": {
      const failed = { en: "failed", es: "falló", pt: "falhou" }[language];
      return proposal.error === null ? failed : `${failed}: ${proposal.error}`;
    }
    case "rolled_back":
      return { en: "undone", es: "revertido", pt: "revertido" }[language];
    default:
      return assertNever(proposal.status, "proposal status");
  }
}
