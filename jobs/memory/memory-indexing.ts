/**
 * The memory-index tick: every interval (once across all workers on BullMQ), each workspace's
 * messages that have no vector of the current embedder yet are embedded and stored
 * (memory/index-messages.ts), a batch at a time until none is left or the tick's budget is spent.
 * The same pass re-embeds, in the background, the vectors of a former embedder after a change of
 * provider, the kept facts' included (memory/facts/index-facts.ts). Idempotent: a message with a vector of the current embedder is never embedded again.
 */
import type { Db } from "../../db/database.ts";
import type { Embedder } from "../../memory/embeddings/embedder.ts";
import { indexWorkspaceFacts } from "../../memory/facts/index-facts.ts";
import { indexWorkspaceMessages } from "../../memory/index-messages.ts";
import type { Logger } from "../../lib/logger.ts";
import type { JobRunner } from "../runtime/job-runner.ts";

export const MEMORY_INDEX_TICK = "index-memory";
/** Batches one tick embeds at most, across workspaces; the rest waits for the next tick. */
export const MEMORY_BATCHES_PER_TICK = 20;

export interface MemoryIndexingDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly embedder: Embedder;
}

/** One pass over every workspace; returns how many messages it embedded. */
export async function indexMemory(deps: MemoryIndexingDeps, budget: number = MEMORY_BATCHES_PER_TICK): Promise<{ readonly indexed: number; readonly replaced: number }> {
  const workspaces = await deps.db.selectFrom("workspaces").select("id").orderBy("id").execute();
  let indexed = 0;
  let replaced = 0;
  let batches = 0;
  for (const { id } of workspaces) {
    for (let more = true; more && batches < budget; batches++) {
      const outcome = await indexWorkspaceMessages(deps.db, deps.embedder, id);
      indexed += outcome.indexed;
      replaced += outcome.replaced;
      more = outcome.more;
    }
    // Facts are embedded when kept; only a change of embedder leaves some to do.
    for (let more = true; more && batches < budget; batches++) {
      const outcome = await indexWorkspaceFacts(deps.db, deps.embedder, id);
      indexed += outcome.indexed;
      more = outcome.more;
    }
    if (batches >= budget) break;
  }
  if (indexed > 0) deps.logger.info("memory indexed", { embedder: deps.embedder.id, indexed, replaced });
  return { indexed, replaced };
}

export function registerMemoryIndexing(runner: Pick<JobRunner, "every">, deps: MemoryIndexingDeps, everyMs: number): void {
  if (everyMs <= 0) return;
  runner.every(MEMORY_INDEX_TICK, everyMs, async () => {
    await indexMemory(deps);
  });
}
