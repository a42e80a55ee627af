/**
 * Order statuses from free text (generic files, en/es/pt) and from Shopify's financial status.
 * Everything lands on our five statuses; anything unrecognised is an error rather than a guess,
 * because status decides whether an order counts as revenue.
 */
import type { OrderStatus } from "../../db/schema/commerce.ts";
import { assertNever } from "../../lib/assert-never.ts";

const WORDS: Readonly<Record<OrderStatus, readonly string[]>> = {
  paid: [
    "paid", "complete", "completed", "fulfilled", "delivered", "shipped", "closed", "success", "successful", "succeeded", "approved", "captured", "done", "invoiced",
    "pagado", "pagada", "completado", "completada", "entregado", "entregada", "enviado", "enviada", "despachado", "aprobado", "aprobada", "facturado", "finalizado",
    "finalizada", "cerrado", "confirmado", "confirmada", "vendido", "pago", "paga", "completo", "concluido", "concluida", "entregue", "aprovado", "faturado", "fechado",
  ],
  pending: [
    "pending", "processing", "on hold", "awaiting payment", "awaiting", "unpaid", "open", "new", "authorized", "partially paid",
    "pendiente", "en proceso", "procesando", "en espera", "por pagar", "nuevo", "autorizado", "abierto", "pendente", "processando", "em processamento",
    "aguardando pagamento", "aguardando", "em aberto", "novo",
  ],
  refunded: ["refunded", "returned", "reembolsado", "reembolsada", "devuelto", "devuelta", "devolvido", "devolvida", "estornado", "estornada"],
  partially_refunded: [
    "partially refunded", "partial refund", "parcialmente reembolsado", "reembolso parcial", "devolucion parcial", "parcialmente estornado", "estorno parcial", "devolucao parcial",
  ],
  cancelled: [
    "cancelled", "canceled", "void", "voided", "failed", "declined", "expired", "rejected",
    "cancelado", "cancelada", "anulado", "anulada", "rechazado", "rechazada", "fallido", "expirado", "expirada", "recusado", "recusada",
  ],
};

const BY_WORD = new Map<string, OrderStatus>();
for (const [status, words] of Object.entries(WORDS)) {
  for (const word of words) BY_WORD.set(word, toStatus(status));
}

function toStatus(value: string): OrderStatus {
  switch (value) {
    case "paid":
    case "pending":
    case "refunded":
    case "partially_refunded":
    case "cancelled":
      return value;
    default:
      throw new Error(`not an order status: ${value}`);
  }
}

function normalizeWord(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** Our status for a free-text status, or undefined when the word is not known. */
export function statusFromText(text: string): OrderStatus | undefined {
  return BY_WORD.get(normalizeWord(text));
}

export const STATUS_EXAMPLES = "paid, pending, refunded, partially refunded, cancelled (also completed, shipped, processing, pagado, pendiente, cancelado, pago, pendente…)";

export const SHOPIFY_FINANCIAL_STATUSES = ["paid", "pending", "authorized", "partially_paid", "refunded", "partially_refunded", "voided", "expired"] as const;
export type ShopifyFinancialStatus = (typeof SHOPIFY_FINANCIAL_STATUSES)[number];

export function isShopifyFinancialStatus(value: string): value is ShopifyFinancialStatus {
  return (SHOPIFY_FINANCIAL_STATUSES as readonly string[]).includes(value);
}

/**
 * Shopify's financial status, overridden by cancellation: a cancelled order is "cancelled" whatever
 * happened to the money (its refund, if any, is still recorded). Authorized and partially paid
 * orders have not been fully paid yet: pending. Voided and expired payments never happened.
 */
export function statusFromShopify(financial: ShopifyFinancialStatus, cancelled: boolean): OrderStatus {
  if (cancelled) return "cancelled";
  switch (financial) {
    case "paid":
      return "paid";
    case "pending":
    case "authorized":
    case "partially_paid":
      return "pending";
    case "refunded":
      return "refunded";
    case "partially_refunded":
      return "partially_refunded";
    case "voided":
    case "expired":
      return "cancelled";
    default:
      return assertNever(financial, "Shopify financial status");
  }
}
