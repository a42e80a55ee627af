import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationRuntime, TurnResult, TurnToolCall } from "../agents/turn-types.ts";
import type { Language } from "../agents/shared/language.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { BR_STORE, MX_STORE, SAAS } from "../demo/profiles.ts";
import { seedDemo } from "../demo/index.ts";
import { findMetric } from "../engines/metrics/definitions/registry.ts";
import { formatMetricValue } from "../engines/metrics/format-value.ts";
import { queryMetrics } from "../engines/metrics/query/execute.ts";
import { fixedClock } from "../lib/clock.ts";
import { createTestDatabase } from "../test/database.ts";
import { AGENT_TOOLS } from "../tools/tool-names.ts";
import { toolData } from "../tools/tool-outcome.ts";
import { evalCaseSchema, type EvalCase } from "./case-schema.ts";
import { DEFAULT_NOW, loadDataset, parseDataset, DatasetError } from "./dataset.ts";
import { runEval } from "./run-eval.ts";
import { extractNumbers, shows } from "./scorers/numbers.ts";
import { detectLanguage } from "./scorers/language-detect.ts";
import { resolveAny } from "./scorers/range.ts";
import { isToolName, parseToolArgs } from "./tool-schemas.ts";

const CALENDARS = Object.fromEntries([MX_STORE, BR_STORE, SAAS].map((p) => [p.slug, { timeZone: p.timezone, weekStart: p.weekStart }]));

describe("conversation-v1 dataset", async () => {
  const cases = await loadDataset();

  it("has at least 300 cases, 90 per language, every kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    for (const language of ["en", "es", "pt"] as const) expect(cases.filter((c) => c.language === language).length).toBeGreaterThanOrEqual(90);
    for (const kind of ["answer", "clarify", "refuse"] as const) expect(cases.some((c) => c.expect.kind === kind)).toBe(true);
  });

  it("names real agents, tools, metrics and ranges that resolve at the case's clock", () => {
    const problems: string[] = [];
    for (const c of cases) {
      const { agent, tool, args } = c.expect;
      if (typeof tool === "string") {
        if (agent === "supervisor" || !AGENT_TOOLS[agent].some((name) => name === tool)) problems.push(`${c.id}: ${agent} lacks ${tool}`);
        const parsed = isToolName(tool) ? parseToolArgs(tool, args ?? {}) : { ok: false as const, message: "unknown tool" };
        if (!parsed.ok) problems.push(`${c.id}: ${parsed.message}`);
        const listed: unknown = args?.metrics;
        const metrics: unknown[] = [...(Array.isArray(listed) ? (listed as unknown[]) : []), ...(typeof args?.metric === "string" ? [args.metric] : [])];
        for (const metric of metrics) if (typeof metric !== "string" || !findMetric(metric)) problems.push(`${c.id}: unknown metric ${String(metric)}`);
        if (args?.range !== undefined) {
          const calendar = CALENDARS[c.workspace ?? "demo"];
          const resolved = calendar ? resolveAny(args.range, calendar, new Date(c.now ?? DEFAULT_NOW)) : null;
          if (!resolved?.ok) problems.push(`${c.id}: range ${JSON.stringify(args.range)} does not resolve`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("reports bad lines with their numbers", () => {
    const good = JSON.stringify(cases[0]);
    const text = [good, "{not json", JSON.stringify({ ...cases[1], expect: { agent: "analytics", tool: "query_metric", kind: "answer" } }), good].join("\n");
    try {
      parseDataset(text, "x.jsonl");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).issues.map((issue) => issue.line)).toEqual([2, 3, 4]);
    }
  });
});

describe("number reading and language guess", () => {
  it("reads numbers in every locale's format", () => {
    const target = (value: number, basePrecision = 1) => ({ label: "x", value, basePrecision });
    expect(shows(target(1234.56), extractNumbers("Vendiste $1,234.56 ayer"))).toBe(true);
    expect(shows(target(1234.56), extractNumbers("Vendas de R$ 1.234,56"))).toBe(true);
    expect(shows(target(1234.56), extractNumbers("about $1,235"))).toBe(true);
    expect(shows(target(639904.94), extractNumbers("R$ 639,9 mil"))).toBe(true);
    expect(shows(target(639904.94), extractNumbers("$0.6M"))).toBe(false);
    expect(shows(target(12.34, 0.1), extractNumbers("conversão de 12,3 %"))).toBe(true);
    expect(shows(target(1234.56), extractNumbers("$1,334.56"))).toBe(false);
  });

  it("tells the three languages apart", () => {
    expect(detectLanguage("Your sales last month were $1,234, up 12% from the month before.").language).toBe("en");
    expect(detectLanguage("Tus ventas del mes pasado fueron $1,234, un 12% más que el mes anterior.").language).toBe("es");
    expect(detectLanguage("Suas vendas no mês passado foram R$ 1.234, 12% a mais que no mês anterior.").language).toBe("pt");
  });
});

describe("runEval with a scripted runtime", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("pglite");
    await seedDemo(handle.db, { orders: 1500, seed: 7, end: "2026-11-21" });
  });
  afterAll(async () => handle.close());

  const asked = (id: string, language: Language, question: string, expectation: unknown): EvalCase =>
    evalCaseSchema.parse({ id, language, workspace: "demo", question, expect: expectation });
  const octoberSales = { agent: "analytics", tool: "query_metrics", args: { metrics: ["net_sales"], range: "october" }, values: true, kind: "answer" };
  const cases = [
    asked("es-001", "es", "ventas de octubre", octoberSales),
    asked("es-002", "es", "ventas de octubre (agente)", octoberSales),
    asked("es-003", "es", "ventas de octubre (rango)", octoberSales),
    asked("es-004", "es", "ventas de octubre (valor)", octoberSales),
    asked("en-001", "en", "october sales (language)", octoberSales),
    asked("en-002", "en", "hi", { agent: "supervisor", tool: null, kind: "answer" }),
    asked("en-003", "en", "pause the meta campaign", { agent: "supervisor", tool: null, kind: "refuse" }),
  ];

  async function octoberTotal(): Promise<{ cents: number; args: Record<string, unknown>; data: ReturnType<typeof toolData> }> {
    const workspace = (await findWorkspaceBySlug(handle.db, "demo"))!;
    const args = { metrics: ["net_sales"], range: { kind: "month" as const, month: 10 } };
    const result = await queryMetrics(handle.db, workspace, args, { clock: fixedClock(DEFAULT_NOW) });
    if (!result.ok) throw new Error(result.error.message);
    return { cents: result.value.totals.net_sales!.value!, args, data: toolData("query_metrics", result.value, []) };
  }

  const turn = (partial: Partial<TurnResult> & Pick<TurnResult, "agent" | "answer" | "language">): TurnResult => ({
    toolCalls: [], data: [], toolSummaries: [], freshness: null, modelCalls: 1, latencyMs: 1, thread: "t", numbersChecked: true, kind: "answer", ...partial,
  });

  it("passes good turns and catches wrong routing, arguments, values, language and kind", async () => {
    const { cents, args, data } = await octoberTotal();
    const money = (value: number, language: Language) => formatMetricValue(value, "money", { currency: "MXN", language });
    const call = (range: unknown): TurnToolCall[] => [{ name: "query_metrics", args: { ...args, range } }];
    const runtime: ConversationRuntime = {
      runTurn: async ({ text }) => {
        await Promise.resolve();
        switch (text) {
          case "ventas de octubre":
            return turn({ agent: "analytics", toolCalls: call(args.range), data: [data], answer: `Las ventas netas de octubre fueron ${money(cents, "es")}.`, language: "es" });
          case "ventas de octubre (agente)":
            return turn({ agent: "marketing", toolCalls: call("october"), data: [data], answer: `Las ventas netas de octubre fueron ${money(cents, "es")}.`, language: "es" });
          case "ventas de octubre (rango)":
            return turn({ agent: "analytics", toolCalls: call("september"), data: [data], answer: `Las ventas netas de octubre fueron ${money(cents, "es")}.`, language: "es" });
          case "ventas de octubre (valor)":
            return turn({ agent: "analytics", toolCalls: call("october"), data: [data], answer: `Las ventas netas de octubre fueron ${money(Math.round(cents * 1.1), "es")}.`, language: "es" });
          case "october sales (language)":
            return turn({ agent: "analytics", toolCalls: call("2026-10-01..2026-10-31"), data: [data], answer: `Las ventas netas de octubre fueron ${money(cents, "es")}.`, language: "es" });
          case "hi":
            return turn({ agent: "supervisor", answer: "Hi! Ask me about your sales, ads or stock.", language: "en" });
          case "pause the meta campaign":
            return turn({ agent: "marketing", toolCalls: [{ name: "marketing_performance", args: {} }], answer: "Done, the campaign is paused.", language: "en" });
          default:
            throw new Error(`unscripted ${text}`);
        }
      },
    };
    const report = await runEval(runtime, cases, { db: handle.db });
    const failed = (id: string) => report.failures.find((failure) => failure.id === id)?.dimensions ?? [];
    expect(failed("es-001")).toEqual([]);
    expect(failed("es-002")).toEqual(["routing"]);
    expect(failed("es-003")).toEqual(["args"]);
    expect(failed("es-004")).toEqual(["values"]);
    expect(failed("en-001")).toEqual(["language"]);
    expect(failed("en-002")).toEqual([]);
    expect(failed("en-003")).toEqual(["routing", "tool", "kind"]);
    expect(report.overall.routing).toMatchObject({ passed: 5, scored: 7 });
    expect(report.byLanguage.es.values).toMatchObject({ passed: 3, scored: 4 });
  });
});
