/**
 * `bizos competitors`: competitor prices the store owner brings (a CSV file, a JSON feed) into a
 * workspace, and the latest price per competitor and product. What is imported is what the
 * competitor_prices tool answers from ("who undercut us this week?").
 */
import type { Command } from "commander";
import {
  describePosition,
  fetchCompetitorFeed,
  importCompetitorCsv,
  MATCH_METHODS,
  OBSERVATION_FIELDS,
  OBSERVATION_SYNONYMS,
  readLatestCompetitorPrices,
  type CompetitorImportSummary,
  type ImportCompetitorCsvOptions,
  type LatestCompetitorPrice,
  type MatchMethod,
  type UnmatchedEntry,
} from "../../connectors/competitors/index.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { InputError } from "../../lib/input-error.ts";
import { formatMoney } from "../../lib/money.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { localDate } from "../../lib/zoned-time.ts";
import { withAppContext } from "../app-context.ts";
import { choiceOption, integerOption, parseHeaderOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

const ENCODINGS = ["auto", "utf-8", "windows-1252"] as const;
const DECIMALS = ["auto", ".", ","] as const;
const DATE_FORMATS = ["auto", "iso", "dmy", "mdy", "ymd"] as const;
/** Problems listed per kind before "… and N more". */
const LISTED = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

type Place = Pick<Workspace, "slug" | "locale" | "timezone">;

/** A feed failure, said for the person at the terminal with what to do next. */
export function feedFailureMessage(error: ProviderError): string {
  const { failure } = error;
  switch (failure.kind) {
    case "rate_limited":
      return `${error.message}.`;
    case "transient":
      return `${error.message}. Nothing was written; try again later.`;
    case "auth":
      return `${error.message}. Nothing was written; pass the feed's credentials with --header "Authorization: Bearer <token>".`;
    case "permanent":
      return `${error.message}. Nothing was written.`;
    default:
      return assertNever(failure, "provider failure");
  }
}

const METHOD_LABELS: Record<MatchMethod, string> = { sku: "SKU", external_id: "product id", title: "title", close_title: "close title" };

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

function more(total: number): string[] {
  return total > LISTED ? [`  … and ${(total - LISTED).toLocaleString("en")} more (--json lists them all)`] : [];
}

/** Unmatched entries grouped by what they named, so one unknown title on 40 rows is one line. */
function unmatchedLines(entries: readonly UnmatchedEntry[]): string[] {
  const groups = new Map<string, { entries: UnmatchedEntry[] }>();
  for (const entry of entries) {
    const key = `${entry.reason}|${entry.value}`;
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { entries: [entry] });
  }
  const lines = [...groups.values()].map(({ entries: [first, ...rest] }) => {
    if (!first) return "";
    const where = rest.length === 0 ? describePosition(first.position) : `${describePosition(first.position)} and ${count(rest.length, "more", "more")}`;
    const why =
      first.reason === "ambiguous"
        ? `could be ${first.candidates.join(", ")}`
        : first.candidates.length > 0
          ? `no product answers to it; closest: ${first.candidates.join(", ")}`
          : "no product answers to it";
    return `  ${where}: ${first.value}: ${why}`;
  });
  return [...lines.slice(0, LISTED), ...more(lines.length)];
}

export function formatImportSummary(summary: CompetitorImportSummary, workspace: Place): string {
  const { counts, source } = summary;
  const unit = source.kind === "csv" ? ["row", "rows"] : ["item", "items"];
  const name = source.kind === "csv" ? source.file : source.url;
  const headline =
    summary.status === "imported"
      ? `Imported competitor prices from ${name} into ${workspace.slug}.`
      : `Dry run of ${name} for ${workspace.slug}: nothing was written.`;
  const span =
    summary.firstObservedAt && summary.lastObservedAt
      ? `; ${localDate(summary.firstObservedAt, workspace.timezone)} to ${localDate(summary.lastObservedAt, workspace.timezone)}`
      : "";
  const competitors = summary.competitors.length > 0 ? ` (${count(summary.competitors.length, "competitor", "competitors")}: ${summary.competitors.join(", ")}${span})` : "";
  const methods = MATCH_METHODS.filter((method) => summary.matchedBy[method] > 0)
    .map((method) => `${METHOD_LABELS[method]} ${summary.matchedBy[method].toLocaleString("en")}`);
  const lines = [
    headline,
    `  read         ${count(counts.read, unit[0] ?? "", unit[1] ?? "")}`,
    `  ${summary.status === "imported" ? "written  " : "would add"}    ${count(counts.written, "new observation", "new observations")}${competitors}`,
    `  duplicates   ${counts.duplicates.toLocaleString("en")} (already stored, or repeated in the source)`,
    `  unmatched    ${counts.unmatched.toLocaleString("en")}${counts.unmatched > 0 ? " (not written; see below)" : ""}`,
    `  invalid      ${counts.invalid.toLocaleString("en")}${counts.invalid > 0 ? " (not written; see below)" : ""}`,
    ...(methods.length > 0 ? [`  matched by   ${methods.join(", ")}`] : []),
  ];
  switch (source.kind) {
    case "csv": {
      const columns = OBSERVATION_FIELDS.flatMap((field) => (source.columns[field] === undefined ? [] : [`${field}="${source.columns[field]}"`]));
      lines.push(`  read as      ${source.encoding}${source.bom ? " with BOM" : ""}, delimiter ${JSON.stringify(source.delimiter)}, decimal "${source.decimal}", dates ${source.dateFormat}`);
      lines.push(`  columns      ${columns.join(", ")}`);
      if (source.ignored.length > 0) lines.push(`  ignored      ${source.ignored.map((header) => `"${header}"`).join(", ")}`);
      break;
    }
    case "feed":
      lines.push(`  pages        ${source.pages.toLocaleString("en")}`);
      if (source.notFollowed !== null) lines.push(`  stopped      at the page limit; not followed: ${source.notFollowed}`);
      break;
    default:
      assertNever(source, "source");
  }
  if (summary.closeMatches.length > 0) {
    lines.push("", "Matched by a close title (check these):");
    lines.push(...summary.closeMatches.slice(0, LISTED).map((m) => `  ${describePosition(m.position)}: ${m.value} → ${m.matchedTitle}`), ...more(summary.closeMatches.length));
  }
  if (summary.unmatched.length > 0) lines.push("", "Unmatched (not written):", ...unmatchedLines(summary.unmatched));
  if (summary.invalid.length > 0) {
    lines.push("", "Invalid (not written):");
    for (const problem of summary.invalid.slice(0, LISTED)) {
      const field = problem.field === null ? "" : `, ${problem.field}`;
      const value = problem.value === null || problem.value === "" ? "" : ` "${problem.value}"`;
      lines.push(`  ${describePosition(problem.position)}${field}${value}: ${problem.reason}`);
    }
    lines.push(...more(summary.invalid.length));
  }
  return lines.join("\n");
}

function gap(row: LatestCompetitorPrice): string {
  if (row.ourPriceCents === null || row.ourPriceCents <= 0) return "—";
  const pct = ((row.priceCents - row.ourPriceCents) / row.ourPriceCents) * 100;
  const rounded = Math.round(pct * 10) / 10;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(1)}%`;
}

export function formatLatestPrices(rows: readonly LatestCompetitorPrice[], workspace: Place, days: number, since: Date): string {
  const period = `the last ${count(days, "day", "days")} (since ${localDate(since, workspace.timezone)})`;
  if (rows.length === 0) {
    return `No competitor prices observed in ${workspace.slug} in ${period}. Bring some: npx bizos competitors import prices.csv --workspace ${workspace.slug}`;
  }
  const money = (cents: number, currency: string) => formatMoney(cents, currency, workspace.locale);
  return [
    `Latest competitor prices in ${workspace.slug}, ${period}; gap: their price against ours.`,
    "",
    renderTable(
      ["product", "sku", "competitor", "price", "ours", "gap", "in stock", "observed"],
      rows.map((row) => [
        row.title,
        row.sku ?? "—",
        row.competitor,
        money(row.priceCents, row.currency),
        row.ourPriceCents === null ? "—" : money(row.ourPriceCents, row.currency),
        gap(row),
        row.inStock ? "yes" : "no",
        localDate(row.observedAt, workspace.timezone),
      ]),
    ),
  ].join("\n");
}

function fieldHelp(): string {
  const rows = OBSERVATION_FIELDS.map((field) => `  ${field.padEnd(12)}${OBSERVATION_SYNONYMS[field].slice(0, 6).join(", ")}…`);
  return [
    "",
    "Columns are found by their headers (en/es/pt); competitor, price and one of sku/external_id/title are required:",
    ...rows,
    "",
    "Rows are matched to your products by SKU, then product id, then title (exact, then close). A row without a",
    "currency is in the workspace's; without a date, observed now. Re-importing the same file adds nothing.",
    "",
    "Examples:",
    "  npx bizos competitors import precios.csv --workspace mi-tienda",
    "  npx bizos competitors import precos.csv --workspace loja --dry-run --decimal ,",
  ].join("\n");
}

export function registerCompetitorCommands(program: Command): void {
  const competitors = program.command("competitors").description("Competitor prices: import them from a CSV file or a JSON feed, and list the latest");

  competitors
    .command("import")
    .description("Import competitor prices from a CSV file (rows that match no product are reported, not written)")
    .argument("<file>", "the CSV file")
    .requiredOption("-w, --workspace <slug>", "the workspace (see: npx bizos workspace list)")
    .option("--encoding <encoding>", "auto | utf-8 | windows-1252", choiceOption("encoding", ENCODINGS), "auto")
    .option("--decimal <separator>", "auto | . | ,", choiceOption("decimal", DECIMALS), "auto")
    .option("--date-format <format>", "auto | iso | dmy | mdy | ymd", choiceOption("date-format", DATE_FORMATS), "auto")
    .option("--dry-run", "read, check and match every row; write nothing")
    .option("--json", "print the summary as JSON")
    .addHelpText("after", fieldHelp())
    .action(
      (
        file: string,
        options: {
          workspace: string;
          encoding: NonNullable<ImportCompetitorCsvOptions["encoding"]>;
          decimal: NonNullable<ImportCompetitorCsvOptions["decimal"]>;
          dateFormat: NonNullable<ImportCompetitorCsvOptions["dateFormat"]>;
          dryRun?: boolean;
          json?: boolean;
        },
      ) =>
        withAppContext({ migrate: true }, async ({ database, clock, out }) => {
          const workspace = await requireWorkspace(database.db, options.workspace);
          const summary = await importCompetitorCsv(database.db, workspace, {
            file,
            encoding: options.encoding,
            decimal: options.decimal,
            dateFormat: options.dateFormat,
            dryRun: options.dryRun === true,
            clock,
          });
          out(options.json ? JSON.stringify(summary, null, 2) : formatImportSummary(summary, workspace));
        }),
    );

  competitors
    .command("fetch")
    .description("Fetch competitor prices from a JSON feed (following its next-page links) and import them")
    .argument("<url>", "the feed's http(s) URL")
    .requiredOption("-w, --workspace <slug>", "the workspace")
    .option("--header <header>", 'a header sent with every page, e.g. "Authorization: Bearer abc123" (repeatable)', parseHeaderOption, {})
    .option("--timeout-ms <ms>", "how long one page may take", integerOption("timeout-ms", 100, 600_000), 15_000)
    .option("--max-pages <n>", "pages followed at most", integerOption("max-pages", 1, 10_000), 50)
    .option("--dry-run", "fetch, check and match every item; write nothing")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      [
        "",
        'A page is an array of items, or {"items"|"data"|"prices": [...], "next"|"next_url"|"nextPageUrl": "...", "currency": "MXN"}.',
        'Items are flat objects with the CSV fields as keys (sku, title, competitor, price, currency, in_stock, observed_at, url;',
        "snake_case or camelCase, en/es/pt); prices in major units, as numbers or strings; dates ISO 8601 or Unix time.",
        "",
        "Example:",
        '  npx bizos competitors fetch https://prices.example.com/v1/feed --workspace mi-tienda --header "Authorization: Bearer abc123"',
      ].join("\n"),
    )
    .action((url: string, options: { workspace: string; header: Record<string, string>; timeoutMs: number; maxPages: number; dryRun?: boolean; json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, clock, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        let summary: CompetitorImportSummary;
        try {
          summary = await fetchCompetitorFeed(database.db, workspace, {
            url,
            headers: options.header,
            timeoutMs: options.timeoutMs,
            maxPages: options.maxPages,
            dryRun: options.dryRun === true,
            clock,
          });
        } catch (error) {
          if (error instanceof ProviderError) throw new InputError(feedFailureMessage(error));
          throw error;
        }
        out(options.json ? JSON.stringify(summary, null, 2) : formatImportSummary(summary, workspace));
      }),
    );

  competitors
    .command("list")
    .description("The latest price of each competitor per product, against ours")
    .requiredOption("-w, --workspace <slug>", "the workspace")
    .option("--days <n>", "observations of the last n days", integerOption("days", 1, 3650), 7)
    .option("--json", "print JSON instead of a table")
    .addHelpText("after", "\nExample:\n  npx bizos competitors list --workspace demo --days 30")
    .action((options: { workspace: string; days: number; json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, clock, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const since = new Date(clock.now().getTime() - options.days * DAY_MS);
        const rows = await readLatestCompetitorPrices(database.db, workspace.id, since);
        out(options.json ? JSON.stringify(rows, null, 2) : formatLatestPrices(rows, workspace, options.days, since));
      }),
    );
}
