/**
 * The whole file to an in-memory import, without touching the database. Three streaming passes:
 * bytes (hash, encoding, delimiter); a scan (header, row count, and the file-wide evidence for the
 * date format, the decimal separator and value-dependent mapping); then the conversion of every
 * row. Each pass holds one chunk of text at a time; only the parsed orders accumulate.
 */
import { currencyMinorDigits } from "../../lib/money.ts";
import type { Progress } from "../../lib/progress.ts";
import { DateEvidence, InstantResolver, type DateFormat } from "./dates.ts";
import { inspectFile, readRecords, type Encoding, type FileFacts } from "./decode.ts";
import { CellError, CsvError, CsvImportError } from "./errors.ts";
import type { GenericField } from "./fields.ts";
import { genericRowReader, type RowReader } from "./generic.ts";
import { MappingEvidence, describeMapping, planMapping, resolveMapping, type Dimension, type MappingPlan } from "./mapping.ts";
import { ImportBuilder, type CustomerDraft, type ParsedOrder, type ProductDraft } from "./normalize.ts";
import { SeparatorTally, type DecimalSeparator } from "./numbers.ts";
import { shopifyColumns, shopifyMapping, shopifyRowReader } from "./shopify.ts";
import { UnterminatedQuoteError } from "./tokenizer.ts";

export const IMPORT_FORMATS = ["generic", "shopify"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ParseRequest {
  readonly file: string;
  /** How the file is named in messages (the path as the user gave it). */
  readonly label: string;
  readonly format: ImportFormat;
  readonly map: Readonly<Record<string, string>>;
  readonly dims: readonly string[];
  readonly dateFormat: DateFormat | "auto";
  readonly encoding: Encoding | "auto";
  readonly decimal: DecimalSeparator | "auto";
}

export interface ParseTarget {
  readonly currency: string;
  readonly timeZone: string;
}

export interface ParsedImport {
  readonly facts: FileFacts;
  readonly rows: number;
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat;
  readonly mapping: Record<string, string>;
  readonly dims: Record<string, string>;
  readonly orders: readonly ParsedOrder[];
  readonly customers: readonly CustomerDraft[];
  readonly products: readonly ProductDraft[];
}

const MONEY_FIELDS: readonly GenericField[] = ["amount", "unit_price", "discount", "discount_rate", "cost", "profit", "shipping", "tax"];
const PROGRESS_EVERY = 5000;

/** Streams the records, turning tokenizer and cell errors into located CsvImportErrors. */
async function eachRow(request: ParseRequest, facts: FileFacts, onHeader: (headers: string[]) => void, onRow: RowReader): Promise<number> {
  let rows = 0;
  let header = true;
  try {
    await readRecords(request.file, facts.encoding, facts.delimiter, (fields, line) => {
      if (header) {
        header = false;
        onHeader(fields.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, "") : name).trim()));
        return;
      }
      rows++;
      try {
        onRow(fields, rows, line);
      } catch (error) {
        if (error instanceof CellError) throw new CsvImportError(request.label, { row: rows, line, column: error.column, value: error.value }, error.reason);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof UnterminatedQuoteError) throw new CsvImportError(request.label, { row: rows + 1, line: error.line }, error.message);
    throw error;
  }
  if (header) throw new CsvError(request.label, "the file has no header row");
  return rows;
}

function settle<T>(label: string, forced: T | "auto", detected: () => { ok: true; value: T } | { ok: false; error: string }): T {
  if (forced !== "auto") return forced;
  const result = detected();
  if (!result.ok) throw new CsvError(label, result.error);
  return result.value;
}

/** Hash, encoding and delimiter of the file (the first, cheap pass). */
export async function inspectImportFile(request: ParseRequest): Promise<FileFacts> {
  try {
    return await inspectFile(request.file, request.encoding);
  } catch (error) {
    if (error instanceof CsvError) throw new CsvError(request.label, error.reason);
    throw error;
  }
}

export async function parseImportFile(request: ParseRequest, facts: FileFacts, target: ParseTarget, progress: Progress): Promise<ParsedImport> {
  const { label } = request;

  // Pass 1: header, mapping plan, row count and file-wide evidence.
  let headers: readonly string[] = [];
  let plan: MappingPlan | undefined;
  let evidence: MappingEvidence | undefined;
  const dates = new DateEvidence();
  const separators = new SeparatorTally();
  let dateIndex = -1;
  let moneyIndexes: number[] = [];
  const rows = await eachRow(
    request,
    facts,
    (found) => {
      headers = found;
      if (request.format === "shopify") {
        shopifyColumns(label, found);
        return;
      }
      plan = planMapping(label, found, request.map, request.dims);
      evidence = new MappingEvidence(plan);
      dateIndex = plan.columns.get("date") ?? -1;
      moneyIndexes = MONEY_FIELDS.map((field) => plan?.columns.get(field) ?? -1).filter((i) => i !== -1);
    },
    (fields, row) => {
      evidence?.observe(fields);
      if (dateIndex !== -1) dates.add(fields[dateIndex] ?? "", row);
      for (const i of moneyIndexes) separators.add(fields[i] ?? "", row);
    },
  );
  if (rows === 0) throw new CsvError(label, "the file has a header but no data rows");

  const builder = new ImportBuilder(label);
  const resolver = new InstantResolver(target.timeZone);
  const digits = currencyMinorDigits(target.currency);
  let reader: RowReader;
  let mapping: Record<string, string>;
  let dims: readonly Dimension[];
  let decimal: DecimalSeparator;
  let dateFormat: DateFormat;
  if (request.format === "shopify") {
    const columns = shopifyColumns(label, headers);
    dims = planMapping(label, headers, {}, request.dims).dims;
    // Shopify writes amounts with a decimal point and ISO-like dates, whatever the store's locale.
    decimal = request.decimal === "auto" ? "." : request.decimal;
    dateFormat = "iso";
    mapping = shopifyMapping(columns);
    reader = shopifyRowReader({ columns, headers, dims, decimal, currency: target.currency, digits, resolver, builder });
  } else {
    if (!plan || !evidence) throw new CsvError(label, "the file has no header row");
    const resolved = resolveGeneric(label, plan, evidence, headers);
    dims = resolved.dims;
    decimal = settle(label, request.decimal, () => separators.resolve());
    dateFormat = settle(label, request.dateFormat, () => dates.resolve());
    mapping = describeMapping(headers, resolved.columns);
    reader = genericRowReader({ mapping: resolved, decimal, dateFormat, currency: target.currency, digits, resolver, builder });
  }

  // Pass 2: every row into orders, customers and products.
  progress.start("parse", rows, "rows");
  let sinceReport = 0;
  await eachRow(
    request,
    facts,
    () => undefined,
    (fields, row, line) => {
      reader(fields, row, line);
      if (++sinceReport === PROGRESS_EVERY) {
        progress.advance(sinceReport);
        sinceReport = 0;
      }
    },
  );
  progress.advance(sinceReport);
  progress.finish();

  const dimensionKeys = dims.map((dim) => dim.key);
  return {
    facts,
    rows,
    decimal,
    dateFormat,
    mapping,
    dims: Object.fromEntries(dims.map((dim) => [dim.key, dim.header])),
    orders: builder.finish(dimensionKeys),
    customers: [...builder.customers.values()],
    products: [...builder.products.values()],
  };
}

function resolveGeneric(label: string, plan: MappingPlan, evidence: MappingEvidence, headers: readonly string[]) {
  try {
    return resolveMapping(label, plan, evidence);
  } catch (error) {
    const looksShopify = headers.includes("Lineitem name") && headers.includes("Financial Status");
    if (error instanceof CsvError && looksShopify) {
      throw new CsvError(label, `${error.reason}. This looks like a Shopify orders export: use --format shopify`);
    }
    throw error;
  }
}
