import type { Command } from "commander";
import { migrateToLatest, migrationStatus, resetDatabase } from "../../db/migrate.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext } from "../app-context.ts";
import { renderTable } from "../table.ts";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("Manage the database schema (embedded PGlite, or PostgreSQL when DATABASE_URL is set)");

  db.command("migrate")
    .description("Apply every pending migration")
    .action(() =>
      withAppContext({ migrate: false }, async ({ database, out }) => {
        const applied = await migrateToLatest(database.db);
        if (applied.length === 0) out(`Database is up to date (${database.dialect}: ${database.location}).`);
        for (const result of applied) out(`applied  ${result.migrationName}`);
      }),
    );

  db.command("status")
    .description("List migrations and whether each has been applied")
    .action(() =>
      withAppContext({ migrate: false }, async ({ database, out }) => {
        const status = await migrationStatus(database.db);
        out(`Database: ${database.dialect} (${database.location})\n`);
        out(renderTable(["migration", "applied at"], status.map((m) => [m.name, m.executedAt ? m.executedAt.toISOString() : "pending"])));
        const pending = status.filter((m) => !m.executedAt).length;
        out(`\n${status.length - pending} applied, ${pending} pending${pending > 0 ? " — run: npx bizos db migrate" : ""}`);
      }),
    );

  db.command("reset")
    .description("Drop every table and all data, then migrate from scratch")
    .option("--yes", "confirm: this deletes all data in the database")
    .action((options: { yes?: boolean }) => {
      if (!options.yes) throw new InputError("db reset deletes all data. Run it again with --yes to confirm.");
      return withAppContext({ migrate: false }, async ({ database, out }) => {
        const applied = await resetDatabase(database.db);
        out(`Reset ${database.dialect} database (${database.location}); applied ${applied.length} migration(s).`);
      });
    });
}
