import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = path.join(import.meta.dirname, "..", "bin", "bizos.mjs");
const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-cli-"));

/** Runs the real `bizos` command on a throwaway embedded database; never throws, returns the outcome. */
async function bizos(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, BIZOS_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("bizos CLI (embedded database)", () => {
  it("lists every command in its help", async () => {
    const { code, stdout } = await bizos("--help");
    expect(code).toBe(0);
    for (const command of ["start", "db", "seed", "workspace", "import"]) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    const importHelp = await bizos("import", "csv", "--help");
    expect(importHelp.stdout).toContain("--date-format");
    expect(importHelp.stdout).toContain("order_id");
  });

  it("migrates, creates a workspace and lists it; refuses bad input with a clear message and exit code 1", async () => {
    const migrate = await bizos("db", "migrate");
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/applied\s+20261121110000_core/);
    expect((await bizos("db", "status")).stdout).toMatch(/\d+ applied, 0 pending/);

    const created = await bizos("workspace", "create", "--name", "Tienda Ñandú", "--currency", "mxn", "--timezone", "America/Mexico_City", "--locale", "es");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("slug tienda-nandu");

    const bad = await bizos("workspace", "create", "--name", "X", "--currency", "PESOS", "--timezone", "Mars/Base");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("not an ISO 4217 currency code");
    expect(bad.stderr).toContain("not an IANA time zone");

    const list = await bizos("workspace", "list", "--json");
    const parsed = JSON.parse(list.stdout) as { workspace: { slug: string; currency: string } }[];
    expect(parsed.map((row) => [row.workspace.slug, row.workspace.currency])).toEqual([["tienda-nandu", "MXN"]]);
  });

  it("will not reset the database without --yes", async () => {
    const refused = await bizos("db", "reset");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--yes");
  });

  it("rejects an invalid number of demo orders before touching the database", async () => {
    const bad = await bizos("seed", "demo", "--orders", "lots");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--orders must be a whole number");
  });
});
