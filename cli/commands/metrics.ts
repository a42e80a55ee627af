import type { Command } from "commander";
import { listDimensions } from "../../engines/metrics/definitions/dimensions.ts";
import { METRICS } from "../../engines/metrics/definitions/registry.ts";
import { queryMetrics } from "../../engines/metrics/query/execute.ts";
import type { MetricQueryInput } from "../../engines/metrics/query/query-schema.ts";
import { describeRangeSyntax } from "../../engines/metrics/time/parse-range-text.ts";
import { COMPARISONS, GRAINS, type Comparison, type Grain } from "../../engines/metrics/time/types.ts";
import { fixedClock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext } from "../app-context.ts";
import { renderMetricResult } from "../metric-report.ts";
import { choiceOption, instantOption, integerOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

interface MetricsOptions {
  workspace?: string;
  range: string;
  by?: Grain;
  breakdown?: string;
  top: number;
  sort?: string;
  asc?: boolean;
  filter: string[];
  compare?: Comparison | "last-year";
  now?: Date;
  json?: boolean;
  raw?: boolean;
  list?: boolean;
}

/** "dimension=value1,value2" or "dimension!=value" → a filter. */
function parseFilter(raw: string): NonNullable<MetricQueryInput["filters"]>[number] {
  const match = /^([\w.]+)\s*(!?=)\s*(.+)$/.exec(raw);
  if (!match) throw new InputError(`--filter must look like category=Calzado or source_channel!=pos (several values: country=MX,BR), got "${raw}"`);
  const values = match[3]!.split(",").map((value) => value.trim()).filter((value) => value.length > 0);
  return { dimension: match[1]!, operator: match[2] === "!=" ? "not_in" : "in", values };
}

function catalog(): string {
  const rows = METRICS.map((metric) => [metric.name, metric.domain, metric.unit, metric.formula, metric.dimensions.length === 0 ? "—" : metric.dimensions.join(" ")]);
  const dimensions = listDimensions().map((dimension) => `  ${dimension.name.padEnd(15)} ${dimension.description}`);
  return `${renderTable(["metric", "domain", "unit", "formula", "dimensions"], rows)}\n\nDimensions:\n${dimensions.join("\n")}\n  attr.<key>      A custom order attribute (e.g. attr.device).`;
}

export function registerMetricsCommand(program: Command): void {
  program
    .command("metrics")
    .description("Query business metrics: totals, trends, breakdowns and comparisons")
    .argument("[metrics...]", "metric names, e.g. net_sales orders aov (see --list)")
    .option("--workspace <slug>", "workspace to query")
    .option("--range <range>", "time range, in the workspace's time zone", "last 30 days")
    .option("--by <grain>", `split into buckets: ${GRAINS.join(" | ")}`, choiceOption("by", GRAINS))
    .option("--breakdown <dimension>", "split by a dimension: category, product, source_channel, country, platform… or attr.<key>")
    .option("--top <n>", "members to show in a breakdown (the rest become 'Other')", integerOption("top", 1, 100), 10)
    .option("--sort <metric>", "metric to rank breakdown members by (default: the first)")
    .option("--asc", "rank smallest first")
    .option("--filter <dimension=values>", "keep only some members, e.g. category=Calzado or source_channel!=pos (repeatable)", (raw: string, all: string[]) => [...all, raw], [])
    .option("--compare <period>", "compare with: previous | last-year", choiceOption("compare", [...COMPARISONS, "last-year"]))
    .option("--now <instant>", "pretend it is this instant (ISO 8601) when resolving the range", instantOption("now"))
    .option("--json", "print the full result as JSON")
    .option("--raw", "read raw orders instead of the daily rollups (to compare)")
    .option("--list", "list every metric and dimension")
    .addHelpText("after", `\nRanges:\n${describeRangeSyntax()}\n\nExamples:\n  npx bizos metrics net_sales orders aov --workspace demo --range "last 30 days" --compare previous\n  npx bizos metrics net_sales --workspace demo --range "2026" --by month\n  npx bizos metrics net_sales units --workspace demo --range "last 90 days" --breakdown category --top 5\n  npx bizos metrics roas ad_spend --workspace demo --range mtd --breakdown platform`)
    .action((metrics: string[], options: MetricsOptions) => {
      if (options.list) {
        process.stdout.write(`${catalog()}\n`);
        return Promise.resolve();
      }
      if (metrics.length === 0) throw new InputError("Name at least one metric, e.g. `npx bizos metrics net_sales --workspace demo`; `--list` shows them all.");
      if (!options.workspace) throw new InputError("--workspace <slug> is required. See: npx bizos workspace list");
      const slug = options.workspace;
      return withAppContext({ migrate: true }, async ({ database, out, clock }) => {
        const workspace = await requireWorkspace(database.db, slug);
        const query: MetricQueryInput = {
          metrics,
          range: options.range,
          grain: options.by ?? null,
          filters: options.filter.map(parseFilter),
          breakdown: options.breakdown ? { dimension: options.breakdown, top: options.top, sortBy: options.sort, direction: options.asc ? "asc" : "desc" } : null,
          comparison: options.compare === "last-year" ? "last_year" : (options.compare ?? null),
        };
        const result = await queryMetrics(database.db, workspace, query, { clock: options.now ? fixedClock(options.now) : clock, forceRaw: options.raw ?? false });
        if (!result.ok) throw new InputError(result.error.message);
        out(options.json ? JSON.stringify(result.value, null, 2) : renderMetricResult(result.value, workspace));
      });
    });
}
