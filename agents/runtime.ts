/**
 * The conversation runtime: one entry point for a turn, whatever asks (CLI, web chat, channels,
 * evals, bench). It builds the turn's tools for the workspace and clock, loads the workspace context,
 * runs the supervisor graph with the thread's state kept by the PostgreSQL checkpointer (the same pg
 * pool as everything else, on PostgreSQL and PGlite alike), and reports what happened.
 */
import { randomUUID } from "node:crypto";
import { HumanMessage } from "@langchain/core/messages";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type pg from "pg";
import type { Db } from "../db/database.ts";
import { OWNER_ACCESS } from "../engines/access/roles.ts";
import { listOnlyApprovalSink, type ApprovalRequestSink } from "../engines/approvals/approval-requests.ts";
import { fixedClock } from "../lib/clock.ts";
import { silentLogger, type Logger } from "../lib/logger.ts";
import { toolsForTurn } from "../tools/index.ts";
import type { Embedder } from "../memory/embeddings/embedder.ts";
import { LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";
import { toolSummaries } from "./answers/tool-summaries.ts";
import { systemPromptFor } from "./models/providers/system-prompts.ts";
import { BatchedPostgresSaver } from "./shared/batched-postgres-saver.ts";
import { withConfiguration, type ModelSource } from "./shared/configuration.ts";
import { createWorkspaceContextLoader, type WorkspaceContextLoader } from "./shared/load-workspace-context.ts";
import { currentToolCalls } from "./shared/turn-messages.ts";
import { buildSupervisorGraph } from "./supervisor/graph.ts";
import type { TurnActor } from "../tools/tool-contract.ts";
import type { ConversationRuntime, TurnRequest, TurnResult } from "./turn-types.ts";

/** Checkpoint tables live in their own schema, apart from the product's tenant-scoped tables. */
export const CHECKPOINT_SCHEMA = "langgraph";
const HISTORY_MESSAGES = 24;
/** The terminal and the local web chat: the machine's owner, not a member. */
const TERMINAL_ACTOR: TurnActor = Object.freeze({ memberId: null, channel: "cli" });
const RECURSION_LIMIT = 25;

export interface RuntimeOptions {
  readonly db: Db;
  /** The pg pool under db: the checkpointer keeps thread state through it. */
  readonly pool: pg.Pool;
  readonly models: ModelSource;
  readonly logger?: Logger;
  readonly contexts?: WorkspaceContextLoader;
  /** Where thread state is kept; default: PostgresSaver on the pool (tests and benchmarks may pass another). */
  readonly checkpointer?: BaseCheckpointSaver;
  /** Where approval requests for new price-change proposals go; default: nowhere (approvers are only listed). */
  readonly approvals?: ApprovalRequestSink;
  /** Conversation memory's embedder (the indexer's: chooseEmbedder); default: the offline one. */
  readonly embedder?: Embedder;
}

async function postgresCheckpointer(pool: pg.Pool): Promise<BatchedPostgresSaver> {
  // PostgresSaver with put and putWrites in one statement each (see batched-postgres-saver.ts).
  const saver = new BatchedPostgresSaver(pool, undefined, { schema: CHECKPOINT_SCHEMA });
  await saver.setup();
  return saver;
}

export async function createConversationRuntime(options: RuntimeOptions): Promise<ConversationRuntime> {
  const logger = options.logger ?? silentLogger;
  const checkpointer = options.checkpointer ?? (await postgresCheckpointer(options.pool));
  const graph = buildSupervisorGraph().compile({ checkpointer, name: "supervisor" });
  const contexts = options.contexts ?? createWorkspaceContextLoader();
  const approvals = options.approvals ?? listOnlyApprovalSink(options.db);
  const embedder = options.embedder ?? new LexicalEmbedder();

  return {
    async runTurn(request: TurnRequest): Promise<TurnResult> {
      const started = performance.now();
      const thread = request.thread ?? randomUUID();
      const context = await contexts.load(options.db, request.workspace, request.now);
      const tools = toolsForTurn({
        db: options.db,
        workspace: request.workspace,
        access: request.access ?? OWNER_ACCESS,
        actor: request.actor ?? TERMINAL_ACTOR,
        approvals,
        clock: fixedClock(request.now),
        logger,
        embedder,
      });
      const configuration = { models: options.models, tools, context, systemPrompt: systemPromptFor, historyMessages: HISTORY_MESSAGES };
      const state = await graph.invoke(
        { messages: [new HumanMessage(request.text)], agent: null, hops: 0, modelCalls: 0, answer: "", kind: "answer", freshness: null, numbersChecked: true },
        {
          ...withConfiguration(configuration, { configurable: { thread_id: `${request.workspace.id}:${thread}` }, recursionLimit: RECURSION_LIMIT }),
          // A turn is short and redone by asking again: keep the thread's state once, when the turn ends.
          durability: "exit",
        },
      );
      const calls = currentToolCalls(state.messages);
      const result: TurnResult = {
        agent: state.agent ?? "supervisor",
        toolCalls: calls.map((call) => ({ name: call.name, args: call.args })),
        answer: state.answer,
        kind: state.kind,
        language: state.language ?? context.workspace.locale,
        data: calls.map((call) => call.outcome),
        toolSummaries: toolSummaries(calls, { currency: request.workspace.currency, timeZone: request.workspace.timezone }),
        freshness: state.freshness,
        modelCalls: state.modelCalls,
        latencyMs: performance.now() - started,
        thread,
        numbersChecked: state.numbersChecked,
      };
      logger.debug("turn answered", { workspace: request.workspace.slug, agent: result.agent, tools: result.toolCalls.map((call) => call.name), latencyMs: Math.round(result.latencyMs) });
      return result;
    },
  };
}
