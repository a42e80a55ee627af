/**
 * Runs eval cases through a conversation runtime: each case in a fresh thread at its own clock,
 * earlier turns first, then the question; scores the question's turn on every dimension.
 */
import type { Language } from "../agents/shared/language.ts";
import type { ConversationRuntime, TurnResult, TurnToolCall } from "../agents/turn-types.ts";
import type { Db } from "../db/database.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import type { Workspace } from "../db/schema/core.ts";
import type { Logger } from "../lib/logger.ts";
import type { EvalCase, Expectation, Kind } from "./case-schema.ts";
import { DEFAULT_NOW, DEFAULT_WORKSPACE } from "./dataset.ts";
import { expectedValues } from "./expected-values.ts";
import { buildReport, type EvalReport } from "./report.ts";
import { kindOf, scoreKind } from "./scorers/kind.ts";
import { scoreLanguage } from "./scorers/language.ts";
import { scoreRouting } from "./scorers/routing.ts";
import { scoreArgs, scoreTool } from "./scorers/tool.ts";
import { fail, type Dimension, type Score } from "./scorers/types.ts";
import { scoreValues } from "./scorers/values.ts";
import type { ExpectedToolRunner } from "./tool-runner.ts";

export interface EvalDeps {
  /** The database the runtime reads (the seeded demo): workspaces and expected values come from it. */
  readonly db: Db;
  readonly logger?: Logger;
  /** The now of cases that name none (default DEFAULT_NOW). */
  readonly now?: string;
  /** Ask every case in this workspace instead of its own (default: the case's, else DEFAULT_WORKSPACE). */
  readonly workspace?: string;
  /** How a turn's kind is read; default kindOf (the turn's own `kind` field, else its wording). */
  readonly kindOf?: (result: TurnResult) => Kind;
  /** Runs non-metrics tools' expected calls (default: the tool factories). */
  readonly runTool?: ExpectedToolRunner;
  /** Called after every case, e.g. for a progress line. */
  readonly onCase?: (done: number, total: number, result: CaseResult) => void;
}

export interface ActualTurn {
  readonly agent: string;
  readonly toolCalls: readonly TurnToolCall[];
  readonly answer: string;
  readonly language: Language;
  readonly kind: Kind;
  readonly latencyMs: number;
  readonly modelCalls: number;
}

export interface CaseResult {
  readonly id: string;
  readonly language: Language;
  readonly workspace: string;
  readonly now: string;
  readonly turns: readonly string[];
  readonly question: string;
  readonly tags: readonly string[];
  readonly expect: Expectation;
  /** Null when the turn could not run (error says why). */
  readonly actual: ActualTurn | null;
  readonly error: string | null;
  readonly scores: Readonly<Record<Dimension, Score>>;
}

function failedEverywhere(detail: string): Record<Dimension, Score> {
  const score = fail(detail);
  return { routing: score, tool: score, args: score, values: score, language: score, kind: score };
}

async function runCase(runtime: ConversationRuntime, evalCase: EvalCase, workspace: Workspace, now: Date, deps: EvalDeps, runId: string): Promise<Omit<CaseResult, "id" | "language" | "workspace" | "now" | "turns" | "question" | "tags" | "expect">> {
  const thread = `eval-${runId}-${evalCase.id}`;
  let result: TurnResult | undefined;
  try {
    for (const text of [...evalCase.turns, evalCase.question]) result = await runtime.runTurn({ workspace, text, thread, now });
  } catch (error) {
    const detail = `runTurn threw: ${error instanceof Error ? error.message : String(error)}`;
    return { actual: null, error: detail, scores: failedEverywhere(detail) };
  }
  if (!result) throw new Error("unreachable: a case always has a question");
  const classify = deps.kindOf ?? kindOf;
  const calendar = { timeZone: workspace.timezone, weekStart: workspace.week_start };
  let valuesScore: Score;
  try {
    const expected = await expectedValues({ db: deps.db, ...(deps.logger ? { logger: deps.logger } : {}), ...(deps.runTool ? { runTool: deps.runTool } : {}) }, workspace, evalCase, now);
    valuesScore = scoreValues(expected, result.answer);
  } catch (error) {
    valuesScore = fail(`computing expected values threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { expect } = evalCase;
  return {
    actual: {
      agent: result.agent,
      toolCalls: result.toolCalls,
      answer: result.answer,
      language: result.language,
      kind: classify(result),
      latencyMs: result.latencyMs,
      modelCalls: result.modelCalls,
    },
    error: null,
    scores: {
      routing: scoreRouting(expect.agent, result),
      tool: scoreTool(expect, result),
      args: scoreArgs(expect, result, calendar, now),
      values: valuesScore,
      language: scoreLanguage(evalCase.language, result),
      kind: scoreKind(expect.kind, result, classify),
    },
  };
}

/** Runs the cases one after another and scores them. Never throws for a failing case: it is reported. */
export async function runEval(runtime: ConversationRuntime, cases: readonly EvalCase[], deps: EvalDeps): Promise<EvalReport> {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const workspaces = new Map<string, Workspace | undefined>();
  const results: CaseResult[] = [];
  for (const evalCase of cases) {
    const slug = deps.workspace ?? evalCase.workspace ?? DEFAULT_WORKSPACE;
    const nowText = evalCase.now ?? deps.now ?? DEFAULT_NOW;
    if (!workspaces.has(slug)) workspaces.set(slug, await findWorkspaceBySlug(deps.db, slug));
    const workspace = workspaces.get(slug);
    const base = { id: evalCase.id, language: evalCase.language, workspace: slug, now: nowText, turns: evalCase.turns, question: evalCase.question, tags: evalCase.tags, expect: evalCase.expect };
    const outcome = workspace
      ? await runCase(runtime, evalCase, workspace, new Date(nowText), deps, runId)
      : { actual: null, error: `no workspace "${slug}" in the database`, scores: failedEverywhere(`no workspace "${slug}"`) };
    const result: CaseResult = { ...base, ...outcome };
    results.push(result);
    deps.onCase?.(results.length, cases.length, result);
  }
  return buildReport(results);
}
