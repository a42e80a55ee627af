import type { Command } from "commander";
import { startWorker } from "../../app/worker.ts";
import { resolveEncryptionKey } from "../../config/encryption-key.ts";
import { withAppContext } from "../app-context.ts";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run the background jobs without the HTTP server (npm run worker): detection, digests, reports, alerts, price changes, delivery")
    .action(() =>
      withAppContext({ migrate: true }, async (ctx) => {
        const { config, database, logger, clock, out } = ctx;
        if (database.dialect === "pglite") {
          throw new Error("A separate worker needs a database other processes can reach: set DATABASE_URL (PostgreSQL). With the embedded database, `npm start` runs the jobs itself.");
        }
        const worker = await startWorker({ config, db: database.db, secretKey: resolveEncryptionKey(config).key, clock, logger });
        out(`Worker running (${config.channels.redisUrl ? "BullMQ on Redis" : "in process, polling PostgreSQL"}). Ctrl+C to stop.`);
        // The runners' timers do not hold the process open; this does, until a signal.
        const holdOpen = setInterval(() => undefined, 60 * 60_000);
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        clearInterval(holdOpen);
        out("Stopping: finishing the jobs in flight…");
        await worker.close();
      }),
    );
}
