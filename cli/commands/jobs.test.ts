/**
 * `bizos jobs` on an embedded database, run in this process: the command is registered on its own
 * program (as cli/main.ts does), its output captured, its refusals seen as the errors it throws.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openPglite } from "../../db/connection.ts";
import type { Db } from "../../db/database.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { claimDueJobRuns, completeJobRun, enqueueJobRun, failJobRun, findJobRun } from "../../db/repositories/job-runs.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { formatDuration, registerJobsCommands, summarizeResult } from "./jobs.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-jobs-"));
// The command reads its configuration (once) from the environment: the embedded database here, and
// REDIS_URL unset, so retries are left to the server's in-process runner.
const ENV = { BIZOS_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", LOG_LEVEL: "warn" };
const saved = Object.fromEntries(Object.keys(ENV).map((name) => [name, process.env[name]]));
Object.assign(process.env, ENV);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `bizos …args`, in process: exit code 1 and the message when the command refuses. */
async function bizos(...args: string[]): Promise<Outcome> {
  const program = new Command("bizos").exitOverride();
  registerJobsCommands(program);
  let stdout = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "bizos", ...args]);
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    return { code: 1, stdout, stderr: error instanceof Error ? error.message : String(error) };
  } finally {
    write.mockRestore();
  }
}

/** Opens the embedded database in this process (no command is running meanwhile). */
async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openPglite({ dataDir: path.join(dataDir, "pglite") });
  try {
    await migrateToLatest(handle.db);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const T0 = new Date("2026-11-21T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("bizos jobs (embedded database)", { timeout: 600_000 }, () => {
  it("shows counts and last runs per queue, lists failures, and requeues what a person retries", async () => {
    const { tienda, loja } = await withDatabase(async (db) => {
      const workspace = (name: string, slug: string) => createWorkspace(db, { name, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
      const tienda = (await workspace("Tienda", "tienda")).id;
      const loja = (await workspace("Loja", "loja")).id;
      const rows: [number, string, string][] = [
        [tienda, "digest", "digest:1:2026-11-21"],
        [tienda, "digest", "digest:2:2026-11-21"],
        [loja, "digest", "digest:3:2026-11-21"],
        [tienda, "sync", "sync:shopify:2026-11-21T08"],
        [tienda, "digest", "digest:4:2026-11-21"],
      ];
      for (const [workspaceId, queue, key] of rows) await enqueueJobRun(db, { workspaceId, queue, key, payload: {} }, T0);
      const claimed = await claimDueJobRuns(db, { queues: ["digest", "sync"], now: T0, leaseMs: 60_000, limit: 4 });
      const byKey = new Map(claimed.map((run) => [run.job_key, run]));
      await completeJobRun(db, byKey.get("digest:1:2026-11-21")!, { sent: 3, channels: ["email", "slack"] }, at(1_234));
      await failJobRun(db, byKey.get("digest:2:2026-11-21")!, "whatsapp: invalid token (code 190)", null, at(500));
      await failJobRun(db, byKey.get("digest:3:2026-11-21")!, "gave up after 5 attempts: smtp: connection refused", null, at(900));
      await failJobRun(db, byKey.get("sync:shopify:2026-11-21T08")!, "shopify: 503", at(120_000), at(2_000));
      return { tienda, loja };
    });

    const status = await bizos("jobs", "status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^queue\s+queued\s+running\s+done\s+failed\s+dead$/m);
    expect(status.stdout).toMatch(/^digest\s+1\s+0\s+1\s+0\s+2$/m);
    expect(status.stdout).toMatch(/^sync\s+0\s+0\s+0\s+1\s+0$/m);
    expect(status.stdout).toContain("Last runs of digest:");
    expect(status.stdout).toMatch(/^digest:1:2026-11-21\s+tienda\s+done\s+1\s+2026-11-21 08:00Z\s+1\.2 s\s+sent=3, channels=\["email","slack"\]$/m);
    expect(status.stdout).toMatch(/^digest:2:2026-11-21\s+tienda\s+dead\s+1\s+2026-11-21 08:00Z\s+500 ms\s+whatsapp: invalid token \(code 190\)$/m);
    const tiendaOnly = await bizos("jobs", "status", "--workspace", "tienda");
    expect(tiendaOnly.stdout).toMatch(/^digest\s+1\s+0\s+1\s+0\s+1$/m);
    expect(tiendaOnly.stdout).not.toContain("digest:3:");

    const failed = await bizos("jobs", "failed");
    expect(failed.code).toBe(0);
    expect(failed.stdout).toMatch(/^key\s+queue\s+workspace\s+status\s+attempts\s+last error\s+next attempt$/m);
    expect(failed.stdout).toMatch(/^sync:shopify:2026-11-21T08\s+sync\s+tienda\s+failed\s+1\s+shopify: 503\s+2026-11-21 08:02Z$/m);
    expect(failed.stdout).toMatch(/^digest:3:2026-11-21\s+digest\s+loja\s+dead\s+1\s+gave up after 5 attempts: smtp: connection refused\s+—$/m);
    expect(failed.stdout).toContain("2 dead, 1 failing");
    expect(failed.stdout).not.toContain("digest:1:");

    const retried = await bizos("jobs", "retry", "digest:2:2026-11-21", "digest:1:2026-11-21", "digest:9:nope");
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain("Moved 1 job back to queued: digest:2:2026-11-21.");
    expect(retried.stdout).toContain("The running server (npm start) runs them on its next poll");
    expect(retried.stdout).toContain("Not dead or failing, left alone: digest:1:2026-11-21 (done).");
    expect(retried.stdout).toContain("No job with key digest:9:nope.");

    const unknown = await bizos("jobs", "retry", "digest:9:nope", "--workspace", "tienda");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No job with key digest:9:nope in tienda. See: npx bizos jobs failed");

    const all = await bizos("jobs", "retry", "--all-dead");
    expect(all.stdout).toContain("Moved 1 job back to queued: digest:3:2026-11-21.");
    await withDatabase(async (db) => {
      expect(await findJobRun(db, loja, "digest:3:2026-11-21")).toMatchObject({ status: "queued", attempts: 0 });
      expect(await findJobRun(db, tienda, "digest:2:2026-11-21")).toMatchObject({ status: "queued", attempts: 0 });
    });
  });

  it("refuses a retry with both keys and --all-dead", async () => {
    const both = await bizos("jobs", "retry", "digest:1:2026-11-21", "--all-dead");
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("Give keys or --all-dead, not both.");
  });

  it("formats durations and results for people", () => {
    expect([420, 1_234, 59_940, 185_000].map(formatDuration)).toEqual(["420 ms", "1.2 s", "59.9 s", "3m 05s"]);
    expect(summarizeResult(null)).toBe("—");
    expect(summarizeResult({})).toBe("(nothing)");
    expect(summarizeResult({ sent: 2, channel: "email" })).toBe("sent=2, channel=email");
  });
});
