/**
 * What the approvals say on a channel, in en/es/pt: the request an approver receives (with the code
 * to reply and, where the channel has them, Approve/Reject buttons), the answer to a decision, and
 * the news when a change is applied, refused or expires. Numbers come from the proposal rows.
 */
import type { Language } from "../../agents/shared/language.ts";
import { formatDateTime } from "../../agents/answers/format/dates.ts";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import { formatMoney } from "../../lib/money.ts";
import { textMessage, type OutboundMessage, type ReplyButton } from "../outbound/outbound-message.ts";

type Phrases = Readonly<Record<Language, string>>;

export interface MessageContext {
  readonly language: Language;
  readonly currency: string;
  readonly timeZone: string;
}

const say = (context: MessageContext, phrases: Phrases) => phrases[context.language];

function money(cents: number, context: MessageContext): string {
  return formatMoney(cents, context.currency, context.language);
}

function title(p: ProposalView): string {
  return p.product_title ?? p.variant_title ?? `#${p.variant_id}`;
}

function change(p: ProposalView, context: MessageContext): string {
  return `*${title(p)}*: ${money(p.current_price_cents, context)} → *${money(p.proposed_price_cents, context)}*`;
}

export function approvalButtons(code: string, language: Language): ReplyButton[] {
  return [
    { id: `approve:${code}`, title: { en: "Approve", es: "Aprobar", pt: "Aprovar" }[language] },
    { id: `reject:${code}`, title: { en: "Reject", es: "Rechazar", pt: "Recusar" }[language] },
  ];
}

/** The reply that approves or rejects, as the person should type it. */
export function replyHint(code: string, context: MessageContext): string {
  return say(context, {
    en: `Reply *YES ${code}* to approve or *NO ${code}* to reject.`,
    es: `Responda *SI ${code}* para aprobar o *NO ${code}* para rechazar.`,
    pt: `Responda *SIM ${code}* para aprovar ou *NÃO ${code}* para recusar.`,
  });
}

/** The approval request an approver receives. */
export function approvalRequest(p: ProposalView, context: MessageContext): OutboundMessage {
  const who = p.requested_by_name;
  const head =
    p.kind === "undo"
      ? say(context, { en: `Undo ${p.undo_of_code ?? ""} proposed`, es: `Propuesta para deshacer ${p.undo_of_code ?? ""}`, pt: `Proposta para desfazer ${p.undo_of_code ?? ""}` })
      : say(context, { en: "Price change proposed", es: "Cambio de precio propuesto", pt: "Mudança de preço proposta" });
  const by = who === null ? "" : say(context, { en: ` by ${who}`, es: ` por ${who}`, pt: ` por ${who}` });
  const expires = formatDateTime(p.expires_at.toISOString(), context.timeZone, context.language);
  const lines = [
    `${head}${by} (${p.code})`,
    change(p, context),
    say(context, { en: `Expires ${expires}.`, es: `Vence ${expires}.`, pt: `Expira ${expires}.` }),
    replyHint(p.code, context),
  ];
  const subject = say(context, { en: `Approve price change ${p.code}?`, es: `¿Aprobar cambio de precio ${p.code}?`, pt: `Aprovar mudança de preço ${p.code}?` });
  return { ...textMessage(lines.join("\n"), context.language, subject), buttons: approvalButtons(p.code, context.language) };
}

const STATUS: Readonly<Record<ProposalView["status"], Phrases>> = {
  proposed: { en: "proposed", es: "propuesto", pt: "proposto" },
  pending_approval: { en: "waiting for approval", es: "pendiente de aprobación", pt: "aguardando aprovação" },
  approved: { en: "approved", es: "aprobado", pt: "aprovado" },
  rejected: { en: "rejected", es: "rechazado", pt: "recusado" },
  expired: { en: "expired", es: "vencido", pt: "expirado" },
  applying: { en: "being applied", es: "aplicándose", pt: "sendo aplicado" },
  applied: { en: "applied", es: "aplicado", pt: "aplicado" },
  failed: { en: "not applied", es: "no aplicado", pt: "não aplicado" },
  rolled_back: { en: "undone", es: "deshecho", pt: "desfeito" },
};

export type DeskReply =
  | { readonly kind: "approved"; readonly proposal: ProposalView }
  | { readonly kind: "rejected"; readonly proposal: ProposalView }
  | { readonly kind: "undo_approved"; readonly proposal: ProposalView }
  | { readonly kind: "undo_requested"; readonly proposal: ProposalView }
  | { readonly kind: "already_decided"; readonly proposal: ProposalView }
  | { readonly kind: "expired"; readonly proposal: ProposalView }
  | { readonly kind: "not_applied"; readonly proposal: ProposalView }
  | { readonly kind: "not_allowed" }
  | { readonly kind: "unknown_code"; readonly code: string }
  | { readonly kind: "which"; readonly pending: readonly ProposalView[] };

export function deskReply(reply: DeskReply, context: MessageContext): OutboundMessage {
  const text = (phrases: Phrases) => textMessage(say(context, phrases), context.language);
  switch (reply.kind) {
    case "approved": {
      const p = reply.proposal;
      return text({
        en: `Approved ${p.code}. Applying ${change(p, context)} now; I'll confirm when it's done.`,
        es: `Aprobado ${p.code}. Aplicando ${change(p, context)}; te confirmo cuando esté hecho.`,
        pt: `Aprovado ${p.code}. Aplicando ${change(p, context)}; confirmo quando estiver feito.`,
      });
    }
    case "rejected":
      return text({ en: `Rejected ${reply.proposal.code}: nothing changes.`, es: `Rechazado ${reply.proposal.code}: no se cambia nada.`, pt: `Recusado ${reply.proposal.code}: nada muda.` });
    case "undo_approved": {
      const p = reply.proposal;
      return text({
        en: `Undoing ${p.undo_of_code ?? ""} (${p.code}): ${change(p, context)}. I'll confirm when it's done.`,
        es: `Deshaciendo ${p.undo_of_code ?? ""} (${p.code}): ${change(p, context)}. Te confirmo cuando esté hecho.`,
        pt: `Desfazendo ${p.undo_of_code ?? ""} (${p.code}): ${change(p, context)}. Confirmo quando estiver feito.`,
      });
    }
    case "undo_requested": {
      const p = reply.proposal;
      return { ...textMessage(`${approvalRequest(p, context).text}`, context.language), buttons: approvalButtons(p.code, context.language) };
    }
    case "already_decided": {
      const p = reply.proposal;
      const status = say(context, STATUS[p.status]);
      const by = p.decided_by_name === null ? "" : say(context, { en: ` by ${p.decided_by_name}`, es: ` por ${p.decided_by_name}`, pt: ` por ${p.decided_by_name}` });
      return text({ en: `${p.code} is already ${status}${by}; nothing else to do.`, es: `${p.code} ya está ${status}${by}; no hay nada más que hacer.`, pt: `${p.code} já está ${status}${by}; nada mais a fazer.` });
    }
    case "expired":
      return text({
        en: `${reply.proposal.code} expired before it was approved; ask for it again if you still want it.`,
        es: `${reply.proposal.code} venció antes de aprobarse; pedilo de nuevo si todavía lo quieres.`,
        pt: `${reply.proposal.code} expirou antes de ser aprovado; peça de novo se ainda quiser.`,
      });
    case "not_applied":
      return text({
        en: `${reply.proposal.code} is ${say(context, STATUS[reply.proposal.status])}, so there is nothing to undo.`,
        es: `${reply.proposal.code} está ${say(context, STATUS[reply.proposal.status])}, así que no hay nada que deshacer.`,
        pt: `${reply.proposal.code} está ${say(context, STATUS[reply.proposal.status])}, então não há nada para desfazer.`,
      });
    case "not_allowed":
      return text({
        en: "Only the workspace's owners and admins can approve price changes. I've told no one and changed nothing.",
        es: "Solo los dueños y administradores del espacio pueden aprobar cambios de precio. No se cambió nada.",
        pt: "Só os donos e administradores do espaço podem aprovar mudanças de preço. Nada foi alterado.",
      });
    case "unknown_code":
      return text({ en: `No price change has the code ${reply.code}.`, es: `Ningún cambio de precio tiene el código ${reply.code}.`, pt: `Nenhuma mudança de preço tem o código ${reply.code}.` });
    case "which": {
      const list = reply.pending.map((p) => `• ${p.code} — ${change(p, context)}`).join("\n");
      return text({
        en: `Several price changes are waiting; which one? Reply with its code (e.g. *YES ${reply.pending[0]?.code ?? ""}*):\n${list}`,
        es: `Hay varios cambios de precio pendientes; ¿cuál? Responda con su código (por ejemplo *SI ${reply.pending[0]?.code ?? ""}*):\n${list}`,
        pt: `Há várias mudanças de preço pendentes; qual? Responda com o código (por exemplo *SIM ${reply.pending[0]?.code ?? ""}*):\n${list}`,
      });
    }
  }
}

export type ApplyNews =
  | { readonly kind: "applied"; readonly proposal: ProposalView; readonly target: string; readonly catalogOnly: boolean }
  | { readonly kind: "failed"; readonly proposal: ProposalView; readonly reason: "price_moved" | "rule_failed" | "store_refused" | "store_failed" | "no_store"; readonly storePriceCents: number | null; readonly message: string }
  | { readonly kind: "expired"; readonly proposal: ProposalView };

export function applyNews(news: ApplyNews, context: MessageContext): OutboundMessage {
  const p = news.proposal;
  const text = (phrases: Phrases) => textMessage(say(context, phrases), context.language);
  switch (news.kind) {
    case "applied": {
      const where = news.catalogOnly
        ? say(context, { en: " in the catalog (no store is connected: update it where you sell)", es: " en el catálogo (no hay tienda conectada: actualizalo donde vendes)", pt: " no catálogo (nenhuma loja conectada: atualize onde você vende)" })
        : say(context, { en: ` in ${news.target}`, es: ` en ${news.target}`, pt: ` em ${news.target}` });
      const undo = p.kind === "undo" ? "" : say(context, { en: ` To undo: *undo ${p.code}*.`, es: ` Para deshacer: *deshacer ${p.code}*.`, pt: ` Para desfazer: *desfazer ${p.code}*.` });
      return text({
        en: `✅ Applied ${p.code}${where}: ${change(p, context)}.${undo}`,
        es: `✅ Aplicado ${p.code}${where}: ${change(p, context)}.${undo}`,
        pt: `✅ Aplicado ${p.code}${where}: ${change(p, context)}.${undo}`,
      });
    }
    case "failed": {
      const why =
        news.reason === "price_moved" && news.storePriceCents !== null
          ? say(context, {
              en: `the store's price moved to ${money(news.storePriceCents, context)} since it was proposed at ${money(p.current_price_cents, context)}`,
              es: `el precio en la tienda cambió a ${money(news.storePriceCents, context)} desde que se propuso con ${money(p.current_price_cents, context)}`,
              pt: `o preço na loja mudou para ${money(news.storePriceCents, context)} desde a proposta com ${money(p.current_price_cents, context)}`,
            })
          : news.message;
      return text({
        en: `⚠️ Did not apply ${p.code} (${title(p)}): ${why}. Nothing was changed; ask again if you still want it.`,
        es: `⚠️ No apliqué ${p.code} (${title(p)}): ${why}. No se cambió nada; pedilo de nuevo si todavía lo quieres.`,
        pt: `⚠️ Não apliquei ${p.code} (${title(p)}): ${why}. Nada foi alterado; peça de novo se ainda quiser.`,
      });
    }
    case "expired":
      return text({
        en: `${p.code} (${title(p)}) expired without a decision; nothing was changed.`,
        es: `${p.code} (${title(p)}) venció sin decisión; no se cambió nada.`,
        pt: `${p.code} (${title(p)}) expirou sem decisão; nada foi alterado.`,
      });
  }
}
