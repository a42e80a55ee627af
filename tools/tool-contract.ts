/**
 * A tool is its contract (name, description, zod schema with .describe on every field) and a factory
 * that takes its dependencies and returns the function the graph runs. `asLangChainTool` joins the two
 * into the StructuredTool the agents bind: the model sees the outcome as JSON; the ToolMessage keeps
 * the whole outcome as its artifact for answers and the number checker.
 */
import { tool, type StructuredToolInterface } from "@langchain/core/tools";
import type { z } from "zod";
import type { DbOrTrx } from "../db/database.ts";
import type { Workspace } from "../db/schema/core.ts";
import type { TurnAccess } from "../engines/access/roles.ts";
import type { ApprovalRequestSink } from "../engines/approvals/approval-requests.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { Embedder } from "../memory/embeddings/embedder.ts";
import type { ToolName } from "./tool-names.ts";
import type { ToolOutcome } from "./tool-outcome.ts";

export interface ToolContract<Schema extends z.ZodType = z.ZodType> {
  readonly name: ToolName;
  readonly description: string;
  readonly schema: Schema;
}

/** What a tool runs with: one workspace's data, the asker's access, a clock (pinned in tests and evals) and a logger. */
export interface ToolDeps {
  readonly db: DbOrTrx;
  readonly workspace: Workspace;
  /** What the asker may use and see (OWNER_ACCESS for the terminal and the local web chat). */
  readonly access: TurnAccess;
  /** Who is asking and where: proposals record the requester and their channel. */
  readonly actor: TurnActor;
  /** Where approval requests for new proposals go (the channels; or nowhere, listing approvers only). */
  readonly approvals: ApprovalRequestSink;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Conversation memory's embedder: the same one the indexer stores vectors with (recall compares one model's vectors). */
  readonly embedder: Embedder;
}

/** The person behind a turn: a member on a channel, or the machine's owner at the terminal or local web chat. */
export interface TurnActor {
  /** Null for the terminal and the local web chat (the machine's owner, who may not be a member). */
  readonly memberId: number | null;
  /** cli, web, slack, whatsapp, email. */
  readonly channel: string;
}

export type ToolRun<Schema extends z.ZodType, Data = unknown> = (args: z.output<Schema>) => Promise<ToolOutcome<Data>>;
export type ToolFactory<Schema extends z.ZodType, Data = unknown> = (deps: ToolDeps) => ToolRun<Schema, Data>;

export function asLangChainTool<Schema extends z.ZodObject>(contract: ToolContract<Schema>, run: ToolRun<Schema>): StructuredToolInterface {
  return tool(
    async (args: z.output<Schema>) => {
      const outcome = await run(args);
      return [JSON.stringify(outcome), outcome] as const;
    },
    { name: contract.name, description: contract.description, schema: contract.schema, responseFormat: "content_and_artifact" },
  );
}
