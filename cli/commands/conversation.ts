import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { createConversationRuntime } from "../../agents/runtime.ts";
import type { ConversationRuntime, TurnResult } from "../../agents/turn-types.ts";
import { createConversationModels } from "../../agents/models/conversation-models.ts";
import { answeredTurn, recordOwnerTurn } from "../../channels/inbound/turn-record.ts";
import { startWebChat } from "../../channels/web/chat-server.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { InputError } from "../../lib/input-error.ts";
import { fixedClock } from "../../lib/clock.ts";
import { approvalChannels, createPriceChanges } from "../../app/price-changes.ts";
import { applyNews, type MessageContext } from "../../channels/approvals/approval-messages.ts";
import { resolveEncryptionKey } from "../../config/encryption-key.ts";
import { detectLanguage } from "../../agents/models/offline/understanding/language.ts";
import { tokenize } from "../../agents/models/offline/understanding/normalize.ts";
import { withAppContext, type AppContext } from "../app-context.ts";
import { instantOption, integerOption } from "../options.ts";
import { requireWorkspace } from "../workspace-lookup.ts";
import { chooseEmbedder } from "../../memory/embeddings/choose-embedder.ts";
import { indexWorkspaceMessages } from "../../memory/index-messages.ts";

interface TurnOptions {
  workspace?: string;
  now?: Date;
  thread?: string;
  json?: boolean;
}

async function openRuntime(ctx: AppContext): Promise<ConversationRuntime> {
  return createConversationRuntime({ db: ctx.database.db, pool: ctx.database.pool, models: createConversationModels(ctx.config.models), logger: ctx.logger, embedder: chooseEmbedder(ctx.config) });
}

interface TerminalConversation {
  readonly runtime: ConversationRuntime;
  /** Runs a line: an approval reply is decided (and applied) here; anything else is a turn. */
  say(workspace: Workspace, text: string, thread: string | null, now: Date): Promise<{ readonly answer: string; readonly thread: string | null; readonly result: TurnResult | null }>;
  close(): Promise<void>;
}

/**
 * The terminal's conversation: the runtime plus the approvals desk, as the machine's owner. Approval
 * requests for other approvers wait in the outbox until `bizos start` delivers them; changes
 * approved here are applied in this process and the outcome printed. Every line and its answer
 * (with the turn's tool results) are recorded as a "cli" conversation and embedded at once, so memory
 * has them too.
 */
async function openConversation(ctx: AppContext, pinnedNow: Date | undefined): Promise<TerminalConversation> {
  const { config, database, logger } = ctx;
  // --now pins decisions, expiry and applying too, so a pinned conversation stays consistent.
  const clock = pinnedNow ? fixedClock(pinnedNow) : ctx.clock;
  const news: string[] = [];
  const priceChanges = createPriceChanges({
    db: database.db,
    clock,
    logger,
    // Nothing delivers from the terminal: queued messages are sent by `bizos start` (its sweep finds them).
    scheduler: { schedule: () => Promise.resolve() },
    ...approvalChannels(config.channels),
    secretKey: resolveEncryptionKey(config).key,
    redisUrl: null,
    // News arrives while a line is being answered: it is written for that line's workspace and language.
    onNews: (item) => news.push(applyNews(item, { ...context, currency: item.proposal.currency ?? context.currency }).text),
  });
  let context: MessageContext = { language: "en", currency: "USD", timeZone: "UTC" };
  const embedder = chooseEmbedder(config);
  const runtime = await createConversationRuntime({ db: database.db, pool: database.pool, models: createConversationModels(config.models), logger, approvals: priceChanges.notifier, embedder });
  // No server indexes memory behind the terminal: the turn just recorded is embedded right away, so the next line can recall it.
  const indexNow = async (workspace: Workspace) => {
    if (config.channels.memoryIndexEveryMs > 0) await indexWorkspaceMessages(database.db, embedder, workspace.id);
  };
  return {
    runtime,
    async say(workspace, text, thread, now) {
      context = { language: detectLanguage(tokenize(text), workspace.locale), currency: workspace.currency, timeZone: workspace.timezone };
      const decision = await priceChanges.desk.handleText({ workspace, replier: { memberId: null, role: "owner", language: context.language }, channel: "cli", threadKey: null, text });
      if (decision !== null) {
        await priceChanges.runner.idle?.();
        const answer = [decision.text, ...news.splice(0)].join("\n\n");
        const answered = { answer: { content: answer, language: decision.language, at: clock.now(), metadata: { kind: "decision" } }, toolResults: [] };
        await recordOwnerTurn(database.db, { workspaceId: workspace.id, channel: "cli", threadKey: thread ?? randomUUID(), question: text, askedAt: now, answered });
        await indexNow(workspace);
        return { answer, thread, result: null };
      }
      const result = await runtime.runTurn({ workspace, text, thread, now });
      await recordOwnerTurn(database.db, { workspaceId: workspace.id, channel: "cli", threadKey: result.thread, question: text, askedAt: now, answered: answeredTurn(result, clock.now()) });
      await indexNow(workspace);
      return { answer: renderTurn(result), thread: result.thread, result };
    },
    close: () => priceChanges.close(),
  };
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
        const conversation = await openConversation(ctx, options.now);
        try {
          const said = await conversation.say(workspace, words.join(" "), options.thread ?? null, options.now ?? ctx.clock.now());
          ctx.out(options.json ? JSON.stringify(said.result ?? { answer: said.answer }, null, 2) : said.answer);
        } finally {
          await conversation.close();
        }
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
        const conversation = await openConversation(ctx, options.now);
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
            const said = await conversation.say(workspace, line, thread, options.now ?? ctx.clock.now());
            thread = said.thread;
            ctx.out(`\n${said.answer}`);
          }
        } finally {
          input.close();
          await conversation.close();
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
