import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = path.join(import.meta.dirname, "..", "bin", "bizos.mjs");
const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-cli-"));

/** Runs the real `bizos` command on a throwaway embedded database; never throws, returns the outcome. */
async function bizosIn(
  directory: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, BIZOS_DATA_DIR: directory, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
      timeout: 300_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

const bizos = (...args: string[]) => bizosIn(dataDir, args);
const freshDirs: string[] = [];

afterAll(() => {
  for (const dir of [dataDir, ...freshDirs]) rmSync(dir, { recursive: true, force: true });
});

// Each call starts a real process and opens PGlite (1–3 s; a first run also creates the cluster), so the
// budget is generous: a loaded 2-core machine is slow, not broken.
describe("bizos CLI (embedded database)", { timeout: 300_000 }, () => {
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

  it("start loads the demo into an empty database once, then only reports", async () => {
    const fresh = mkdtempSync(path.join(tmpdir(), "bizos-start-"));
    freshDirs.push(fresh);
    const first = await bizosIn(fresh, ["start", "--orders", "400"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("loading the demo workspaces");
    for (const slug of ["demo", "demo-br", "demo-saas"]) expect(first.stdout).toMatch(new RegExp(`^${slug}\\s`, "m"));
    expect(first.stderr).toMatch(/orders \[#+\] 100%/);
    const second = await bizosIn(fresh, ["start"]);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("loading the demo");
    expect(second.stdout).toContain("Next:");
  });

  it("imports a CSV, says so on a second run, and names row, column and value of a bad row", async () => {
    const fixtures = path.join(import.meta.dirname, "..", "test", "fixtures", "csv");
    await bizos("workspace", "create", "--name", "Superstore", "--currency", "USD", "--timezone", "America/New_York");
    const file = path.join(fixtures, "superstore-sample-cp1252.csv");
    const imported = await bizos("import", "csv", file, "--workspace", "superstore");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported .*import #\d+/m);
    expect(imported.stdout).toContain("windows-1252");
    const again = await bizos("import", "csv", file, "--workspace", "superstore");
    expect(again.stdout).toContain("already imported");

    const bad = path.join(dataDir, "bad.csv");
    writeFileSync(bad, "Order ID,Order Date,Product Name,Quantity,Sales\nA1,2026-01-05,Tee,1,10.00\nA2,2026-13-45,Tee,1,10.00\n");
    const refused = await bizos("import", "csv", bad, "--workspace", "superstore");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/row 2 \(line 3\), column "Order Date", value "2026-13-45"/);
    const missing = await bizos("import", "csv", bad, "--workspace", "nope");
    expect(missing.stderr).toContain('No workspace "nope"');
  });

  it("explains a bad DATABASE_URL instead of failing somewhere inside", async () => {
    const missing = await bizosIn(dataDir, ["workspace", "list"], { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/bizos_no_such_database" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("createdb bizos_no_such_database");
    const malformed = await bizosIn(dataDir, ["workspace", "list"], { DATABASE_URL: "mysql://localhost/x" });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\//);
  });
});
