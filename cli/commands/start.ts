import type { Command } from "commander";
import { listWorkspaces } from "../../db/repositories/workspaces.ts";
import { withAppContext } from "../app-context.ts";
import { integerOption } from "../options.ts";
import { renderWorkspaceReport, workspaceReport } from "../workspace-report.ts";
import { DEFAULT_DEMO_ORDERS, DEFAULT_DEMO_SEED, runDemoSeed } from "./seed.ts";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("Migrate the database, load the demo when it is empty, and show what is there (npm start)")
    .option("--orders <n>", "demo size when the database is empty", integerOption("orders", 100, 5_000_000), DEFAULT_DEMO_ORDERS)
    .action((options: { orders: number }) =>
      withAppContext({ migrate: true }, async (ctx) => {
        const { database, out } = ctx;
        out(`AI Business OS — database: ${database.dialect} (${database.location})`);
        if ((await listWorkspaces(database.db)).length === 0) {
          out("The database is empty: loading the demo workspaces…");
          await runDemoSeed(ctx, { orders: options.orders, seed: DEFAULT_DEMO_SEED, replace: false });
        }
        out(`\n${renderWorkspaceReport(await workspaceReport(database.db))}\n`);
        out(
          [
            "Next:",
            "  npx bizos workspace list                       the workspaces and their data",
            "  npx bizos seed demo --orders 1000000 --replace  a bigger demo",
            '  npx bizos workspace create --name "Mi Tienda" --currency MXN --timezone America/Mexico_City --locale es',
            "  npx bizos import csv orders.csv --workspace mi-tienda   your own order lines (generic or Shopify export)",
            "  npm test                                       the test suite",
          ].join("\n"),
        );
      }),
    );
}
