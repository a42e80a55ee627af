import { getConfig, type AppConfig } from "../config/index.ts";
import { checkConnection, openDatabase, type DatabaseHandle } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createLogger, type Logger } from "../lib/logger.ts";
import { systemClock, type Clock } from "../lib/clock.ts";

/** What a command runs with: configuration, a logger, the clock and an open database. */
export interface AppContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly out: (text: string) => void;
}

export interface ContextOptions {
  /** Apply pending migrations before the command runs (data commands do; `db` commands manage them). */
  readonly migrate: boolean;
}

/** Opens everything a command needs, runs it, and always closes the database. */
export async function withAppContext<T>(options: ContextOptions, run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = getConfig();
  const logger = createLogger({ level: config.env.LOG_LEVEL, format: config.env.LOG_FORMAT });
  const database = await openDatabase(config.database, logger);
  try {
    await checkConnection(database);
    if (options.migrate) {
      const applied = await migrateToLatest(database.db);
      if (applied.length > 0) logger.info(`applied ${applied.length} migration(s)`, { database: database.dialect });
    }
    return await run({ config, logger, clock: systemClock, database, out: (text) => process.stdout.write(`${text}\n`) });
  } finally {
    await database.close();
  }
}
