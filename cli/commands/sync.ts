/**
 * `bizos sync`: a workspace's connectors synced now, in this process, with progress on stderr and a
 * summary per connector. It is the sync job's own work (jobs/sync): the run is recorded, the
 * cursor saved, and one sync per connector at a time (a scheduled one running elsewhere makes this
 * one wait for the next time). The insight detection a sync starts is queued for the running server
 * or a worker, which also sends the alerts.
 */
import type { Command } from "commander";
import { syncSources } from "../../app/sync.ts";
import type { SyncSource } from "../../connectors/sync/sync-source.ts";
import { resolveEncryptionKey } from "../../config/encryption-key.ts";
import type { Db } from "../../db/database.ts";
import { listConnectors } from "../../db/repositories/connectors.ts";
import { enqueueJobRun } from "../../db/repositories/job-runs.ts";
import type { Connector, ConnectorProvider } from "../../db/schema/connectors.ts";
import { detectionKey, detectionPayloadSchema, type DetectionPayload } from "../../jobs/notifications/notification-jobs.ts";
import { INSIGHTS_QUEUE } from "../../jobs/notifications/queues.ts";
import { requeueOnBullmq } from "../../jobs/runtime/bullmq-jobs.ts";
import { syncConnector, type SyncAttempt } from "../../jobs/sync/sync-connector.ts";
import type { SyncDeps } from "../../jobs/sync/sync-deps.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { Clock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import type { Logger } from "../../lib/logger.ts";
import { createSecretBox } from "../../lib/secret-box.ts";
import { withAppContext } from "../app-context.ts";
import { integerOption } from "../options.ts";
import { createProgressBar } from "../progress-bar.ts";
import { requireWorkspace } from "../workspace-lookup.ts";
import { formatDuration } from "./jobs.ts";

export interface SyncCommandOptions {
  /** Tests: sources of their own; default the app's (app/sync.ts). */
  readonly sources?: () => ReadonlyMap<ConnectorProvider, SyncSource>;
}

/** Records the detection job for whoever runs the jobs (woken on BullMQ when REDIS_URL is set). */
function queueDetection(db: Db, redisUrl: string | null, clock: Clock, logger: Logger): SyncDeps["startDetection"] {
  return async (raw: DetectionPayload) => {
    const payload = detectionPayloadSchema.parse(raw);
    const key = detectionKey(payload);
    const { run, created } = await enqueueJobRun(db, { workspaceId: payload.workspaceId, queue: INSIGHTS_QUEUE, key, payload }, clock.now());
    if (created && redisUrl) await requeueOnBullmq({ connection: redisUrl }, [run], clock.now(), logger);
    return key;
  };
}

/** The `bizos connect` subcommand of a provider (competitor_feed → competitor-feed). */
function connectCommand(provider: ConnectorProvider): string {
  return provider.replaceAll("_", "-");
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

function summary(connector: Connector, attempt: SyncAttempt, tookMs: number): string {
  const name = `${connector.provider} ${connector.account} (connector ${connector.id})`;
  switch (attempt.kind) {
    case "succeeded": {
      const detection = attempt.detection === null ? "" : `\n  Insight detection queued (${attempt.detection}): the running server or a worker runs it and sends any alerts.`;
      return `${name}: ${plural(attempt.rowsRead, "record")} read, ${plural(attempt.rowsWritten, "row")} written in ${formatDuration(tookMs)} (sync run ${attempt.runId}).${detection}`;
    }
    case "skipped":
      return `${name}: not synced: ${attempt.reason}.`;
    case "failed":
      return attempt.final
        ? `${name}: failed (sync run ${attempt.runId}): ${attempt.message}\n  The connector is now in error. Fix the connection (npx bizos connect ${connectCommand(connector.provider)} …), then sync again.`
        : `${name}: failed for now (sync run ${attempt.runId}): ${attempt.message}\n  The provider is busy or unreachable; the scheduled sync tries again, or run this again later.`;
    default:
      return assertNever(attempt);
  }
}

export function registerSyncCommand(program: Command, options: SyncCommandOptions = {}): void {
  program
    .command("sync")
    .description("Sync a workspace's connectors now (all of them, or --connector), with progress and a summary")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("--connector <id>", "only this connector (ids in: npx bizos connectors --workspace …)", integerOption("connector", 1, Number.MAX_SAFE_INTEGER))
    .addHelpText("after", "\nExamples:\n  npx bizos sync --workspace mi-tienda\n  npx bizos sync --workspace mi-tienda --connector 3")
    .action((flags: { workspace: string; connector?: number }) =>
      withAppContext({ migrate: true }, async ({ config, logger, clock, database, out }) => {
        const db = database.db;
        const workspace = await requireWorkspace(db, flags.workspace);
        const connectors = await listConnectors(db, workspace.id);
        if (connectors.length === 0) {
          throw new InputError(`${workspace.slug} has no connectors. Connect a store: npx bizos connect shopify --workspace ${workspace.slug} --shop <domain> --token <token>; or a competitor price feed: npx bizos connect competitor-feed --workspace ${workspace.slug} --url <url>`);
        }
        const chosen = flags.connector === undefined ? connectors : connectors.filter((c) => c.id === flags.connector);
        if (chosen.length === 0) throw new InputError(`No connector ${flags.connector} in ${workspace.slug}. See: npx bizos connectors --workspace ${workspace.slug}`);
        const deps: SyncDeps = {
          db,
          clock,
          logger: logger.child({ component: "sync" }),
          box: createSecretBox(resolveEncryptionKey(config).key),
          sources: (options.sources ?? syncSources)(),
          startDetection: queueDetection(db, config.channels.redisUrl, clock, logger),
        };
        let failed = 0;
        for (const connector of chosen) {
          const started = performance.now();
          // A person is here to see the error: a temporary failure is not the last attempt, so it does not put the connector in error.
          const attempt = await syncConnector(deps, { workspaceId: workspace.id, connectorId: connector.id, reason: "manual", lastAttempt: false }, createProgressBar({ stream: process.stderr }));
          if (attempt.kind === "failed") failed += 1;
          out(summary(connector, attempt, performance.now() - started));
        }
        if (failed > 0) throw new InputError(`${failed} of ${chosen.length} sync${chosen.length === 1 ? "" : "s"} failed (see above).`);
      }),
    );
}
