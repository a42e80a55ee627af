/**
 * The key values a case's answer must contain, from running the EXPECTED tool call on the same data
 * and clock: query_metrics through the metrics engine (totals of every metric, the top breakdown
 * row's value and name); other tools through their factories, when present (the first listed name).
 */
import type { Db } from "../db/database.ts";
import type { Workspace } from "../db/schema/core.ts";
import type { MetricUnit } from "../engines/metrics/definitions/types.ts";
import { queryMetrics } from "../engines/metrics/query/execute.ts";
import { metricQuerySchema } from "../engines/metrics/query/query-schema.ts";
import type { MetricQueryResult } from "../engines/metrics/query/result.ts";
import { fixedClock } from "../lib/clock.ts";
import { assertNever } from "../lib/assert-never.ts";
import { silentLogger, type Logger } from "../lib/logger.ts";
import { currencyMinorDigits } from "../lib/money.ts";
import { LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";
import type { EvalCase } from "./case-schema.ts";
import type { ValueTarget } from "./scorers/numbers.ts";
import type { ExpectedValues, ExpectedValuesResult } from "./scorers/values.ts";
import { OWNER_ACCESS } from "../engines/access/roles.ts";
import { listOnlyApprovalSink } from "../engines/approvals/approval-requests.ts";
import { runToolByFactory, type ExpectedToolRunner } from "./tool-runner.ts";
import { isToolName, parseToolArgs } from "./tool-schemas.ts";

/** Dimensions whose member labels are proper names an answer repeats as is (channels and types get translated). */
const NAMED_DIMENSIONS = new Set(["product", "variant", "category", "campaign", "state", "city"]);

export function displayTarget(label: string, value: number, unit: MetricUnit, currency: string): ValueTarget {
  switch (unit) {
    case "money":
      return { label, value: value / 10 ** currencyMinorDigits(currency), basePrecision: 1 };
    case "count":
      return { label, value, basePrecision: 1 };
    case "ratio":
      return { label, value: value * 100, basePrecision: 0.1 };
    case "multiple":
      return { label, value, basePrecision: 0.01 };
    default:
      return assertNever(unit, "metric unit");
  }
}

/** Totals of each metric, plus the top breakdown row's sort value and (for named dimensions) its label. */
export function metricKeyValues(result: MetricQueryResult): ExpectedValues {
  const numbers: ValueTarget[] = [];
  const names: string[] = [];
  for (const metric of result.metrics) {
    const value = result.totals[metric.name]?.value;
    if (value !== null && value !== undefined) numbers.push(displayTarget(metric.name, value, metric.unit, result.currency));
  }
  const top = result.breakdown?.rows.find((row) => !row.other);
  if (result.breakdown && top) {
    const sort = result.metrics.find((metric) => metric.name === result.breakdown?.sortBy);
    const value = top.values[result.breakdown.sortBy]?.value;
    if (sort && value !== null && value !== undefined) numbers.push(displayTarget(`${top.label} ${sort.name}`, value, sort.unit, result.currency));
    if (NAMED_DIMENSIONS.has(result.breakdown.dimension)) names.push(top.label);
  }
  return { numbers, names };
}

export interface ExpectedValuesDeps {
  readonly db: Db;
  readonly logger?: Logger;
  /** Runs a non-metrics tool's expected call; defaults to the tool factories under tools/. */
  readonly runTool?: ExpectedToolRunner;
}

export async function expectedValues(deps: ExpectedValuesDeps, workspace: Workspace, evalCase: EvalCase, now: Date): Promise<ExpectedValuesResult | null> {
  const { tool, args, values } = evalCase.expect;
  if (!values || typeof tool !== "string") return null;
  if (!isToolName(tool)) return { ok: false, reason: "the expected tool is not a tool name" };
  const clock = fixedClock(now);
  if (tool === "query_metrics") {
    const query = metricQuerySchema.safeParse(args ?? {});
    if (!query.success) return { ok: false, reason: `expected args invalid: ${query.error.message}` };
    const result = await queryMetrics(deps.db, workspace, query.data, { clock });
    if (!result.ok) return { ok: false, reason: `expected query failed: ${result.error.message}` };
    return { ok: true, values: metricKeyValues(result.value) };
  }
  const parsed = parseToolArgs(tool, args ?? {});
  if (!parsed.ok) return { ok: false, reason: `expected args invalid: ${parsed.message}` };
  const run = deps.runTool ?? runToolByFactory;
  // As the owner at the terminal: a proposal made here would only list the approvers, never message them.
  const actor = { memberId: null, channel: "cli" };
  return run(tool, parsed.args, { db: deps.db, workspace, access: OWNER_ACCESS, actor, approvals: listOnlyApprovalSink(deps.db), clock, logger: deps.logger ?? silentLogger, embedder: new LexicalEmbedder() });
}
