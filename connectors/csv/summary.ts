/**
 * What an import reports, and how that report is kept in imports.options so that re-importing the
 * same file can answer "unchanged" with the original figures without reading the file again.
 */
import { z } from "zod";
import { DATE_FORMATS, type DateFormat } from "./dates.ts";
import { DELIMITERS, ENCODINGS, type Delimiter, type Encoding } from "./decode.ts";
import { DECIMAL_SEPARATORS, type DecimalSeparator } from "./numbers.ts";
import { IMPORT_FORMATS, type ImportFormat, type ParsedImport } from "./parse.ts";

export interface ImportTotals {
  /** Σ line amounts before discounts. */
  readonly subtotalCents: number;
  readonly discountCents: number;
  readonly shippingCents: number;
  readonly taxCents: number;
  /** Σ order totals (cancelled orders included; they are imported with their status). */
  readonly totalCents: number;
  readonly refundedCents: number;
}

export interface ImportSummary {
  /** imported; unchanged: this exact file was imported before and nothing was written; dry_run: nothing written. */
  readonly status: "imported" | "unchanged" | "dry_run";
  /** This import's id; for "unchanged" the earlier import of the same file; null on a dry run. */
  readonly importId: number | null;
  readonly file: string;
  readonly format: ImportFormat;
  /** Data rows (lines of the file after the header, blank lines aside). */
  readonly rows: number;
  readonly orders: { readonly total: number; readonly new: number; readonly updated: number };
  /** Distinct customers and products in the file. */
  readonly customers: number;
  readonly products: number;
  readonly refunds: number;
  readonly currency: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat;
  /** Field → column header actually used. */
  readonly mapping: Readonly<Record<string, string>>;
  /** Dimension key → column header. */
  readonly dims: Readonly<Record<string, string>>;
  readonly firstOrderAt: Date | null;
  readonly lastOrderAt: Date | null;
  readonly totals: ImportTotals;
}

export function summarize(
  parsed: ParsedImport,
  base: { readonly status: ImportSummary["status"]; readonly importId: number | null; readonly file: string; readonly format: ImportFormat; readonly currency: string },
  orders: { readonly new: number; readonly updated: number },
): ImportSummary {
  const totals = { subtotalCents: 0, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: 0, refundedCents: 0 };
  let first: number | null = null;
  let last: number | null = null;
  let refunds = 0;
  for (const order of parsed.orders) {
    totals.subtotalCents += order.subtotalCents;
    totals.discountCents += order.discountCents;
    totals.shippingCents += order.shippingCents;
    totals.taxCents += order.taxCents;
    totals.totalCents += order.totalCents;
    for (const refund of order.refunds) {
      totals.refundedCents += refund.amountCents;
      refunds++;
    }
    const at = order.placedAt.getTime();
    if (first === null || at < first) first = at;
    if (last === null || at > last) last = at;
  }
  return {
    status: base.status,
    importId: base.importId,
    file: base.file,
    format: base.format,
    rows: parsed.rows,
    orders: { total: parsed.orders.length, ...orders },
    customers: parsed.customers.length,
    products: parsed.products.length,
    refunds,
    currency: base.currency,
    encoding: parsed.facts.encoding,
    bom: parsed.facts.bom,
    delimiter: parsed.facts.delimiter,
    decimal: parsed.decimal,
    dateFormat: parsed.dateFormat,
    mapping: parsed.mapping,
    dims: parsed.dims,
    firstOrderAt: first === null ? null : new Date(first),
    lastOrderAt: last === null ? null : new Date(last),
    totals,
  };
}

const storedSummary = z.object({
  format: z.enum(IMPORT_FORMATS),
  rows: z.number().int(),
  orders: z.number().int(),
  customers: z.number().int(),
  products: z.number().int(),
  refunds: z.number().int(),
  currency: z.string(),
  encoding: z.enum(ENCODINGS),
  bom: z.boolean(),
  delimiter: z.enum(DELIMITERS),
  decimal: z.enum(DECIMAL_SEPARATORS),
  dateFormat: z.enum(DATE_FORMATS),
  mapping: z.record(z.string(), z.string()),
  dims: z.record(z.string(), z.string()),
  firstOrderAt: z.string().nullable(),
  lastOrderAt: z.string().nullable(),
  totals: z.object({
    subtotalCents: z.number().int(),
    discountCents: z.number().int(),
    shippingCents: z.number().int(),
    taxCents: z.number().int(),
    totalCents: z.number().int(),
    refundedCents: z.number().int(),
  }),
});
type StoredSummary = z.infer<typeof storedSummary>;

/** The summary as JSON-safe data for imports.options.summary. */
export function storeSummary(summary: ImportSummary): StoredSummary {
  return {
    format: summary.format,
    rows: summary.rows,
    orders: summary.orders.total,
    customers: summary.customers,
    products: summary.products,
    refunds: summary.refunds,
    currency: summary.currency,
    encoding: summary.encoding,
    bom: summary.bom,
    delimiter: summary.delimiter,
    decimal: summary.decimal,
    dateFormat: summary.dateFormat,
    mapping: { ...summary.mapping },
    dims: { ...summary.dims },
    firstOrderAt: summary.firstOrderAt?.toISOString() ?? null,
    lastOrderAt: summary.lastOrderAt?.toISOString() ?? null,
    totals: { ...summary.totals },
  };
}

/** The "unchanged" answer from an earlier import's stored options, or undefined if they are not ours. */
export function unchangedSummary(importId: number, file: string, options: unknown): ImportSummary | undefined {
  const parsed = z.object({ summary: storedSummary }).safeParse(options);
  if (!parsed.success) return undefined;
  const stored = parsed.data.summary;
  return {
    status: "unchanged",
    importId,
    file,
    format: stored.format,
    rows: stored.rows,
    orders: { total: stored.orders, new: 0, updated: 0 },
    customers: stored.customers,
    products: stored.products,
    refunds: stored.refunds,
    currency: stored.currency,
    encoding: stored.encoding,
    bom: stored.bom,
    delimiter: stored.delimiter,
    decimal: stored.decimal,
    dateFormat: stored.dateFormat,
    mapping: stored.mapping,
    dims: stored.dims,
    firstOrderAt: stored.firstOrderAt === null ? null : new Date(stored.firstOrderAt),
    lastOrderAt: stored.lastOrderAt === null ? null : new Date(stored.lastOrderAt),
    totals: stored.totals,
  };
}
