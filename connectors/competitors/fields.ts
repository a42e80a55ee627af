/**
 * The fields of a competitor price observation, the names (en/es/pt) a CSV header or a JSON key
 * may give them, and the checks every source shares: a product reference, a competitor, a
 * positive price in the workspace's currency, an in-stock flag read from words, an http(s) URL.
 */
import { normalizeHeader } from "../csv/fields.ts";
import { toMinorUnits, toSafeNumber, type ExactDecimal } from "../csv/numbers.ts";
import { isKnownCurrency } from "../../lib/money.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { CompetitorObservation, SourcePosition } from "./observation.ts";

export const OBSERVATION_FIELDS = ["sku", "external_id", "title", "competitor", "price", "currency", "in_stock", "observed_at", "url"] as const;
export type ObservationField = (typeof OBSERVATION_FIELDS)[number];

/**
 * Recognised names per field, compared after normalizeHeader (lower case, accents and punctuation
 * dropped, camelCase split: "Preço" → "preco", "inStock" → "in stock", "observed_at" → "observed at").
 * A name is taken by the first field that lists it, in this order.
 */
export const OBSERVATION_SYNONYMS: Readonly<Record<ObservationField, readonly string[]>> = {
  sku: ["sku", "variant sku", "item sku", "our sku", "codigo sku", "sku code", "referencia", "ref"],
  external_id: ["external id", "product id", "product code", "item id", "item code", "id producto", "codigo producto", "codigo de producto", "id produto", "codigo produto", "codigo do produto"],
  title: [
    "product", "product name", "product title", "title", "item", "item name", "name",
    "producto", "nombre", "nombre producto", "nombre del producto", "articulo", "titulo",
    "produto", "nome", "nome do produto", "nome produto",
  ],
  competitor: [
    "competitor", "competitor name", "rival", "store", "seller", "retailer", "shop", "merchant",
    "competidor", "nombre competidor", "tienda", "vendedor", "comercio",
    "concorrente", "nome concorrente", "loja", "lojista",
  ],
  price: ["price", "competitor price", "their price", "current price", "sale price", "precio", "precio competidor", "precio actual", "preco", "preco concorrente", "preco atual", "valor"],
  currency: ["currency", "currency code", "moneda", "divisa", "moeda"],
  in_stock: [
    "in stock", "stock", "available", "availability", "is available",
    "disponible", "disponibilidad", "en stock", "hay stock", "existencia",
    "em estoque", "estoque", "disponivel", "disponibilidade",
  ],
  observed_at: [
    "observed at", "observed", "observation date", "date", "datetime", "timestamp", "time", "checked at", "scraped at", "captured at", "updated at",
    "fecha", "fecha y hora", "fecha observacion", "fecha de observacion", "observado",
    "data", "data e hora", "data observacao", "data da observacao", "observado em",
  ],
  url: ["url", "link", "product url", "page", "enlace", "liga", "pagina", "endereco"],
};

const BY_NAME: ReadonlyMap<string, ObservationField> = (() => {
  const map = new Map<string, ObservationField>();
  for (const field of OBSERVATION_FIELDS) for (const name of OBSERVATION_SYNONYMS[field]) if (!map.has(name)) map.set(name, field);
  return map;
})();

/** The field a header or key names, if any. */
export function fieldForName(name: string): ObservationField | undefined {
  return BY_NAME.get(normalizeHeader(name));
}

/** Trimmed, inner whitespace collapsed; null when nothing is left. */
export function cleanText(value: string): string | null {
  const cleaned = value.replace(/\s+/g, " ").trim();
  return cleaned.length === 0 ? null : cleaned;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const IN_STOCK = new Set(["yes", "y", "si", "s", "sim", "true", "t", "1", "x", "in stock", "instock", "available", "disponible", "disponivel", "em estoque", "en stock", "hay stock", "con stock", "com estoque"]);
const OUT_OF_STOCK = new Set([
  "no", "n", "nao", "false", "f", "0", "out of stock", "outofstock", "sold out", "soldout", "unavailable", "not available",
  "agotado", "sin stock", "no disponible", "esgotado", "sem estoque", "indisponivel", "fora de estoque",
]);

/** "sí", "Sim", "TRUE", "1", "out of stock", "agotado"…; an empty cell means in stock. */
export function readInStock(text: string): Result<boolean, string> {
  const folded = fold(text);
  if (folded.length === 0 || IN_STOCK.has(folded)) return ok(true);
  if (OUT_OF_STOCK.has(folded)) return ok(false);
  return err("not an in-stock value (use yes/no, sí/no, sim/não, true/false or 1/0)");
}

/** What a source read for one entry, before the checks every source shares. */
export interface ObservationInput {
  readonly position: SourcePosition;
  readonly sku: string | null;
  readonly externalId: string | null;
  readonly title: string | null;
  readonly competitor: string | null;
  /** The price in major units, exactly; null when the entry has none. */
  readonly price: ExactDecimal | null;
  /** Null: the workspace's. */
  readonly currency: string | null;
  readonly inStock: boolean;
  readonly observedAt: Date;
  readonly url: string | null;
}

export interface FieldProblem {
  readonly field: ObservationField;
  readonly value: string | null;
  readonly reason: string;
}

/** The checks every source shares; prices are compared with ours, so only the workspace's currency is taken. */
export function completeObservation(input: ObservationInput, workspaceCurrency: string, digits: number): Result<CompetitorObservation, FieldProblem> {
  const ref: { sku?: string; externalId?: string; title?: string } = {};
  if (input.sku !== null) ref.sku = input.sku;
  if (input.externalId !== null) ref.externalId = input.externalId;
  if (input.title !== null) ref.title = input.title;
  if (ref.sku === undefined && ref.externalId === undefined && ref.title === undefined) {
    return err({ field: "title", value: null, reason: "the entry names no product (give a SKU, a product id or a title)" });
  }
  if (input.competitor === null) return err({ field: "competitor", value: null, reason: "the competitor is missing" });
  if (input.competitor.length > 200) return err({ field: "competitor", value: input.competitor, reason: "the competitor name is longer than 200 characters" });
  const currency = input.currency === null ? workspaceCurrency : input.currency.toUpperCase();
  if (!isKnownCurrency(currency)) return err({ field: "currency", value: input.currency, reason: "not an ISO 4217 currency code (e.g. MXN, BRL, USD)" });
  if (currency !== workspaceCurrency) {
    return err({ field: "currency", value: input.currency, reason: `prices in ${currency} cannot be compared with the store's prices in ${workspaceCurrency}` });
  }
  if (input.price === null) return err({ field: "price", value: null, reason: "the price is missing" });
  const cents = toSafeNumber(toMinorUnits(input.price, digits));
  if (!cents.ok) return err({ field: "price", value: null, reason: cents.error });
  if (cents.value <= 0) return err({ field: "price", value: null, reason: "the price must be above zero" });
  const url = input.url === null ? ok(null) : readUrl(input.url);
  if (!url.ok) return err({ field: "url", value: input.url, reason: url.error });
  return ok({
    productRef: ref,
    competitor: input.competitor,
    priceCents: cents.value,
    currency,
    inStock: input.inStock,
    observedAt: input.observedAt,
    url: url.value,
    position: input.position,
  });
}

function readUrl(text: string): Result<string, string> {
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return ok(url.toString());
  } catch {
    // reported below
  }
  return err("not a web address (http:// or https://)");
}
