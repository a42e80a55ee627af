import type { Command } from "commander";
import { CsvImportError, GENERIC_FIELDS, importCsv, parseColumnMap, type ImportCsvOptions, type ImportSummary } from "../../connectors/csv/index.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import { InputError } from "../../lib/input-error.ts";
import { formatMoney } from "../../lib/money.ts";
import { withAppContext } from "../app-context.ts";
import { registerExpectedError } from "../errors.ts";
import { choiceOption } from "../options.ts";
import { createProgressBar } from "../progress-bar.ts";

registerExpectedError(CsvImportError);

const FORMATS = ["generic", "shopify"] as const;
const DATE_FORMATS = ["auto", "iso", "dmy", "mdy", "ymd"] as const;
const ENCODINGS = ["auto", "utf-8", "windows-1252"] as const;
const DECIMALS = ["auto", ".", ","] as const;

function fieldHelp(): string {
  const rows = GENERIC_FIELDS.map((field) => `  ${field.name.padEnd(16)}${field.required ? "required  " : "          "}${field.description}`);
  return `\nGeneric fields (for --map field=Column):\n${rows.join("\n")}\n\nExamples:\n  npx bizos import csv orders.csv --workspace mi-tienda\n  npx bizos import csv ventas.csv --workspace mi-tienda --date-format dmy --map order_id=Pedido,amount=Importe --dims Region,Segmento\n  npx bizos import csv orders_export.csv --workspace mi-tienda --format shopify`;
}

function describeSummary(summary: ImportSummary, currency: string, locale: string): string {
  return JSON.stringify({ ...summary, currency, locale }, null, 2);
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
          const workspace = await findWorkspaceBySlug(database.db, options.workspace);
          if (!workspace) throw new InputError(`No workspace "${options.workspace}". See: npx bizos workspace list`);
          const summary = await importCsv(
            database.db,
            workspace,
            {
              file,
              format: options.format,
              ...(options.map ? { map: parseColumnMap(options.map) } : {}),
              ...(options.dims ? { dims: options.dims.split(",").map((d) => d.trim()).filter(Boolean) } : {}),
              dateFormat: options.dateFormat,
              encoding: options.encoding,
              decimal: options.decimal,
              dryRun: options.dryRun === true,
            },
            createProgressBar({ stream: process.stderr }),
          );
          if (options.json) {
            out(describeSummary(summary, workspace.currency, workspace.locale));
            return;
          }
          out(formatSummary(summary, workspace.currency, workspace.locale));
        }),
    );
}

function formatSummary(summary: ImportSummary, currency: string, locale: string): string {
  void formatMoney;
  return describeSummary(summary, currency, locale);
}
