import { listOnlyApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { expect, it } from "vitest";
import { OWNER_ACCESS } from "../../engines/access/roles.ts";
import { readDerivedResult } from "../../db/repositories/derived-results.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import { findAnomalies } from "../../engines/metrics/analysis/metric-anomalies.ts";
import type { Db } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { seedDemo } from "../../demo/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { answerText, composeAnswer } from "../../agents/answers/index.ts";
import { checkNumbers } from "../../agents/answers/number-check.ts";
import type { AnswerContext, ToolCallRecord } from "../../agents/answers/types.ts";
import { LANGUAGES } from "../../agents/shared/language.ts";
import type { ToolDeps } from "../tool-contract.ts";
import type { ToolName } from "../tool-names.ts";
import type { ToolOutcome } from "../tool-outcome.ts";
import { cohortAnalysisSchema, explainAnomaliesSchema, forecastMetricSchema, rfmSegmentsSchema } from "./analysis-contracts.ts";
import { createCohortAnalysisTool } from "./cohort-analysis.ts";
import { createExplainAnomaliesTool } from "./explain-anomalies.ts";
import { createForecastMetricTool } from "./forecast-metric.ts";
import { analyticsTools } from "./index.ts";
import { queryMetricsContract } from "./query-metrics-contract.ts";
import { createQueryMetricsTool } from "./query-metrics.ts";
import { createRfmSegmentsTool } from "./rfm-segments.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";

const NOW = "2026-11-21T18:00:00Z";

async function demoDeps(db: Db): Promise<ToolDeps> {
  await seedDemo(db, { orders: 1500, seed: 11, end: "2026-11-21" });
  const workspace: Workspace | undefined = await findWorkspaceBySlug(db, "demo");
  if (!workspace) throw new Error("demo workspace missing");
  return { db, workspace, access: OWNER_ACCESS, actor: { memberId: null, channel: "cli" }, approvals: listOnlyApprovalSink(db), clock: fixedClock(NOW), logger: silentLogger, embedder: new LexicalEmbedder() };
}

function record(name: ToolName, args: Readonly<Record<string, unknown>>, outcome: ToolOutcome): ToolCallRecord {
  return { name, args, outcome };
}

function contextFor(deps: ToolDeps, language: (typeof LANGUAGES)[number]): AnswerContext {
  return { language, currency: deps.workspace.currency, timeZone: deps.workspace.timezone, now: NOW, workspaceName: deps.workspace.name };
}

describeDatabase("analytics tools on the demo store", ({ db }) => {
  it("answer, refuse with suggestions, and compose checked answers in every language", { timeout: 300_000 }, async () => {
    const deps = await demoDeps(db());
    const query = createQueryMetricsTool(deps);
    const parse = (input: unknown) => queryMetricsContract.schema.parse(input);

    const totalsArgs = parse({ metrics: ["net_sales", "orders"], range: "last week", comparison: "previous" });
    const totals = await query(totalsArgs);
    expect(totals.ok).toBe(true);
    if (!totals.ok) return;
    expect(totals.data.totals.net_sales?.value).toBeGreaterThan(0);
    expect(totals.freshness.map((entry) => entry.source)).toEqual(["orders"]);

    const breakdownArgs = parse({ metrics: ["net_sales"], range: "last 30 days", breakdown: { dimension: "category", top: 3 } });
    const breakdown = await query(breakdownArgs);
    expect(breakdown.ok && breakdown.data.breakdown?.rows.length).toBeGreaterThan(0);
    const seriesArgs = parse({ metrics: ["orders"], range: "last 90 days", grain: "week" });
    const series = await query(seriesArgs);
    expect(series.ok && series.data.series?.length).toBeGreaterThan(8);

    const unknownMetric = await query(parse({ metrics: ["net_salez"], range: "last week" }));
    expect(unknownMetric).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(!unknownMetric.ok && unknownMetric.error.suggestions).toContain("net_sales");
    const badCombo = await query(parse({ metrics: ["net_sales"], range: "last week", breakdown: { dimension: "campaign" } }));
    expect(badCombo).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    const badRange = await query(parse({ metrics: ["net_sales"], range: "the day after the big storm" }));
    expect(badRange).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    const unknownDimension = await query(parse({ metrics: ["net_sales"], range: "last week", breakdown: { dimension: "chanel" } }));
    expect(unknownDimension).toMatchObject({ ok: false, error: { code: "not_found" } });
    const unknownProduct = await query(parse({ metrics: ["net_sales"], range: "last week", filters: [{ dimension: "product", values: ["zzzz no such thing"] }] }));
    expect(unknownProduct).toMatchObject({ ok: false, error: { code: "not_found" } });

    const cohortArgs = cohortAnalysisSchema.parse({ months: 6, maxAge: 6 });
    const cohorts = await createCohortAnalysisTool(deps)(cohortArgs);
    expect(cohorts.ok && cohorts.data.cohorts.length).toBe(6);
    const rfmArgs = rfmSegmentsSchema.parse({ segment: "en riesgo" });
    const rfm = await createRfmSegmentsTool(deps)(rfmArgs);
    expect(rfm.ok && rfm.data.focus).toBe("at_risk");
    const badSegment = await createRfmSegmentsTool(deps)(rfmSegmentsSchema.parse({ segment: "champion" }));
    expect(badSegment).toMatchObject({ ok: false, error: { code: "not_found", suggestions: ["champions"] } });
    const anomalyArgs = explainAnomaliesSchema.parse({ metric: "net_sales", lookbackDays: 30 });
    const anomalies = await createExplainAnomaliesTool(deps)(anomalyArgs);
    expect(anomalies.ok && anomalies.data.checked.last).toBe("2026-11-20");
    // Asked again the same day, the stored findings are read back: the same as computing them afresh.
    expect((await readDerivedResult(deps.db, deps.workspace.id, "anomalies:net_sales:30:56:default:suspects:v1", "2026-11-21")).found).toBe(true);
    const again = await createExplainAnomaliesTool(deps)(anomalyArgs);
    const direct = await findAnomalies(deps.db, deps.workspace, deps.clock, { metric: "net_sales", lookbackDays: 30 });
    expect(again.ok && again.data.anomalies).toEqual(direct.ok && direct.value.anomalies);
    expect(again).toEqual(anomalies);
    const forecastArgs = forecastMetricSchema.parse({ metric: "orders", horizonDays: 14 });
    const forecast = await createForecastMetricTool(deps)(forecastArgs);
    expect(forecast.ok && forecast.data.total.days).toBe(14);
    const notForecastable = await createForecastMetricTool(deps)(forecastMetricSchema.parse({ metric: "gross_margin" }));
    expect(notForecastable).toMatchObject({ ok: false, error: { code: "invalid_request" } });

    const calls = [
      record("query_metrics", totalsArgs, totals),
      record("query_metrics", breakdownArgs, breakdown),
      record("query_metrics", seriesArgs, series),
      record("cohort_analysis", cohortArgs, cohorts),
      record("rfm_segments", rfmArgs, rfm),
      record("rfm_segments", rfmSegmentsSchema.parse({}), await createRfmSegmentsTool(deps)(rfmSegmentsSchema.parse({}))),
      record("explain_anomalies", anomalyArgs, anomalies),
      record("forecast_metric", forecastArgs, forecast),
    ];
    for (const language of LANGUAGES) {
      const context = contextFor(deps, language);
      for (const call of calls) {
        const answer = composeAnswer([call], context);
        const text = answerText(answer);
        expect(answer.freshness).not.toBeNull();
        expect(checkNumbers(text, [call], context), `${language} ${call.name}\n${text}`).toEqual({ ok: true, unsupported: [] });
      }
    }
  });

  it("are bound as LangChain tools that return the outcome as content and artifact", { timeout: 300_000 }, async () => {
    const deps = await demoDeps(db());
    const tools = analyticsTools(deps);
    expect(tools.map((tool) => tool.name)).toEqual(["query_metrics", "cohort_analysis", "rfm_segments", "explain_anomalies", "forecast_metric"]);
    const message: unknown = await tools[0]!.invoke({ id: "call-1", name: "query_metrics", args: { metrics: ["orders"], range: "yesterday" }, type: "tool_call" });
    expect(message).toMatchObject({ artifact: { ok: true, tool: "query_metrics" } });
  });
});
