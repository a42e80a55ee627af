import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { createConversationRuntime } from "../../agents/runtime.ts";
import type { ConversationRuntime, TurnResult } from "../../agents/turn-types.ts";
import { createConversationModels } from "../../agents/models/conversation-models.ts";
import { startWebChat } from "../../channels/web/chat-server.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext, type AppContext } from "../app-context.ts";
import { instantOption, integerOption } from "../options.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

interface TurnOptions {
  workspace?: string;
  now?: Date;
  thread?: string;
  json?: boolean;
}

async function openRuntime(ctx: AppContext): Promise<ConversationRuntime> {
  return createConversationRuntime({ db: ctx.database.db, pool: ctx.database.pool, models: createConversationModels(ctx.config.models), logger: ctx.logger });
}

async function workspaceFrom(ctx: AppContext, slug: string | undefined): Promise<Workspace> {
  if (!slug) throw new InputError("--workspace is required (see: npx bizos workspace list; the demo is 'demo')");
  return requireWorkspace(ctx.database.db, slug);
}

function renderTurn(result: TurnResult): string {
  return result.answer;
}

export function registerConversationCommands(program: Command): void {
  program
    .command("ask")
    .description("Ask one question and print the answer (or, with --json, everything the turn did)")
    .argument("<question...>", "the question, in English, Spanish or Portuguese")
    .option("-w, --workspace <slug>", "the workspace to ask about")
    .option("--now <iso>", "pin the turn's 'now' (ISO instant), e.g. 2026-11-21T15:00:00Z", instantOption("now"))
    .option("--thread <key>", "continue a thread: follow-ups reuse its earlier questions")
    .option("--json", "print { agent, toolCalls, answer, language, data, freshness, modelCalls, latencyMs }")
    .action((words: string[], options: TurnOptions) =>
      withAppContext({ migrate: true }, async (ctx) => {
        const workspace = await workspaceFrom(ctx, options.workspace);
        const runtime = await openRuntime(ctx);
        const result = await runtime.runTurn({ workspace, text: words.join(" "), thread: options.thread ?? null, now: options.now ?? ctx.clock.now() });
        ctx.out(options.json ? JSON.stringify(result, null, 2) : renderTurn(result));
      }),
    );

  program
    .command("chat")
    .description("Talk to a workspace in the terminal (/new starts a new thread, /exit leaves)")
    .option("-w, --workspace <slug>", "the workspace to talk to", "demo")
    .option("--now <iso>", "pin 'now' for every turn (ISO instant)", instantOption("now"))
    .option("--thread <key>", "continue an earlier thread")
    .action((options: TurnOptions) =>
      withAppContext({ migrate: true }, async (ctx) => {
        const workspace = await workspaceFrom(ctx, options.workspace);
        const runtime = await openRuntime(ctx);
        let thread = options.thread ?? null;
        ctx.out(`AI Business OS — ${workspace.name}. Ask in English, Spanish or Portuguese ("how much did we sell last week?"). /new, /exit.`);
        const input = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
        try {
          for (;;) {
            let line: string;
            try {
              line = (await input.question("\n› ")).trim();
            } catch {
              break; // stdin closed
            }
            if (line === "") continue;
            if (line === "/exit" || line === "/quit") break;
            if (line === "/new") {
              thread = null;
              ctx.out("(new thread)");
              continue;
            }
            const result = await runtime.runTurn({ workspace, text: line, thread, now: options.now ?? ctx.clock.now() });
            thread = result.thread;
            ctx.out(`\n${renderTurn(result)}`);
          }
        } finally {
          input.close();
        }
      }),
    );

  program
    .command("web")
    .description("Serve a small web chat page on localhost for trying the assistant in a browser")
    .option("-p, --port <n>", "port to listen on", integerOption("port", 0, 65535), 3000)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--now <iso>", "pin 'now' for every turn (ISO instant)", instantOption("now"))
    .action((options: { port: number; host: string; now?: Date }) =>
      withAppContext({ migrate: true }, async (ctx) => {
        const runtime = await openRuntime(ctx);
        const server = await startWebChat({ runtime, db: ctx.database.db, clock: options.now ? { now: () => options.now ?? new Date() } : ctx.clock, logger: ctx.logger, port: options.port, host: options.host });
        ctx.out(`Web chat on ${server.url} (Ctrl+C to stop)`);
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        await server.close();
      }),
    );
}
