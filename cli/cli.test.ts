import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIZOS_BIN, runBizos } from "../test/run-bizos.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-cli-"));

const bizos = (...args: string[]) => runBizos(dataDir, args);
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
    for (const command of ["start", "db", "seed", "workspace", "import", "metrics", "cohorts", "rfm", "anomalies", "forecast", "ask", "chat", "web", "members", "outbox", "channels"]) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
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
    const first = await runBizos(fresh, ["start", "--orders", "400", "--no-serve"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("loading the demo workspaces");
    for (const slug of ["demo", "demo-br", "demo-saas"]) expect(first.stdout).toMatch(new RegExp(`^${slug}\\s`, "m"));
    expect(first.stderr).toMatch(/orders \[#+\] 100%/);
    const second = await runBizos(fresh, ["start", "--no-serve"]);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("loading the demo");
    expect(second.stdout).toContain("Next:");

    // Serving: one port for every channel, /healthz, and a clean stop on SIGTERM.
    const server = spawn(process.execPath, [BIZOS_BIN, "start"], { env: { ...process.env, BIZOS_DATA_DIR: fresh, DATABASE_URL: "", REDIS_URL: "", PORT: "0", LOG_LEVEL: "warn" } });
    let output = "";
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on("data", () => {
        const found = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (found?.[1]) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`start exited before listening:\n${output}`)));
    });
    expect(output).toMatch(/off\s+Slack\s+set SLACK_SIGNING_SECRET/);
    const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean; delivery: string };
    expect(health).toMatchObject({ ok: true, delivery: "in-process" });
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("Stopping");
  });

  it("shows the channels and their webhook URLs, prints the Slack manifest, and sets what viewers see", async () => {
    const channels = await runBizos(dataDir, ["channels"], { PUBLIC_URL: "https://bizos.example.com", SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(channels.code).toBe(0);
    expect(channels.stdout).toMatch(/on\s+Slack\s+https:\/\/bizos\.example\.com\/slack\/events/);
    expect(channels.stdout).toMatch(/off\s+Email/);
    const manifest = await runBizos(dataDir, ["channels", "--slack-manifest"], { PUBLIC_URL: "https://bizos.example.com" });
    expect(manifest.stdout).toContain("request_url: https://bizos.example.com/slack/events");
    const partial = await runBizos(dataDir, ["channels"], { SLACK_SIGNING_SECRET: "s" });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain("SLACK_BOT_TOKEN");

    await bizos("workspace", "create", "--name", "Acceso", "--currency", "USD", "--timezone", "America/New_York");
    const hide = await bizos("workspace", "access", "--workspace", "acceso", "--hide-costs-from-viewers", "on");
    expect(hide.stdout).toContain("viewers do not see costs");
    expect((await bizos("workspace", "access", "--workspace", "acceso")).stdout).toContain("viewers do not see costs");
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

  it("answers metric and analysis questions on imported data, in tables or JSON, and refuses bad queries", async () => {
    const file = path.join(import.meta.dirname, "..", "test", "fixtures", "csv", "superstore-sample-cp1252.csv");
    await bizos("workspace", "create", "--name", "Retail", "--currency", "USD", "--timezone", "America/New_York");
    expect((await bizos("import", "csv", file, "--workspace", "retail")).code).toBe(0);
    const now = ["--now", "2018-01-15T12:00:00Z"];

    const json = await bizos("metrics", "net_sales", "orders", "gross_margin", "--workspace", "retail", "--range", "2017", "--compare", "previous", "--json", ...now);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { range: { start: string; end: string }; totals: Record<string, { value: number; previous: { value: number } }>; paths: Record<string, string> };
    expect(result.range).toMatchObject({ start: "2017-01-01", end: "2018-01-01" });
    expect(result.totals.orders!.value).toBeGreaterThan(0);
    expect(result.totals.orders!.previous.value).toBeGreaterThan(0);
    // The sample's lines carry profit, so the margin is known and plausible.
    expect(result.totals.gross_margin!.value).toBeGreaterThan(0);
    expect(result.totals.gross_margin!.value).toBeLessThan(1);
    expect(result.paths).toMatchObject({ orders: "rollup", lines: "rollup" });

    const table = await bizos("metrics", "net_sales", "units", "--workspace", "retail", "--range", "2016-01-01..2017-12-31", "--breakdown", "category", "--top", "2", ...now);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Retail · Jan 1, 2016 – Dec 31, 2017/m);
    expect(table.stdout).toMatch(/^Other\s+\$/m);
    expect(table.stdout).toMatch(/^Total\s+\$[\d,.]+\s+[\d,]+\s+100\.0%/m);
    expect(table.stdout).toContain("2 of 3 members shown");

    const trend = await bizos("metrics", "orders", "--workspace", "retail", "--range", "2017", "--by", "quarter", ...now);
    expect(trend.stdout).toMatch(/^Q4 2017\s+\d+/m);

    const unknown = await bizos("metrics", "revenu_growth", "--workspace", "retail");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown metric "revenu_growth"');
    const unsupported = await bizos("metrics", "mer", "--workspace", "retail", "--breakdown", "category");
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain("mer cannot be filtered or broken down by category");
    const badRange = await bizos("metrics", "orders", "--workspace", "retail", "--range", "the other day");
    expect(badRange.code).toBe(1);
    expect(badRange.stderr).toMatch(/last 30 days/);
    expect((await bizos("metrics", "--list")).stdout).toMatch(/^net_sales\s+ecommerce\s+money/m);

    const cohorts = await bizos("cohorts", "--workspace", "retail", "--months", "6", ...now);
    expect(cohorts.code).toBe(0);
    expect(cohorts.stdout).toContain("Retention: share of each cohort");
    const rfm = await bizos("rfm", "--workspace", "retail", "--days", "1000", "--segment", "champions", "--limit", "3", ...now);
    expect(rfm.code).toBe(0);
    expect(rfm.stdout).toMatch(/^Champions\s+\d+/m);
    const forecast = await bizos("forecast", "--workspace", "retail", "--days", "7", "--history", "400", ...now);
    expect(forecast.code).toBe(0);
    expect(forecast.stdout).toMatch(/^Total 2018-01-15 – 2018-01-21: \$/m);
  });

  it("answers questions about imported data with ask, in JSON, and follows up in a thread", async () => {
    // Runs after the metrics test, which imported the Superstore sample into "retail".
    const now = ["--now", "2018-01-15T12:00:00Z"];
    const asked = await bizos("ask", "--workspace", "retail", "--json", "--thread", "cli-1", ...now, "how much did we sell in 2017?");
    expect(asked.code).toBe(0);
    const turn = JSON.parse(asked.stdout) as { agent: string; toolCalls: { name: string; args: Record<string, unknown> }[]; answer: string; language: string; freshness: string | null; modelCalls: number };
    expect(turn).toMatchObject({ agent: "analytics", language: "en", modelCalls: 3 });
    expect(turn.toolCalls[0]?.name).toBe("query_metrics");
    const metrics = await bizos("metrics", "net_sales", "--workspace", "retail", "--range", "2017", "--json", ...now);
    const total = (JSON.parse(metrics.stdout) as { totals: { net_sales: { value: number } } }).totals.net_sales.value;
    const shown = Math.round(total / 100).toLocaleString("en-US");
    expect(turn.answer).toContain(shown);
    expect(turn.answer).toContain(turn.freshness ?? "no freshness line");

    const followUp = await bizos("ask", "--workspace", "retail", "--json", "--thread", "cli-1", ...now, "and in 2016?");
    const second = JSON.parse(followUp.stdout) as { toolCalls: { args: { metrics: string[]; range: unknown } }[] };
    expect(second.toolCalls[0]?.args.metrics).toEqual(turn.toolCalls[0]?.args["metrics"]);
    expect(JSON.stringify(second.toolCalls[0]?.args.range)).toContain("2016");

    const plain = await bizos("ask", "--workspace", "retail", ...now, "hola, ¿qué puedes hacer?");
    expect(plain.code).toBe(0);
    expect(plain.stdout.toLowerCase()).toMatch(/ventas|puedo/);
    expect((await bizos("ask", "--workspace", "nope", "hello")).stderr).toContain('No workspace "nope"');
  });

  it("explains a bad DATABASE_URL instead of failing somewhere inside", async () => {
    const missing = await runBizos(dataDir, ["workspace", "list"], { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/bizos_no_such_database" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("createdb bizos_no_such_database");
    const malformed = await runBizos(dataDir, ["workspace", "list"], { DATABASE_URL: "mysql://localhost/x" });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\//);
  });
});
