/** The proposal, undo, refusal and price_changes answers in en/es/pt; every figure must pass the number checker. */
import { describe, expect, it } from "vitest";
import type { PriceChangesData, ProposalData, ProposePriceChangeData } from "../../../tools/commerce-ops/pricing-data.ts";
import type { ToolName } from "../../../tools/tool-names.ts";
import { toolError, type ToolErrorCode } from "../../../tools/tool-outcome.ts";
import type { Language } from "../../shared/language.ts";
import { commerceComposers } from "../commerce-ops.ts";
import { checkNumbers } from "../number-check.ts";
import { answerContext, call } from "../test-support.ts";
import type { AnswerContext, ComposedPart, ToolCallRecord } from "../types.ts";

/** Each language with a currency of its region; the contexts' now is Nov 10, 2026 12:00 in Buenos Aires. */
const CURRENCY: Readonly<Record<Language, string>> = { es: "ARS", en: "USD", pt: "BRL" };
const LANGUAGES = ["es", "en", "pt"] as const;

function contextFor(language: Language): AnswerContext {
  return answerContext(language, CURRENCY[language]);
}

function composed(record: ToolCallRecord, context: AnswerContext, checked = true): ComposedPart {
  const part = commerceComposers[record.name as "price_changes"](record, context);
  if (checked) expect(checkNumbers(`${part.text}\n${part.suggestion ?? ""}`, [record], context).unsupported, part.text).toEqual([]);
  return part;
}

/** Pending until 14:30 local (17:30Z), a suggestion's rule, margins known. */
function proposal(language: Language, parts: Partial<ProposalData> = {}): ProposalData {
  return {
    code: "4F2K", kind: "change", status: "pending_approval", productId: 10, title: "Remera básica", sku: "RB-01", currency: CURRENCY[language],
    currentPriceCents: 44900, proposedPriceCents: 39900, changePct: -0.111359,
    rule: { strategy: "match_lowest", percent: null, amountCents: null, marginPct: null, scope: "workspace" }, marginBefore: 0.52, marginAfter: 0.46,
    undoOf: null, requestedBy: "Sofía", decidedBy: null, createdAt: "2026-11-10T14:55:00Z", expiresAt: "2026-11-10T17:30:00Z", decidedAt: null, appliedAt: null, error: null,
    ...parts,
  };
}

function proposed(tool: ToolName, data: ProposePriceChangeData): ToolCallRecord {
  return call(tool, {}, data, []);
}

const ANA = { name: "Ana", channel: "whatsapp" } as const;
const LUIS = { name: "Luis", channel: "slack" } as const;

describe("propose_price_change and undo_price_change answers", () => {
  it.each(LANGUAGES)("give an approver the proposal, its expiry and the exact reply (%s)", (language) => {
    const part = composed(proposed("propose_price_change", { proposal: proposal(language), approvers: [ANA, LUIS], askerCanApprove: true, warnings: [] }), contextFor(language));
    const text = {
      es: "Propuesta *4F2K*: *Remera básica* $ 449 → *$ 399* (−11,1%).\nRegla: igualar al más barato. Margen 52% → 46%.\nVence hoy a las 14:30.\nTambién pedí aprobación a Ana (WhatsApp) y Luis (Slack).\nResponda *SI 4F2K* para aprobar o *NO 4F2K* para rechazar.",
      en: "Proposal *4F2K*: *Remera básica* $449 → *$399* (−11.1%).\nRule: match the lowest competitor. Margin 52% → 46%.\nExpires today at 2:30 PM.\nI asked Ana (WhatsApp) and Luis (Slack) to approve it too.\nReply *YES 4F2K* to approve or *NO 4F2K* to reject.",
      pt: "Proposta *4F2K*: *Remera básica* R$ 449 → *R$ 399* (−11,1%).\nRegra: igualar o mais barato. Margem 52% → 46%.\nVence hoje às 14:30.\nTambém pedi aprovação a Ana (WhatsApp) e Luis (Slack).\nResponda *SIM 4F2K* para aprovar ou *NÃO 4F2K* para recusar.",
    }[language];
    expect(part.text).toBe(text);
    expect(part.suggestion).toBeNull();
  });

  it.each(LANGUAGES)("tell someone who cannot approve who must, and list the warnings (%s)", (language) => {
    const data: ProposePriceChangeData = {
      proposal: proposal(language, { rule: null, marginBefore: null, marginAfter: null, expiresAt: "2026-11-11T12:00:00Z" }),
      approvers: [ANA],
      askerCanApprove: false,
      warnings: ["$390.00 is close to the price floor of $380.00", "Close to the 10% daily change cap.", "Competitor data is 6 days old."],
    };
    const part = composed(proposed("propose_price_change", data), contextFor(language));
    const lines = {
      es: ["Precio que pediste.\nVence el 11 nov a las 09:00.\nAna (WhatsApp) debe aprobarla; te aviso cuando se decida.", "Ojo:\n• cerca del precio mínimo ($ 380)\n• cerca del tope de cambio diario (10%)\n• Competitor data is 6 days old."],
      en: ["Price you asked for.\nExpires on Nov 11 at 9:00 AM.\nAna (WhatsApp) must approve it; I'll tell you when it's decided.", "Heads-up:\n• close to the price floor ($380)\n• close to the daily change cap (10%)"],
      pt: ["Preço que você pediu.\nVence em 11 nov às 09:00.\nAna (WhatsApp) precisa aprová-la; eu te aviso quando for decidido.", "Atenção:\n• perto do preço mínimo (R$ 380)\n• perto do limite de mudança diária (10%)"],
    }[language];
    for (const line of lines) expect(part.text).toContain(line);
    expect(part.text).not.toMatch(/\*(SI|YES|SIM) /);
    expect(part.text).not.toMatch(/Margen|Margin|Margem/);
  });

  it.each(LANGUAGES)("name several approvers and say when no one can approve (%s)", (language) => {
    const several = composed(proposed("propose_price_change", { proposal: proposal(language), approvers: [ANA, { name: "Luis", channel: null }], askerCanApprove: false, warnings: [] }), contextFor(language));
    expect(several.text).toContain({ es: "Ana (WhatsApp) o Luis (sin canal vinculado) deben aprobarla", en: "Ana (WhatsApp) or Luis (no channel linked) must approve it", pt: "Ana (WhatsApp) ou Luis (sem canal vinculado) precisa aprová-la" }[language]);
    const nobody = composed(proposed("propose_price_change", { proposal: proposal(language), approvers: [], askerCanApprove: false, warnings: [] }), contextFor(language));
    expect(nobody.text).toContain({ es: "Nadie puede aprobarla todavía", en: "No one can approve it yet", pt: "Ninguém pode aprová-la ainda" }[language]);
  });

  it.each(LANGUAGES)("word an undo as going back to the earlier price (%s)", (language) => {
    const undo = proposal(language, { code: "7QDX", kind: "undo", undoOf: "4F2K", currentPriceCents: 39900, proposedPriceCents: 44900, changePct: 0.125, rule: null, marginBefore: null, marginAfter: null });
    const part = composed(proposed("undo_price_change", { proposal: undo, approvers: [], askerCanApprove: true, warnings: [] }), contextFor(language));
    const text = {
      es: "Propuesta *7QDX*: volver *Remera básica* a *$ 449* (deshace 4F2K; hoy está en $ 399).\nVence hoy a las 14:30.\nResponda *SI 7QDX* para aprobar o *NO 7QDX* para rechazar.",
      en: "Proposal *7QDX*: put *Remera básica* back to *$449* (undoes 4F2K; now $399).\nExpires today at 2:30 PM.\nReply *YES 7QDX* to approve or *NO 7QDX* to reject.",
      pt: "Proposta *7QDX*: voltar *Remera básica* para *R$ 449* (desfaz 4F2K; hoje está em R$ 399).\nVence hoje às 14:30.\nResponda *SIM 7QDX* para aprovar ou *NÃO 7QDX* para recusar.",
    }[language];
    expect(part.text).toBe(text);
  });

  it("report an undo an approver applied at once with its state, not a reply to send", () => {
    const undo = proposal("es", { code: "7QDX", kind: "undo", undoOf: "4F2K", status: "applied", decidedBy: "Ana", appliedAt: "2026-11-10T15:00:00Z", rule: null });
    const part = composed(proposed("undo_price_change", { proposal: undo, approvers: [ANA], askerCanApprove: true, warnings: [] }), contextFor("es"));
    expect(part.text).toContain("Estado: aplicado el 10 nov por Ana.");
    expect(part.text).not.toContain("Responda");
  });
});

describe("refused proposals", () => {
  interface Refusal {
    readonly tool: ToolName;
    readonly code: ToolErrorCode;
    readonly message: string;
    readonly args?: Readonly<Record<string, unknown>>;
    readonly suggestions?: readonly string[];
    readonly expected: Readonly<Record<Language, string>>;
    readonly suggestion?: Readonly<Record<Language, string>>;
  }
  const REFUSALS: readonly Refusal[] = [
    {
      tool: "propose_price_change", code: "invalid_request", message: "Remera básica: $350.00 is below the price floor of $380.00.", args: { product: "Remera básica", priceCents: 35000 },
      expected: { es: "No puedo proponer ese precio: queda por debajo del precio mínimo permitido para este producto ($ 380).", en: "I can't propose that price: it is below this product's price floor ($380).", pt: "Não posso propor esse preço: fica abaixo do preço mínimo permitido para este produto (R$ 380)." },
      suggestion: { es: "¿Quieres que proponga $ 380?", en: "Want me to propose $380 instead?", pt: "Quer que eu proponha R$ 380?" },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "$700.00 is above the price ceiling of $650.00 for Remera básica.",
      expected: { es: "queda por encima del precio máximo permitido para este producto ($ 650).", en: "it is above this product's price ceiling ($650).", pt: "fica acima do preço máximo permitido para este produto (R$ 650)." },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "$300.00 is below the MAP (minimum advertised price) of $320.00.",
      expected: { es: "queda por debajo del precio mínimo anunciado (MAP) que exige la marca ($ 320).", en: "below the minimum advertised price (MAP) the brand requires ($320).", pt: "fica abaixo do preço mínimo anunciado (MAP) exigido pela marca (R$ 320)." },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "Changing Remera básica to $350.00 moves it more than the 10% daily cap; today it can go as far as $404.10.",
      expected: { es: "cambia el precio más que el tope de cambio diario (10%); hoy puede llegar como máximo a $ 404,10.", en: "it moves the price more than the daily change cap of 10%; today it can go as far as $404.10.", pt: "muda o preço mais que o limite de mudança diária (10%); hoje pode chegar no máximo a R$ 404,10." },
      suggestion: { es: "¿Quieres que proponga $ 404,10?", en: "Want me to propose $404.10 instead?", pt: "Quer que eu proponha R$ 404,10?" },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "Remera básica is in cool-down until 2026-11-11 09:00 after change 4F2K.",
      expected: { es: "el precio de este producto cambió hace poco y está en período de espera hasta el 11 nov a las 09:00.", en: "this product's price changed recently and is in its cool-down period until Nov 11, 9:00 AM.", pt: "o preço deste produto mudou há pouco e está em período de espera até 11 nov às 09:00." },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "Remera básica already has a pending proposal 4F2K.",
      expected: { es: "ya hay una propuesta pendiente para este producto (4F2K); primero hay que aprobarla o rechazarla.", en: "there is already a pending proposal for this product (4F2K)", pt: "já há uma proposta pendente para este produto (4F2K)" },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "$449.00 is already the current price of Remera básica.",
      expected: { es: "No puedo proponer ese precio: ese ya es el precio actual.", en: "I can't propose that price: that is already the current price.", pt: "Não posso propor esse preço: esse já é o preço atual." },
    },
    {
      tool: "undo_price_change", code: "invalid_request", message: "4F2K is not applied (status rejected); only applied changes can be undone.", args: { code: "4F2K" },
      expected: { es: "No puedo deshacer ese cambio: solo se pueden deshacer cambios ya aplicados", en: "I can't undo that change: only applied changes can be undone", pt: "Não posso desfazer essa mudança: só dá para desfazer mudanças já aplicadas" },
    },
    {
      tool: "propose_price_change", code: "invalid_request", message: "Store prices for this product are managed by a price list",
      expected: { es: "no cumple las reglas de precios de la tienda (detalle: «Store prices for this product are managed by a price list»).", en: "I can't propose that price: Store prices for this product are managed by a price list.", pt: "não cumpre as regras de preço da loja (detalhe: «Store prices for this product are managed by a price list»)." },
    },
    {
      tool: "propose_price_change", code: "forbidden", message: "The asker's role (analyst) may not propose price changes.", suggestions: ["Ana", "Luis"],
      expected: { es: "Tu rol no permite proponer ni deshacer cambios de precio. Puede hacerlo Ana o Luis.", en: "Your role can't propose or undo price changes. Ana or Luis can do it.", pt: "Seu papel não permite propor nem desfazer mudanças de preço. Ana ou Luis pode fazer isso." },
    },
    {
      tool: "undo_price_change", code: "forbidden", message: "The asker's role (viewer) may not use undo_price_change; an owner or admin can.",
      expected: { es: "Un dueño o administrador puede hacerlo.", en: "An owner or admin can do it.", pt: "Um dono ou administrador pode fazer isso." },
    },
    {
      tool: "undo_price_change", code: "not_found", message: "No price change ZZ9Q", args: { code: "ZZ9Q" },
      expected: { es: "No encontré un cambio de precio con el código ZZ9Q.", en: "I couldn't find a price change with code ZZ9Q.", pt: "Não encontrei uma mudança de preço com o código ZZ9Q." },
    },
    {
      tool: "propose_price_change", code: "not_found", message: "No product matches", suggestions: ["Remera básica", "Remera lisa"],
      expected: { es: "No encontré ese producto ni esa sugerencia.", en: "I couldn't find that product or suggestion.", pt: "Não encontrei esse produto nem essa sugestão." },
      suggestion: { es: "¿Te refieres a Remera básica o Remera lisa?", en: "Did you mean Remera básica or Remera lisa?", pt: "Você quis dizer Remera básica ou Remera lisa?" },
    },
  ];

  it.each(LANGUAGES.flatMap((language) => REFUSALS.map((refusal) => [language, refusal] as const)))("%s: %j", (language, refusal) => {
    const record: ToolCallRecord = { name: refusal.tool, args: refusal.args ?? {}, outcome: toolError(refusal.tool, refusal.code, refusal.message, refusal.suggestions) };
    const part = composed(record, contextFor(language));
    expect(part.text).toContain(refusal.expected[language]);
    if (refusal.suggestion) expect(part.suggestion).toBe(refusal.suggestion[language]);
  });

  it("never offers a price instead of an undo the rules refuse", () => {
    const record: ToolCallRecord = { name: "undo_price_change", args: { code: "4F2K" }, outcome: toolError("undo_price_change", "invalid_request", "Undoing 4F2K would set $449.00, above the price ceiling of $420.00.") };
    const part = composed(record, contextFor("en"));
    expect(part.text).toBe("I can't undo that change: it is above this product's price ceiling ($420).");
    expect(part.suggestion).toBeNull();
  });

  it("reads a cool-down given as an instant in the workspace's time zone", () => {
    const record: ToolCallRecord = { name: "propose_price_change", args: {}, outcome: toolError("propose_price_change", "invalid_request", "In cool-down until 2026-11-10T20:00:00Z.") };
    // The checker reads the message's figures as written (20:00 UTC), so this local 17:00 is not checked.
    expect(composed(record, contextFor("es"), false).text).toContain("hasta las 17:00.");
  });
});

describe("price_changes answers", () => {
  function listed(language: Language, status: PriceChangesData["status"], proposals: readonly ProposalData[]): ToolCallRecord {
    return call("price_changes", { status }, { status, total: proposals.length, proposals }, []);
  }
  const at = (hours: number) => new Date(Date.UTC(2026, 10, 9, hours)).toISOString();

  it.each(LANGUAGES)("say each state in words, newest first (%s)", (language) => {
    const p = (code: string, hours: number, parts: Partial<ProposalData>) => proposal(language, { code, createdAt: at(hours), ...parts });
    const proposals = [
      p("A1PP", 1, { status: "applied", decidedBy: "Ana", decidedAt: at(2), appliedAt: at(14) }),
      p("P2EN", 10, {}),
      p("R3JC", 3, { status: "rejected", decidedBy: "Luis", decidedAt: at(4) }),
      p("E4XP", 4, { status: "expired" }),
      p("F5AI", 5, { status: "failed", error: "Shopify refused: the price is locked by a B2B catalog" }),
      p("B6CK", 6, { status: "rolled_back" }),
      p("U7ND", 7, { kind: "undo", undoOf: "B6CK", status: "approved", decidedBy: "Ana", currentPriceCents: 39900, proposedPriceCents: 44900 }),
      p("G8NG", 8, { status: "applying" }),
      p("N9EW", 9, { status: "proposed" }),
    ];
    const part = composed(listed(language, "all", proposals), contextFor(language));
    const lines = {
      es: [
        "Últimos cambios de precio (9), del más reciente al más antiguo:",
        "• *P2EN* · Remera básica: $ 449 → $ 399 — pendiente de aprobación hasta las 14:30",
        "• *N9EW* · Remera básica: $ 449 → $ 399 — propuesto, aún sin enviar a aprobación",
        "• *G8NG* · Remera básica: $ 449 → $ 399 — aplicándose en la tienda",
        "• *U7ND* · Remera básica: $ 399 → $ 449 (deshace B6CK) — aprobado por Ana, por aplicarse",
        "• *B6CK* · Remera básica: $ 449 → $ 399 — revertido",
        "• *F5AI* · Remera básica: $ 449 → $ 399 — falló: Shopify refused: the price is locked by a B2B catalog",
        "• *E4XP* · Remera básica: $ 449 → $ 399 — vencido sin respuesta",
        "• *R3JC* · Remera básica: $ 449 → $ 399 — rechazado por Luis",
        "• *A1PP* · Remera básica: $ 449 → $ 399 — aplicado el 9 nov por Ana",
      ],
      en: [
        "Latest price changes (9), newest first:",
        "• *P2EN* · Remera básica: $449 → $399 — waiting for approval until 2:30 PM",
        "• *N9EW* · Remera básica: $449 → $399 — proposed, not yet sent for approval",
        "• *G8NG* · Remera básica: $449 → $399 — being applied in the store",
        "• *U7ND* · Remera básica: $399 → $449 (undoes B6CK) — approved by Ana, about to be applied",
        "• *B6CK* · Remera básica: $449 → $399 — undone",
        "• *F5AI* · Remera básica: $449 → $399 — failed: Shopify refused: the price is locked by a B2B catalog",
        "• *E4XP* · Remera básica: $449 → $399 — expired without an answer",
        "• *R3JC* · Remera básica: $449 → $399 — rejected by Luis",
        "• *A1PP* · Remera básica: $449 → $399 — applied on Nov 9 by Ana",
      ],
      pt: [
        "Últimas mudanças de preço (9), da mais recente à mais antiga:",
        "• *P2EN* · Remera básica: R$ 449 → R$ 399 — aguardando aprovação até 14:30",
        "• *N9EW* · Remera básica: R$ 449 → R$ 399 — proposto, ainda não enviado para aprovação",
        "• *G8NG* · Remera básica: R$ 449 → R$ 399 — sendo aplicado na loja",
        "• *U7ND* · Remera básica: R$ 399 → R$ 449 (desfaz B6CK) — aprovado por Ana, prestes a ser aplicado",
        "• *B6CK* · Remera básica: R$ 449 → R$ 399 — revertido",
        "• *F5AI* · Remera básica: R$ 449 → R$ 399 — falhou: Shopify refused: the price is locked by a B2B catalog",
        "• *E4XP* · Remera básica: R$ 449 → R$ 399 — expirado sem resposta",
        "• *R3JC* · Remera básica: R$ 449 → R$ 399 — recusado por Luis",
        "• *A1PP* · Remera básica: R$ 449 → R$ 399 — aplicado em 9 nov por Ana",
      ],
    }[language];
    expect(part.text).toBe(lines.join("\n"));
    expect(part.suggestion).toBe({ es: "Para deshacer uno, di «deshacer A1PP».", en: "To undo one, say “undo A1PP”.", pt: "Para desfazer uma, diga «desfazer A1PP»." }[language]);
  });

  it.each(LANGUAGES)("say there is nothing pending, applied or at all (%s)", (language) => {
    const context = contextFor(language);
    expect(composed(listed(language, "pending", []), context).text).toBe({ es: "No hay cambios de precio pendientes.", en: "There are no pending price changes.", pt: "Não há mudanças de preço pendentes." }[language]);
    expect(composed(listed(language, "applied", []), context).text).toBe({ es: "Todavía no se aplicó ningún cambio de precio.", en: "No price change has been applied yet.", pt: "Nenhuma mudança de preço foi aplicada ainda." }[language]);
    expect(composed(listed(language, "all", []), context).text).toBe({ es: "Todavía no hay cambios de precio.", en: "There are no price changes yet.", pt: "Ainda não há mudanças de preço." }[language]);
  });

  it("count all the pending ones when only the newest are listed", () => {
    const record = call("price_changes", { status: "pending", top: 1 }, { status: "pending", total: 14, proposals: [proposal("es")] }, []);
    const part = composed(record, contextFor("es"));
    expect(part.text).toBe("Cambios de precio pendientes de aprobación (14):\n• *4F2K* · Remera básica: $ 449 → $ 399 — pendiente de aprobación hasta las 14:30");
    expect(part.suggestion).toBeNull();
  });
});
