/**
 * The import's in-memory model: orders assembled from their lines, and the customers and products
 * they reference, keyed by natural keys. Both formats fill an ImportBuilder row by row; finish()
 * computes order totals and the order-level dimensions. Pure: no database.
 */
import type { Attributes } from "../../db/schema/columns.ts";
import type { OrderStatus } from "../../db/schema/commerce.ts";
import { CsvImportError } from "./errors.ts";
import type { OrderHeader } from "../commerce/write-orders.ts";

export interface LineDraft {
  readonly productKey: string;
  readonly sku: string | null;
  readonly title: string;
  readonly category: string | null;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly discountCents: number;
  /** Net amount of the line: what was paid for it. */
  readonly totalCents: number;
  /** Cost of the whole line, when known. */
  readonly costCents: number | null;
  readonly attributes: Attributes;
}

export interface RefundDraft {
  readonly externalId: string;
  readonly refundedAt: Date;
  readonly amountCents: number;
  readonly reason: string | null;
}

/** An order while its rows are read; order-level values are taken from the first row that has them. */
export interface OrderDraft {
  readonly externalId: string;
  readonly row: number;
  readonly line: number;
  placedAt: Date | null;
  status: OrderStatus | null;
  customerKey: string | null;
  sourceChannel: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  attributes: Attributes;
  shippingCents: number;
  taxCents: number;
  /** Order-level figures as the source reports them (Shopify); null: computed from the lines. */
  reportedDiscountCents: number | null;
  reportedTotalCents: number | null;
  readonly lines: LineDraft[];
  readonly refunds: RefundDraft[];
}

export interface ParsedOrder extends OrderHeader {
  readonly externalId: string;
  readonly customerKey: string | null;
  readonly lines: readonly LineDraft[];
  readonly refunds: readonly RefundDraft[];
}

export interface CustomerDraft {
  readonly key: string;
  name: string | null;
  email: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
}

export interface ProductDraft {
  readonly key: string;
  title: string;
  category: string | null;
  vendor: string | null;
  sku: string | null;
  /** Last unit price seen. */
  priceCents: number;
  /** Last unit cost seen, when the file gives costs. */
  costCents: number | null;
}

/** A product as one row describes it: raw cell text, "" when absent. */
export interface ProductInput {
  readonly title: string;
  readonly category: string;
  readonly vendor: string;
  readonly sku: string;
  readonly priceCents: number;
  readonly costCents: number | null;
}

export const NO_ATTRIBUTES: Attributes = Object.freeze({});

/**
 * A copy of a string that does not pin the text it was sliced from. V8 keeps substrings as views
 * into their parent, and the parents here are 1 MB decoded chunks: keeping one product title
 * would keep its whole chunk alive, i.e. the whole file over a million rows.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : (" " + value).slice(1);
}

/** Shares one copy of values that repeat across rows (titles, categories, cities, dimension values). */
export class Interner {
  private readonly values = new Map<string, string>();
  get(value: string): string {
    let interned = this.values.get(value);
    if (interned === undefined) {
      interned = detach(value);
      this.values.set(interned, interned);
    }
    return interned;
  }
  nullable(value: string): string | null {
    return value.length === 0 ? null : this.get(value);
  }
}

/** "Camiseta Básica - M / Azul" → "camiseta-basica-m-azul": a product key when a file has no product id. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug.slice(0, 200) : `name:${name.trim().toLowerCase()}`;
}

export class ImportBuilder {
  readonly orders = new Map<string, OrderDraft>();
  readonly customers = new Map<string, CustomerDraft>();
  readonly products = new Map<string, ProductDraft>();
  readonly strings = new Interner();
  private lastOrder: OrderDraft | undefined;

  constructor(private readonly file: string) {}

  /** The order with this id, created on its first row. */
  order(externalId: string, row: number, line: number): OrderDraft {
    // Lines of an order are usually consecutive: skip the map for a repeat.
    if (this.lastOrder?.externalId === externalId) return this.lastOrder;
    let order = this.orders.get(externalId);
    if (!order) {
      order = {
        externalId: detach(externalId),
        row,
        line,
        placedAt: null,
        status: null,
        customerKey: null,
        sourceChannel: null,
        country: null,
        state: null,
        city: null,
        attributes: {},
        shippingCents: 0,
        taxCents: 0,
        reportedDiscountCents: null,
        reportedTotalCents: null,
        lines: [],
        refunds: [],
      };
      this.orders.set(order.externalId, order);
    }
    this.lastOrder = order;
    return order;
  }

  /** Records a customer; later non-empty values replace earlier ones (the file's latest word wins). */
  customer(key: string, values: Omit<CustomerDraft, "key">): string {
    const existing = this.customers.get(key);
    if (!existing) {
      const stored = detach(key);
      this.customers.set(stored, { key: stored, ...values });
      return stored;
    }
    existing.name = values.name ?? existing.name;
    existing.email = values.email ?? existing.email;
    existing.country = values.country ?? existing.country;
    existing.state = values.state ?? existing.state;
    existing.city = values.city ?? existing.city;
    return existing.key;
  }

  /**
   * Records a product and its default variant's last price and cost; empty strings leave earlier
   * values alone. Returns the product, whose strings are shared copies the line can reuse:
   * comparing with the stored value first avoids hashing each cell into the interner.
   */
  product(key: string, input: ProductInput): ProductDraft {
    const existing = this.products.get(key);
    if (!existing) {
      const stored = this.strings.get(key);
      const draft: ProductDraft = {
        key: stored,
        title: this.strings.get(input.title),
        category: this.strings.nullable(input.category),
        vendor: this.strings.nullable(input.vendor),
        sku: this.strings.nullable(input.sku),
        priceCents: input.priceCents,
        costCents: input.costCents,
      };
      this.products.set(stored, draft);
      return draft;
    }
    if (existing.title !== input.title) existing.title = this.strings.get(input.title);
    if (input.category !== "" && existing.category !== input.category) existing.category = this.strings.get(input.category);
    if (input.vendor !== "" && existing.vendor !== input.vendor) existing.vendor = this.strings.get(input.vendor);
    if (input.sku !== "" && existing.sku !== input.sku) existing.sku = this.strings.get(input.sku);
    existing.priceCents = input.priceCents;
    existing.costCents = input.costCents ?? existing.costCents;
    return existing;
  }

  /** Totals per order, order-level dimensions, and the check that every order got a date. Empties the builder's order map. */
  finish(dimensionKeys: readonly string[]): ParsedOrder[] {
    const out: ParsedOrder[] = [];
    for (const order of this.orders.values()) {
      // Drafts are dropped as they are finished, so a big file never holds both forms of every order.
      this.orders.delete(order.externalId);
      if (order.placedAt === null) {
        throw new CsvImportError(this.file, { row: order.row, line: order.line }, `order "${order.externalId}" has no date on any of its rows`);
      }
      let lineTotal = 0;
      let lineDiscount = 0;
      for (const line of order.lines) {
        lineTotal += line.totalCents;
        lineDiscount += line.discountCents;
      }
      const discountCents = order.reportedDiscountCents ?? lineDiscount;
      const computedTotal = lineTotal - (discountCents - lineDiscount) + order.shippingCents + order.taxCents;
      out.push({
        externalId: order.externalId,
        placedAt: order.placedAt,
        status: order.status ?? "paid",
        customerKey: order.customerKey,
        subtotalCents: lineTotal + lineDiscount,
        discountCents,
        shippingCents: order.shippingCents,
        taxCents: order.taxCents,
        totalCents: order.reportedTotalCents ?? computedTotal,
        sourceChannel: order.sourceChannel,
        country: order.country,
        state: order.state,
        city: order.city,
        attributes: { ...constantDimensions(order.lines, dimensionKeys), ...order.attributes },
        lines: order.lines,
        refunds: order.refunds,
      });
    }
    return out;
  }
}

/** Dimensions whose value is the same on every line of the order describe the order itself. */
function constantDimensions(lines: readonly LineDraft[], keys: readonly string[]): Attributes {
  const constant: Attributes = {};
  for (const key of keys) {
    const value = lines[0]?.attributes[key];
    if (value !== undefined && lines.every((line) => line.attributes[key] === value)) constant[key] = value;
  }
  return constant;
}
