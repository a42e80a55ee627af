import type { Command } from "commander";
import { GENERIC_FIELDS, GENERIC_FIELD_NAMES, importCsv, parseColumnList, parseColumnMap, type ImportCsvOptions, type ImportSummary } from "../../connectors/csv/index.ts";
import { formatMoney } from "../../lib/money.ts";
import { localDate } from "../../lib/zoned-time.ts";
import { withAppContext } from "../app-context.ts";
import { requireWorkspace } from "../workspace-lookup.ts";
import { choiceOption } from "../options.ts";
import { createProgressBar } from "../progress-bar.ts";

const FORMATS = ["generic", "shopify"] as const;
const DATE_FORMATS = ["auto", "iso", "dmy", "mdy", "ymd"] as const;
const ENCODINGS = ["auto", "utf-8", "windows-1252"] as const;
const DECIMALS = ["auto", ".", ","] as const;

function fieldHelp(): string {
  const rows = GENERIC_FIELDS.map((field) => `  ${field.name.padEnd(16)}${field.required ? "required  " : "          "}${field.description}`);
  return `\nGeneric fields (for --map field=Column):\n${rows.join("\n")}\n\nExamples:\n  npx bizos import csv orders.csv --workspace mi-tienda\n  npx bizos import csv ventas.csv --workspace mi-tienda --date-format dmy --map order_id=Pedido,amount=Importe --dims Region,Segmento\n  npx bizos import csv orders_export.csv --workspace mi-tienda --format shopify`;
}

export function registerImportCommands(program: Command): void {
  const importCommand = program.command("import").description("Import your own data");
  importCommand
    .command("csv")
    .description("Import order lines from a CSV file (all or nothing; re-importing the same file changes nothing)")
    .argument("<file>", "the CSV file")
    .requiredOption("--workspace <slug>", "the workspace to import into (see: npx bizos workspace list)")
    .option("--format <format>", "generic | shopify (Shopify admin 'Export orders')", choiceOption("format", FORMATS), "generic")
    .option("--map <pairs>", "column mapping, e.g. order_id=\"Order ID\",date=\"Order Date\" (default: matched from the headers)")
    .option("--dims <columns>", "extra columns kept as custom dimensions, comma-separated")
    .option("--date-format <format>", "auto | iso | dmy | mdy | ymd", choiceOption("date-format", DATE_FORMATS), "auto")
    .option("--encoding <encoding>", "auto | utf-8 | windows-1252", choiceOption("encoding", ENCODINGS), "auto")
    .option("--decimal <separator>", "auto | . | ,", choiceOption("decimal", DECIMALS), "auto")
    .option("--dry-run", "read and check the whole file, write nothing")
    .option("--json", "print the summary as JSON")
    .addHelpText("after", fieldHelp())
    .action(
      (
        file: string,
        options: {
          workspace: string;
          format: ImportCsvOptions["format"];
          map?: string;
          dims?: string;
          dateFormat: NonNullable<ImportCsvOptions["dateFormat"]>;
          encoding: NonNullable<ImportCsvOptions["encoding"]>;
          decimal: NonNullable<ImportCsvOptions["decimal"]>;
          dryRun?: boolean;
          json?: boolean;
        },
      ) =>
        withAppContext({ migrate: true }, async ({ database, out }) => {
          const workspace = await requireWorkspace(database.db, options.workspace);
          const summary = await importCsv(
            database.db,
            workspace,
            {
              file,
              format: options.format,
              ...(options.map ? { map: parseColumnMap(options.map) } : {}),
              ...(options.dims ? { dims: parseColumnList(options.dims) } : {}),
              dateFormat: options.dateFormat,
              encoding: options.encoding,
              decimal: options.decimal,
              dryRun: options.dryRun === true,
            },
            createProgressBar({ stream: process.stderr }),
          );
          out(options.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, workspace.locale, workspace.timezone));
        }),
    );
}

function formatSummary(summary: ImportSummary, locale: string, timeZone: string): string {
  const money = (cents: number) => formatMoney(cents, summary.currency, locale);
  const headline: Record<ImportSummary["status"], string> = {
    imported: `Imported ${summary.file} (import #${summary.importId ?? "?"}).`,
    unchanged: `Nothing to do: this exact file was already imported (import #${summary.importId ?? "?"}); nothing was written.`,
    dry_run: `Dry run of ${summary.file}: every row is valid; nothing was written.`,
  };
  const range =
    summary.firstOrderAt && summary.lastOrderAt ? `${localDate(summary.firstOrderAt, timeZone)} to ${localDate(summary.lastOrderAt, timeZone)}` : "—";
  // Fields in their documented order (a stored summary comes back from jsonb with its keys reordered).
  const order = (field: string) => {
    const index = (GENERIC_FIELD_NAMES as readonly string[]).indexOf(field);
    return index === -1 ? GENERIC_FIELD_NAMES.length : index;
  };
  const mapping = Object.entries(summary.mapping)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([field, column]) => `${field}="${column}"`);
  const dims = Object.entries(summary.dims).map(([key, column]) => `${key}="${column}"`);
  return [
    headline[summary.status],
    `  rows        ${summary.rows.toLocaleString("en")}`,
    `  orders      ${summary.orders.total.toLocaleString("en")} (${summary.orders.new.toLocaleString("en")} new, ${summary.orders.updated.toLocaleString("en")} updated)`,
    `  customers   ${summary.customers.toLocaleString("en")}    products ${summary.products.toLocaleString("en")}    refunds ${summary.refunds.toLocaleString("en")}`,
    `  dates       ${range}`,
    `  total       ${money(summary.totals.totalCents)} (discounts ${money(summary.totals.discountCents)}, refunded ${money(summary.totals.refundedCents)})`,
    `  read as     ${summary.encoding}${summary.bom ? " with BOM" : ""}, delimiter ${JSON.stringify(summary.delimiter)}, decimal "${summary.decimal}", dates ${summary.dateFormat}`,
    `  mapping     ${mapping.join(", ")}`,
    ...(dims.length > 0 ? [`  dimensions  ${dims.join(", ")}`] : []),
  ].join("\n");
}
