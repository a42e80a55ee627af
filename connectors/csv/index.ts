/**
 * CSV order import: a generic order-lines file (with a column mapping, given or detected) or a
 * Shopify "Export orders" file, into a workspace's customers, products, orders, items and refunds.
 * The file is parsed and validated completely before anything is written; the write is one
 * transaction; importing the same bytes twice writes nothing the second time.
 */
import path from "node:path";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { silentProgress, type Progress } from "../../lib/progress.ts";
import { DATE_FORMATS } from "./dates.ts";
import { ENCODINGS } from "./decode.ts";
import { CsvError } from "./errors.ts";
import { DECIMAL_SEPARATORS } from "./numbers.ts";
import { IMPORT_FORMATS, inspectImportFile, parseImportFile, type ParseRequest } from "./parse.ts";
import { storeSummary, summarize, unchangedSummary, type ImportSummary } from "./summary.ts";
import { countExistingOrders, findImportBySha, writeImport } from "./write.ts";

export { CellError, ColumnMapError, CsvError, CsvImportError } from "./errors.ts";
export { GENERIC_FIELDS, GENERIC_FIELD_NAMES, type GenericField, type GenericFieldInfo } from "./fields.ts";
export { parseColumnList, parseColumnMap } from "./mapping.ts";
export { CSV_SOURCE } from "./write.ts";
export type { ImportSummary, ImportTotals } from "./summary.ts";
export type { ImportFormat } from "./parse.ts";

export interface ImportCsvOptions {
  readonly file: string;
  readonly format: "generic" | "shopify";
  /** Field → column header, e.g. { order_id: "Order ID", date: "Order Date" }; unmapped fields are auto-detected. */
  readonly map?: Readonly<Record<string, string>>;
  /** Extra columns kept as custom dimensions (attribute key: the column name in snake_case). */
  readonly dims?: readonly string[];
  readonly dateFormat?: "auto" | "iso" | "dmy" | "mdy" | "ymd";
  readonly encoding?: "auto" | "utf-8" | "windows-1252";
  readonly decimal?: "auto" | "." | ",";
  /** Parse and validate everything, write nothing. */
  readonly dryRun?: boolean;
}

const optionsSchema = z.object({
  file: z.string().trim().min(1, "file is required"),
  format: z.enum(IMPORT_FORMATS),
  map: z.record(z.string(), z.string().trim().min(1)).default({}),
  dims: z.array(z.string().trim().min(1)).default([]),
  dateFormat: z.enum(["auto", ...DATE_FORMATS]).default("auto"),
  encoding: z.enum(["auto", ...ENCODINGS]).default("auto"),
  decimal: z.enum(["auto", ...DECIMAL_SEPARATORS]).default("auto"),
  dryRun: z.boolean().default(false),
});

export async function importCsv(db: Db, workspace: Workspace, options: ImportCsvOptions, progress: Progress = silentProgress): Promise<ImportSummary> {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`).join("; ");
    throw new CsvError(options.file, `invalid import options: ${issues}`);
  }
  const o = checked.data;
  const request: ParseRequest = {
    file: path.resolve(o.file),
    label: o.file,
    format: o.format,
    map: o.map,
    dims: o.dims,
    dateFormat: o.dateFormat,
    encoding: o.encoding,
    decimal: o.decimal,
  };
  const target = { currency: workspace.currency, timeZone: workspace.timezone };
  const base = { file: o.file, format: o.format, currency: workspace.currency };
  const facts = await inspectImportFile(request);

  if (!o.dryRun) {
    const earlier = await findImportBySha(db, workspace.id, facts.sha256);
    if (earlier) {
      const stored = unchangedSummary(earlier.id, o.file, earlier.options);
      if (stored) return stored;
      // Imported by something that kept no summary: parse again for the figures, write nothing.
      const parsed = await parseImportFile(request, facts, target, progress);
      return summarize(parsed, { ...base, status: "unchanged", importId: earlier.id }, { new: 0, updated: 0 });
    }
  }

  const parsed = await parseImportFile(request, facts, target, progress);
  if (o.dryRun) {
    const existing = await countExistingOrders(
      db,
      workspace.id,
      parsed.orders.map((order) => order.externalId),
    );
    return summarize(parsed, { ...base, status: "dry_run", importId: null }, { new: parsed.orders.length - existing, updated: existing });
  }

  const draft = summarize(parsed, { ...base, status: "imported", importId: null }, { new: 0, updated: 0 });
  const written = await writeImport(
    db,
    workspace,
    {
      format: o.format,
      fileName: path.basename(request.file),
      sha256: facts.sha256,
      rows: parsed.rows,
      options: { format: o.format, map: o.map, dims: o.dims, dateFormat: o.dateFormat, encoding: o.encoding, decimal: o.decimal, summary: storeSummary(draft) },
    },
    parsed,
    progress,
  );
  if (written === "unchanged") {
    const earlier = await findImportBySha(db, workspace.id, facts.sha256);
    return { ...draft, status: "unchanged", importId: earlier?.id ?? null, orders: { total: parsed.orders.length, new: 0, updated: 0 } };
  }
  return { ...draft, importId: written.importId, orders: { total: parsed.orders.length, new: written.ordersNew, updated: written.ordersUpdated } };
}
