import type { Command } from "commander";
import { createConversationModels } from "../../agents/models/conversation-models.ts";
import { createConversationRuntime } from "../../agents/runtime.ts";
import { startChannelServer } from "../../app/channel-server.ts";
import { terminalQrPrinter } from "../../channels/whatsapp-web/terminal-qr.ts";
import { resolveEncryptionKey } from "../../config/encryption-key.ts";
import { lateApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { chooseEmbedder } from "../../memory/embeddings/choose-embedder.ts";
import { listWorkspaces } from "../../db/repositories/workspaces.ts";
import { withAppContext, type AppContext } from "../app-context.ts";
import { channelReport } from "../channel-report.ts";
import { integerOption } from "../options.ts";
import { renderWorkspaceReport, workspaceReport } from "../workspace-report.ts";
import { DEFAULT_DEMO_ORDERS, DEFAULT_DEMO_SEED, runDemoSeed } from "./seed.ts";

async function serve(ctx: AppContext): Promise<void> {
  const { config, database, logger, clock, out } = ctx;
  const approvals = lateApprovalSink(database.db);
  const runtime = await createConversationRuntime({ db: database.db, pool: database.pool, models: createConversationModels(config.models), logger, approvals, embedder: chooseEmbedder(config) });
  const server = await startChannelServer({
    config,
    db: database.db,
    runtime,
    secretKey: resolveEncryptionKey(config).key,
    clock,
    logger,
    printQr: terminalQrPrinter((text) => process.stdout.write(text)),
  });
  approvals.bind(server.approvals);
  out([`Listening on ${server.url}  (web chat: ${server.url}/, health: ${server.url}/healthz)`, ...channelReport(config.channels)].join("\n"));
  out("Ctrl+C to stop.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  out("Stopping: finishing the messages in flight…");
  await server.close();
}

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("Migrate, load the demo when the database is empty, then serve every channel on one port (npm start)")
    .option("--orders <n>", "demo size when the database is empty", integerOption("orders", 100, 5_000_000), DEFAULT_DEMO_ORDERS)
    .option("--no-serve", "prepare the database and show what is there, then exit")
    .action((options: { orders: number; serve: boolean }) =>
      withAppContext({ migrate: true }, async (ctx) => {
        const { database, out } = ctx;
        out(`AI Business OS — database: ${database.dialect} (${database.location})`);
        if ((await listWorkspaces(database.db)).length === 0) {
          out("The database is empty: loading the demo workspaces…");
          await runDemoSeed(ctx, { orders: options.orders, seed: DEFAULT_DEMO_SEED, replace: false });
        }
        out(`\n${renderWorkspaceReport(await workspaceReport(database.db))}\n`);
        if (options.serve) return serve(ctx);
        out(
          [
            "Next:",
            "  npm start                                      serve Slack, WhatsApp, email and the web chat",
            "  npx bizos chat --workspace demo                talk to the demo store in the terminal",
            "  npx bizos members add --workspace demo --name Ana --role owner   then: members link --whatsapp/--slack/--email",
            "  npx bizos seed demo --orders 1000000 --replace  a bigger demo",
            "  npx bizos import csv orders.csv --workspace mi-tienda   your own order lines (generic or Shopify export)",
            "  npm test                                       the test suite",
          ].join("\n"),
        );
      }),
    );
}
