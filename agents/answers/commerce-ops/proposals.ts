/**
 * Answers for propose_price_change and undo_price_change (the proposal, who approves it and how) and
 * for price_changes (the list of proposals and their state, newest first).
 */
import type { PriceChangesData, ProposalData, ProposePriceChangeData } from "../../../tools/commerce-ops/pricing-data.ts";
import { count, money } from "../format/numbers.ts";
import { bullets } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { ruleWarning } from "./pricing-refusals.ts";
import { approverList, at, inCurrency, marginSentence, priceChange, ruleScope, ruleWords, statusWords } from "./pricing-words.ts";

const LISTED = 10;

/** "Propuesta *4F2K*: *Remera básica* $449 → *$399* (−11,1 %)." or, for an undo, "volver … a $449 (deshace 4F2K)". */
function proposalLine(p: ProposalData, context: AnswerContext): string {
  const language = context.language;
  const label = { en: "Proposal", es: "Propuesta", pt: "Proposta" }[language];
  if (p.kind === "undo") {
    const to = money(p.proposedPriceCents, context);
    const now = money(p.currentPriceCents, context);
    const undoes = p.undoOf === null ? "" : { en: `undoes ${p.undoOf}; `, es: `deshace ${p.undoOf}; `, pt: `desfaz ${p.undoOf}; ` }[language];
    return {
      en: `${label} *${p.code}*: put *${p.title}* back to *${to}* (${undoes}now ${now}).`,
      es: `${label} *${p.code}*: volver *${p.title}* a *${to}* (${undoes}hoy está en ${now}).`,
      pt: `${label} *${p.code}*: voltar *${p.title}* para *${to}* (${undoes}hoje está em ${now}).`,
    }[language];
  }
  return `${label} *${p.code}*: *${p.title}* ${priceChange(p.currentPriceCents, p.proposedPriceCents, p.changePct, context)}.`;
}

/** "Regla: igualar al más barato. Margen 52 % → 46 %." / "Precio que pediste." */
function whySentence(p: ProposalData, context: AnswerContext): string {
  const language = context.language;
  const rule =
    p.rule !== null
      ? `${{ en: "Rule", es: "Regla", pt: "Regra" }[language]}: ${ruleWords(p.rule, context)}${ruleScope(p.rule, null, language)}.`
      : p.kind === "change"
        ? { en: "Price you asked for.", es: "Precio que pediste.", pt: "Preço que você pediu." }[language]
        : "";
  return [rule, marginSentence(p.marginBefore, p.marginAfter, context)].filter((part) => part !== "").join(" ");
}

/** Who decides and how: the reply to approve when the asker may, else who must and where. */
function approvalLines(data: ProposePriceChangeData, context: AnswerContext): string[] {
  const language = context.language;
  const { proposal: p, approvers } = data;
  const when = at(p.expiresAt, context);
  const expiry = { en: `Expires ${when}.`, es: `Vence ${when}.`, pt: `Vence ${when}.` }[language];
  if (data.askerCanApprove) {
    const others = approvers.length === 0 ? [] : [{ en: `I asked ${approverList(approvers, language, "and")} to approve it too.`, es: `También pedí aprobación a ${approverList(approvers, language, "and")}.`, pt: `Também pedi aprovação a ${approverList(approvers, language, "and")}.` }[language]];
    const reply = {
      en: `Reply *YES ${p.code}* to approve or *NO ${p.code}* to reject.`,
      es: `Responda *SI ${p.code}* para aprobar o *NO ${p.code}* para rechazar.`,
      pt: `Responda *SIM ${p.code}* para aprovar ou *NÃO ${p.code}* para recusar.`,
    }[language];
    return [expiry, ...others, reply];
  }
  if (approvers.length === 0) {
    return [
      {
        en: "No one can approve it yet: no owner or admin has a channel linked (WhatsApp, Slack or email).",
        es: "Nadie puede aprobarla todavía: ningún dueño o administrador tiene un canal vinculado (WhatsApp, Slack o correo).",
        pt: "Ninguém pode aprová-la ainda: nenhum dono ou administrador tem um canal vinculado (WhatsApp, Slack ou e-mail).",
      }[language],
    ];
  }
  const who = approverList(approvers, language, "or");
  return [
    expiry,
    approvers.length === 1
      ? { en: `${who} must approve it; I'll tell you when it's decided.`, es: `${who} debe aprobarla; te aviso cuando se decida.`, pt: `${who} precisa aprová-la; eu te aviso quando for decidido.` }[language]
      : { en: `${who} must approve it; I'll tell you when it's decided.`, es: `${who} deben aprobarla; te aviso cuando se decida.`, pt: `${who} precisa aprová-la; eu te aviso quando for decidido.` }[language],
  ];
}

/** A proposal that did not stop at approval (an undo an approver made, applied at once). */
function settledLine(p: ProposalData, context: AnswerContext): string {
  return `${{ en: "Status", es: "Estado", pt: "Situação" }[context.language]}: ${statusWords(p, context)}.`;
}

export function proposalText(data: ProposePriceChangeData, base: AnswerContext): ComposedPart {
  const context = inCurrency(base, data.proposal.currency);
  const language = context.language;
  const p = data.proposal;
  const waiting = p.status === "pending_approval" || p.status === "proposed";
  const warnings = data.warnings.length === 0 ? [] : [{ en: "Heads-up:", es: "Ojo:", pt: "Atenção:" }[language], bullets(data.warnings.map((warning) => ruleWarning(warning, context)))];
  const lines = [proposalLine(p, context), whySentence(p, context), ...(waiting ? approvalLines(data, context) : [settledLine(p, context)]), ...warnings];
  return {
    text: lines.filter((line) => line !== "").join("\n"),
    suggestion: waiting && !data.askerCanApprove ? { en: "Want to see all the pending price changes?", es: "¿Quieres ver todos los cambios de precio pendientes?", pt: "Quer ver todas as mudanças de preço pendentes?" }[language] : null,
  };
}

/** "4F2K · Remera básica: $449 → $399 — pendiente de aprobación hasta las 14:30" */
function listedLine(p: ProposalData, base: AnswerContext): string {
  const context = inCurrency(base, p.currency);
  const language = context.language;
  const undo = p.kind === "undo" && p.undoOf !== null ? { en: ` (undoes ${p.undoOf})`, es: ` (deshace ${p.undoOf})`, pt: ` (desfaz ${p.undoOf})` }[language] : "";
  return `*${p.code}* · ${p.title}: ${money(p.currentPriceCents, context)} → ${money(p.proposedPriceCents, context)}${undo} — ${statusWords(p, context)}`;
}

export function priceChangesText(data: PriceChangesData, context: AnswerContext): ComposedPart {
  const language = context.language;
  if (data.proposals.length === 0) {
    return {
      text: {
        pending: { en: "There are no pending price changes.", es: "No hay cambios de precio pendientes.", pt: "Não há mudanças de preço pendentes." },
        applied: { en: "No price change has been applied yet.", es: "Todavía no se aplicó ningún cambio de precio.", pt: "Nenhuma mudança de preço foi aplicada ainda." },
        all: { en: "There are no price changes yet.", es: "Todavía no hay cambios de precio.", pt: "Ainda não há mudanças de preço." },
      }[data.status][language],
      suggestion: { en: "Want to see which prices I'd adjust?", es: "¿Quieres ver qué precios ajustaría?", pt: "Quer ver quais preços eu ajustaria?" }[language],
    };
  }
  const newestFirst = [...data.proposals].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, LISTED);
  const n = count(data.total, context);
  const head = {
    pending: { en: `Price changes waiting for approval (${n}):`, es: `Cambios de precio pendientes de aprobación (${n}):`, pt: `Mudanças de preço aguardando aprovação (${n}):` },
    applied: { en: `Applied price changes (${n}), newest first:`, es: `Cambios de precio aplicados (${n}), del más reciente al más antiguo:`, pt: `Mudanças de preço aplicadas (${n}), da mais recente à mais antiga:` },
    all: { en: `Latest price changes (${n}), newest first:`, es: `Últimos cambios de precio (${n}), del más reciente al más antiguo:`, pt: `Últimas mudanças de preço (${n}), da mais recente à mais antiga:` },
  }[data.status][language];
  const undoable = newestFirst.find((p) => p.status === "applied");
  return {
    text: [head, bullets(newestFirst.map((p) => listedLine(p, context)))].join("\n"),
    suggestion:
      undoable === undefined
        ? null
        : { en: `To undo one, say “undo ${undoable.code}”.`, es: `Para deshacer uno, di «deshacer ${undoable.code}».`, pt: `Para desfazer uma, diga «desfazer ${undoable.code}».` }[language],
  };
}
