import type { Command } from "commander";
import { cohortAnalysis } from "../../engines/metrics/analysis/cohorts.ts";
import { findAnomalies } from "../../engines/metrics/analysis/metric-anomalies.ts";
import { backtestMetric, forecastMetric } from "../../engines/metrics/analysis/metric-forecast.ts";
import { RFM_SEGMENTS, rfmAnalysis, rfmCustomers, type RfmSegment } from "../../engines/metrics/analysis/rfm.ts";
import { isDimensionName, type DimensionName } from "../../engines/metrics/definitions/dimensions.ts";
import { fixedClock, type Clock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext } from "../app-context.ts";
import { renderAnomalies, renderBacktest, renderCohorts, renderForecast, renderRfm } from "../analysis-report.ts";
import { choiceOption, instantOption, integerOption } from "../options.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

interface Common {
  workspace: string;
  now?: Date;
  json?: boolean;
}

function clockOf(options: Common, fallback: Clock): Clock {
  return options.now ? fixedClock(options.now) : fallback;
}

function common(command: Command): Command {
  return command
    .requiredOption("--workspace <slug>", "workspace to analyse")
    .option("--now <instant>", "pretend it is this instant (ISO 8601)", instantOption("now"))
    .option("--json", "print the full result as JSON");
}

function dimensionsOption(raw: string): DimensionName[] {
  const names = raw.split(",").map((name) => name.trim()).filter((name) => name.length > 0);
  for (const name of names) if (!isDimensionName(name)) throw new InputError(`--drivers: unknown dimension "${name}"`);
  return names.filter(isDimensionName);
}

export function registerAnalysisCommands(program: Command): void {
  common(program.command("cohorts").description("Monthly acquisition cohorts: retention and cumulative revenue per customer"))
    .option("--months <n>", "cohorts to show (most recent months)", integerOption("months", 1, 240), 12)
    .option("--max-age <n>", "months after the first order to follow", integerOption("max-age", 0, 240), 12)
    .action((options: Common & { months: number; maxAge: number }) =>
      withAppContext({ migrate: true }, async ({ database, out, clock }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const report = await cohortAnalysis(database.db, { workspaceId: workspace.id, timeZone: workspace.timezone }, { asOf: clockOf(options, clock).now(), months: options.months, maxAge: options.maxAge });
        out(options.json ? JSON.stringify(report, null, 2) : renderCohorts(report, workspace));
      }),
    );

  common(program.command("rfm").description("RFM segments (champions, loyal, at risk…) with counts and revenue"))
    .option("--days <n>", "customers who bought in this many days", integerOption("days", 1, 3650), 365)
    .option("--segment <name>", `list a segment's customers: ${RFM_SEGMENTS.join(" | ")}`, choiceOption("segment", RFM_SEGMENTS))
    .option("--limit <n>", "customers to list with --segment", integerOption("limit", 1, 1000), 20)
    .action((options: Common & { days: number; segment?: RfmSegment; limit: number }) =>
      withAppContext({ migrate: true }, async ({ database, out, clock }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const scope = { workspaceId: workspace.id, timeZone: workspace.timezone };
        const asOf = clockOf(options, clock).now();
        const report = await rfmAnalysis(database.db, scope, { asOf, lookbackDays: options.days });
        const customers = options.segment ? await rfmCustomers(database.db, scope, { asOf, lookbackDays: options.days, segment: options.segment, limit: options.limit }) : null;
        out(options.json ? JSON.stringify({ report, customers }, null, 2) : renderRfm(report, workspace, customers));
      }),
    );

  common(program.command("anomalies").description("Unusual days in a metric (weekday- and trend-aware) and what drove them"))
    .option("--metric <name>", "metric to watch", "net_sales")
    .option("--days <n>", "recent days to check", integerOption("days", 1, 90), 14)
    .option("--history <n>", "days each day is compared with", integerOption("history", 28, 365), 56)
    .option("--drivers <dimensions>", "dimensions to explain anomalies with, comma-separated (default: channel, category, customer type, state…)", dimensionsOption)
    .action((options: Common & { metric: string; days: number; history: number; drivers?: DimensionName[] }) =>
      withAppContext({ migrate: true }, async ({ database, out, clock }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const found = await findAnomalies(database.db, workspace, clockOf(options, clock), { metric: options.metric, lookbackDays: options.days, historyDays: options.history, dimensions: options.drivers });
        if (!found.ok) throw new InputError(found.error.message);
        out(options.json ? JSON.stringify(found.value, null, 2) : renderAnomalies(found.value, workspace));
      }),
    );

  common(program.command("forecast").description("Forecast a metric's next days with a prediction interval, or backtest the forecast"))
    .option("--metric <name>", "metric to forecast (money or count)", "net_sales")
    .option("--days <n>", "days ahead (with --backtest: days per fold)", integerOption("days", 1, 365), 30)
    .option("--history <n>", "days of history to learn from", integerOption("history", 28, 3650), 365)
    .option("--backtest", "measure the forecast's error on past data instead (rolling origins)")
    .option("--folds <n>", "backtest folds", integerOption("folds", 1, 24), 4)
    .action((options: Common & { metric: string; days: number; history: number; backtest?: boolean; folds: number }) =>
      withAppContext({ migrate: true }, async ({ database, out, clock }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const at = clockOf(options, clock);
        if (options.backtest) {
          const result = await backtestMetric(database.db, workspace, at, { metric: options.metric, horizonDays: options.days, folds: options.folds, historyDays: options.history });
          if (!result.ok) throw new InputError(result.error.message);
          out(options.json ? JSON.stringify(result.value, null, 2) : renderBacktest(result.value, workspace));
          return;
        }
        const result = await forecastMetric(database.db, workspace, at, { metric: options.metric, horizonDays: options.days, historyDays: options.history });
        if (!result.ok) throw new InputError(result.error.message);
        out(options.json ? JSON.stringify(result.value, null, 2) : renderForecast(result.value, workspace));
      }),
    );
}
