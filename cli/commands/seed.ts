import type { Command } from "commander";
import { defaultDemoEnd, seedDemo, type DemoManifest } from "../../demo/index.ts";
import { withAppContext, type AppContext } from "../app-context.ts";
import { dateOption, integerOption } from "../options.ts";
import { createProgressBar } from "../progress-bar.ts";
import { renderWorkspaceReport, workspaceReport } from "../workspace-report.ts";

export const DEFAULT_DEMO_ORDERS = 40_000;
export const DEFAULT_DEMO_SEED = 42;

export interface DemoSeedRequest {
  readonly orders: number;
  readonly seed: number;
  readonly end?: string;
  readonly replace: boolean;
}

/** Seeds the demo with a progress bar on stderr and prints how long it took. */
export async function runDemoSeed(ctx: AppContext, request: DemoSeedRequest): Promise<DemoManifest> {
  const end = request.end ?? defaultDemoEnd(ctx.clock);
  const startedAt = performance.now();
  const manifest = await seedDemo(ctx.database.db, {
    orders: request.orders,
    seed: request.seed,
    end,
    replace: request.replace,
    progress: createProgressBar({ stream: process.stderr }),
  });
  const seconds = (performance.now() - startedAt) / 1000;
  ctx.out(`Seeded the demo (seed ${request.seed}, ${request.orders.toLocaleString("en")} orders, data up to ${end}) in ${seconds.toFixed(1)} s.`);
  return manifest;
}

export function registerSeedCommands(program: Command): void {
  const seed = program.command("seed").description("Load generated data");
  seed
    .command("demo")
    .description("Create the demo workspaces: a Mexican apparel store, a Brazilian beauty store and a SaaS (deterministic)")
    .option("--orders <n>", "orders in the main store (the Brazilian store gets a quarter as many)", integerOption("orders", 100, 5_000_000), DEFAULT_DEMO_ORDERS)
    .option("--seed <s>", "random seed: the same seed, end date and orders give the same data", integerOption("seed", 0, 2 ** 31 - 1), DEFAULT_DEMO_SEED)
    .option("--end <date>", "data covers the two years before this date (default: today in Mexico City)", dateOption("end"))
    .option("--replace", "delete existing demo workspaces first")
    .action((options: { orders: number; seed: number; end?: string; replace?: boolean }) =>
      withAppContext({ migrate: true }, async (ctx) => {
        await runDemoSeed(ctx, { orders: options.orders, seed: options.seed, replace: options.replace === true, ...(options.end ? { end: options.end } : {}) });
        ctx.out(`\n${renderWorkspaceReport(await workspaceReport(ctx.database.db))}`);
      }),
    );
}
