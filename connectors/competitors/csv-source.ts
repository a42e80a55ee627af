/**
 * Competitor prices from a CSV upload, decoded the way order imports are (connectors/csv: encoding
 * detection with Windows-1252, delimiter sniffing, decimal separators, day/month order decided once
 * for the file). Columns are found by their headers in en/es/pt (fields.ts). Two passes: the first
 * reads the header and the file-wide evidence (decimal separator, date order), the second turns
 * each row into an observation or a located problem.
 */
import path from "node:path";
import { DateEvidence, InstantResolver, parseDateParts, type DateFormat } from "../csv/dates.ts";
import { inspectFile, readRecords, type Delimiter, type Encoding } from "../csv/decode.ts";
import { CsvError } from "../csv/errors.ts";
import { parseDecimal, SeparatorTally, type DecimalSeparator, type ExactDecimal } from "../csv/numbers.ts";
import { UnterminatedQuoteError } from "../csv/tokenizer.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { cleanText, completeObservation, fieldForName, OBSERVATION_FIELDS, OBSERVATION_SYNONYMS, readInStock, type ObservationField } from "./fields.ts";
import type { CompetitorSource, SourceEntry } from "./observation.ts";

export interface CsvSourceOptions {
  /** The file as the person gave it (messages name it so); read from its resolved path. */
  readonly file: string;
  readonly encoding: Encoding | "auto";
  readonly decimal: DecimalSeparator | "auto";
  readonly dateFormat: DateFormat | "auto";
  /** The workspace's currency (a row without one is in it) and time zone (dates without an offset are in it). */
  readonly currency: string;
  readonly timeZone: string;
  /** When a row without a date was observed: the import. */
  readonly importedAt: Date;
}

export interface CsvSourceFacts {
  readonly kind: "csv";
  readonly file: string;
  /** Hex SHA-256 of the raw bytes. */
  readonly sha256: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat;
  /** Field → the header it was read from. */
  readonly columns: Partial<Record<ObservationField, string>>;
  /** Headers no field uses. */
  readonly ignored: readonly string[];
}

type Columns = Partial<Record<ObservationField, number>>;

function example(field: ObservationField): string {
  const [en, ...rest] = OBSERVATION_SYNONYMS[field];
  return `"${en}"${rest.length > 0 ? ` (or ${rest.slice(0, 3).map((name) => `"${name}"`).join(", ")}…)` : ""}`;
}

/** Each field's column by header; a header serves the first field that names it, once. */
function mapColumns(label: string, headers: readonly string[]): Columns {
  const columns: Columns = {};
  headers.forEach((header, index) => {
    const field = fieldForName(header);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  const found = `the headers are: ${headers.map((header) => `"${header}"`).join(", ")}`;
  if (columns.competitor === undefined) throw new CsvError(label, `no competitor column: name one ${example("competitor")}; ${found}`);
  if (columns.price === undefined) throw new CsvError(label, `no price column: name one ${example("price")}; ${found}`);
  if (columns.sku === undefined && columns.external_id === undefined && columns.title === undefined) {
    throw new CsvError(label, `no column names the product: give a SKU ${example("sku")}, a product id ${example("external_id")} or a title ${example("title")}; ${found}`);
  }
  return columns;
}

function settle<T>(label: string, forced: T | "auto", detected: Result<T, string>): T {
  if (forced !== "auto") return forced;
  if (!detected.ok) throw new CsvError(label, detected.error);
  return detected.value;
}

export function createCsvSource(options: CsvSourceOptions): CompetitorSource<CsvSourceFacts> {
  const label = options.file;
  const file = path.resolve(options.file);

  /** Every record after the header, with its physical line; the header to onHeader. */
  async function eachRow(facts: { encoding: Encoding; delimiter: Delimiter }, onHeader: (headers: string[]) => void, onRow: (cells: string[], line: number) => void): Promise<number> {
    let rows = 0;
    let header = true;
    try {
      await readRecords(file, facts.encoding, facts.delimiter, (fields, line) => {
        if (header) {
          header = false;
          onHeader(fields.map((name) => name.replace(/^\uFEFF/, "").trim()));
          return;
        }
        rows++;
        onRow(fields, line);
      });
    } catch (error) {
      if (error instanceof UnterminatedQuoteError) throw new CsvError(label, error.message);
      if (error instanceof CsvError) throw new CsvError(label, error.reason);
      throw error;
    }
    if (header) throw new CsvError(label, "the file has no header row");
    return rows;
  }

  return {
    label,
    async read(onEntry: (entry: SourceEntry) => void): Promise<CsvSourceFacts> {
      let inspected;
      try {
        inspected = await inspectFile(file, options.encoding);
      } catch (error) {
        if (error instanceof CsvError) throw new CsvError(label, error.reason);
        throw error;
      }

      // Pass 1: the header, and what the prices and dates say about the file's conventions.
      let headers: string[] = [];
      let columns: Columns = {};
      const separators = new SeparatorTally();
      const dates = new DateEvidence();
      const rows = await eachRow(
        inspected,
        (found) => {
          headers = found;
          columns = mapColumns(label, found);
        },
        (cells, line) => {
          if (columns.price !== undefined) separators.add(cells[columns.price] ?? "", line);
          if (columns.observed_at !== undefined) dates.add(cells[columns.observed_at] ?? "", line);
        },
      );
      if (rows === 0) throw new CsvError(label, "the file has a header but no data rows");
      const decimal = settle(label, options.decimal, separators.resolve());
      const dateFormat = settle(label, options.dateFormat, dates.resolve());

      // Pass 2: each row to an observation or a problem.
      const resolver = new InstantResolver(options.timeZone);
      const digits = currencyMinorDigits(options.currency);
      const header = (field: ObservationField) => {
        const index = columns[field];
        return index === undefined ? field : (headers[index] ?? field);
      };
      await eachRow(
        inspected,
        () => undefined,
        (cells, line) => {
          const position = { kind: "line", line } as const;
          const cell = (field: ObservationField) => {
            const index = columns[field];
            return index === undefined ? "" : (cells[index] ?? "");
          };
          const invalid = (field: ObservationField, reason: string, value: string | null = cell(field)) =>
            onEntry({ kind: "invalid", problem: { position, field: header(field), value, reason } });

          const price = readPrice(cell("price"), decimal);
          if (!price.ok) return invalid("price", price.error);
          const inStock = readInStock(cell("in_stock"));
          if (!inStock.ok) return invalid("in_stock", inStock.error);
          const dateText = cell("observed_at").trim();
          let observedAt = options.importedAt;
          if (dateText.length > 0) {
            const parts = parseDateParts(dateText, dateFormat);
            if (!parts.ok) return invalid("observed_at", parts.error);
            observedAt = resolver.toDate(parts.value);
          }
          const completed = completeObservation(
            {
              position,
              sku: cleanText(cell("sku")),
              externalId: cleanText(cell("external_id")),
              title: cleanText(cell("title")),
              competitor: cleanText(cell("competitor")),
              price: price.value,
              currency: cleanText(cell("currency")),
              inStock: inStock.value,
              observedAt,
              url: cleanText(cell("url")),
            },
            options.currency,
            digits,
          );
          if (!completed.ok) return invalid(completed.error.field, completed.error.reason, completed.error.value ?? cell(completed.error.field));
          onEntry({ kind: "observation", observation: completed.value });
        },
      );

      const used = new Set(Object.values(columns));
      const named: Partial<Record<ObservationField, string>> = {};
      for (const field of OBSERVATION_FIELDS) {
        const index = columns[field];
        if (index !== undefined) named[field] = headers[index] ?? field;
      }
      return {
        kind: "csv",
        file: label,
        sha256: inspected.sha256,
        encoding: inspected.encoding,
        bom: inspected.bom,
        delimiter: inspected.delimiter,
        decimal,
        dateFormat,
        columns: named,
        ignored: headers.filter((_, index) => !used.has(index)),
      };
    },
  };
}

function readPrice(text: string, decimal: DecimalSeparator): Result<ExactDecimal | null, string> {
  if (text.trim().length === 0) return ok(null);
  const parsed = parseDecimal(text, decimal);
  return parsed.ok ? parsed : err(`the price is ${parsed.error}`);
}
