import { Command, CommanderError } from "commander";
import { registerAnalysisCommands } from "./commands/analyses.ts";
import { registerChannelsCommand } from "./commands/channels.ts";
import { registerCompetitorCommands } from "./commands/competitors.ts";
import { registerConnectCommands } from "./commands/connect.ts";
import { registerConversationCommands } from "./commands/conversation.ts";
import { registerDbCommands } from "./commands/db.ts";
import { registerImportCommands } from "./commands/import.ts";
import { registerInsightCommands } from "./commands/insights.ts";
import { registerJobsCommands } from "./commands/jobs.ts";
import { registerMemoryCommands } from "./commands/memory.ts";
import { registerMemberCommands } from "./commands/members.ts";
import { registerMetricsCommand } from "./commands/metrics.ts";
import { registerOutboxCommands } from "./commands/outbox.ts";
import { registerPricingCommands } from "./commands/pricing.ts";
import { registerSeedCommands } from "./commands/seed.ts";
import { registerStartCommand } from "./commands/start.ts";
import { registerSyncCommand } from "./commands/sync.ts";
import { registerWorkerCommand } from "./commands/worker.ts";
import { registerWorkspaceCommands } from "./commands/workspace.ts";
import { isExpectedError } from "./errors.ts";

function buildProgram(): Command {
  const program = new Command("bizos")
    .description("AI Business OS — talk to your store. Data, demo and import commands.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .showSuggestionAfterError(true)
    .exitOverride();
  registerStartCommand(program);
  registerWorkerCommand(program);
  registerInsightCommands(program);
  registerDbCommands(program);
  registerSeedCommands(program);
  registerWorkspaceCommands(program);
  registerImportCommands(program);
  registerConnectCommands(program);
  registerSyncCommand(program);
  registerMetricsCommand(program);
  registerAnalysisCommands(program);
  registerConversationCommands(program);
  registerMemberCommands(program);
  registerOutboxCommands(program);
  registerJobsCommands(program);
  registerMemoryCommands(program);
  registerChannelsCommand(program);
  registerCompetitorCommands(program);
  registerPricingCommands(program);
  program.addHelpText(
    "after",
    `
Examples:
  npx bizos start                                  migrate, load the demo if empty, serve Slack, WhatsApp, email and the web chat
  npx bizos channels                               which channels are configured and their webhook URLs
  npx bizos members add --workspace demo --name Ana --role owner
  npx bizos members link --workspace demo --member Ana --whatsapp +5215512345678
  npx bizos chat --workspace demo                  talk to the demo store (en/es/pt)
  npx bizos ask --workspace demo --json "¿cuánto vendimos ayer?"
  npx bizos web                                    a web chat page on http://127.0.0.1:3000/
  npx bizos seed demo --orders 1000000 --replace   a bigger demo (progress bar shows rows/s)
  npx bizos workspace create --name "Mi Tienda" --currency MXN --timezone America/Mexico_City --locale es
  npx bizos import csv orders.csv --workspace mi-tienda
  npx bizos connect shopify --workspace mi-tienda --shop mi-tienda --token shpat_…   then: npx bizos sync --workspace mi-tienda
  npx bizos competitors import precios.csv --workspace mi-tienda   competitor prices from a CSV (or: competitors fetch <url>)
  npx bizos pricing set --workspace demo --strategy beat_lowest --beat-percent 2 --min-margin 25

Configuration comes from environment variables (DATABASE_URL, BIZOS_DATA_DIR, …): see README.md.`,
  );
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isExpectedError(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv);
