/**
 * Running `bizos` commands inside a test's process on an embedded database of the file's own: the
 * environment the commands read (a temporary BIZOS_DATA_DIR, no DATABASE_URL or Redis) is set when
 * the file loads and put back after its tests; a command's output is captured and a refusal comes
 * back as exit code 1 with its message.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, vi } from "vitest";
import { openPglite } from "../db/connection.ts";
import type { Db } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The refusal's message; "" when the command succeeded. */
  readonly error: string;
}

export interface CliEnvironment {
  /** Runs `bizos …args` with the commands `register` adds. */
  run(register: (program: Command) => void, args: readonly string[]): Promise<CliOutcome>;
  /** Opens the commands' embedded database in this process (no command is running meanwhile). */
  withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

/** Call at the top of a test file; `env` adds variables of its own (SYNC_EVERY_MINUTES…). */
export function useCliEnvironment(name: string, env: Readonly<Record<string, string>> = {}): CliEnvironment {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bizos-${name}-`));
  const wanted: Record<string, string> = { BIZOS_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", LOG_LEVEL: "warn", ...env };
  const saved = Object.fromEntries(Object.keys(wanted).map((variable) => [variable, process.env[variable]]));
  Object.assign(process.env, wanted);
  afterAll(() => {
    for (const [variable, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    async run(register, args) {
      const program = new Command("bizos").exitOverride();
      register(program);
      let stdout = "";
      let stderr = "";
      const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
        stdout += String(chunk);
        return true;
      });
      const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      });
      try {
        await program.parseAsync(["node", "bizos", ...args]);
        return { code: 0, stdout, stderr, error: "" };
      } catch (error) {
        return { code: 1, stdout, stderr, error: error instanceof Error ? error.message : String(error) };
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
    },
    async withDatabase(work) {
      const handle = await openPglite({ dataDir: path.join(dataDir, "pglite") });
      try {
        await migrateToLatest(handle.db);
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    },
  };
}
