/** The eval report: accuracy per dimension overall, per language and per kind, and the failures. */
import { LANGUAGES, type Language } from "../agents/shared/language.ts";
import { KINDS, type Kind } from "./case-schema.ts";
import type { CaseResult } from "./run-eval.ts";
import { DIMENSIONS, short, type Dimension } from "./scorers/types.ts";

export interface Accuracy {
  readonly passed: number;
  /** Cases the dimension applied to (skips excluded). */
  readonly scored: number;
  /** passed ÷ scored, or null when nothing was scored. */
  readonly accuracy: number | null;
}

export type DimensionAccuracy = Readonly<Record<Dimension, Accuracy>>;

export interface CaseFailure {
  readonly id: string;
  readonly question: string;
  readonly dimensions: readonly Dimension[];
  /** One line per failed dimension: expected vs actual. */
  readonly details: readonly string[];
  readonly answer: string | null;
}

export interface EvalReport {
  readonly total: number;
  /** Cases that passed every scored dimension. */
  readonly perfect: number;
  /** Cases whose turn could not run. */
  readonly errors: number;
  readonly overall: DimensionAccuracy;
  readonly byLanguage: Readonly<Record<Language, DimensionAccuracy>>;
  readonly byKind: Readonly<Record<Kind, DimensionAccuracy>>;
  readonly failures: readonly CaseFailure[];
  readonly cases: readonly CaseResult[];
}

export function accuracyOf(results: readonly CaseResult[]): DimensionAccuracy {
  const entries = DIMENSIONS.map((dimension) => {
    const scores = results.map((result) => result.scores[dimension]).filter((score) => score.status !== "skip");
    const passed = scores.filter((score) => score.status === "pass").length;
    return [dimension, { passed, scored: scores.length, accuracy: scores.length === 0 ? null : passed / scores.length }] as const;
  });
  return Object.fromEntries(entries) as Record<Dimension, Accuracy>;
}

function failureOf(result: CaseResult): CaseFailure | null {
  const failed = DIMENSIONS.filter((dimension) => result.scores[dimension].status === "fail");
  if (failed.length === 0) return null;
  const details = failed.map((dimension) => {
    const score = result.scores[dimension];
    return `${dimension}: ${score.status === "fail" ? score.detail : ""}`;
  });
  return { id: result.id, question: result.question, dimensions: failed, details: result.error ? [result.error] : details, answer: result.actual?.answer ?? null };
}

export function buildReport(results: readonly CaseResult[]): EvalReport {
  const failures = results.map(failureOf).filter((failure): failure is CaseFailure => failure !== null);
  return {
    total: results.length,
    perfect: results.length - failures.length,
    errors: results.filter((result) => result.error !== null).length,
    overall: accuracyOf(results),
    byLanguage: Object.fromEntries(LANGUAGES.map((language) => [language, accuracyOf(results.filter((r) => r.language === language))])) as Record<Language, DimensionAccuracy>,
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, accuracyOf(results.filter((r) => r.expect.kind === kind))])) as Record<Kind, DimensionAccuracy>,
    failures,
    cases: results,
  };
}

function percent(accuracy: Accuracy): string {
  if (accuracy.accuracy === null) return "    —    ";
  return `${(accuracy.accuracy * 100).toFixed(1).padStart(5)}% ${`${accuracy.passed}/${accuracy.scored}`.padEnd(7)}`.slice(0, 15).padEnd(15);
}

function table(rows: readonly (readonly [string, DimensionAccuracy])[]): string[] {
  const header = `${"".padEnd(9)}${DIMENSIONS.map((dimension) => dimension.padEnd(15)).join("")}`;
  return [header, ...rows.map(([label, accuracy]) => `${label.padEnd(9)}${DIMENSIONS.map((dimension) => percent(accuracy[dimension])).join("")}`)];
}

/** The report for people: the accuracy table, then one block per failing case. */
export function formatReport(report: EvalReport, options: { readonly maxFailures?: number } = {}): string {
  const lines = [
    `Cases: ${report.total}   all dimensions passed: ${report.perfect}   errors: ${report.errors}`,
    "",
    ...table([
      ["overall", report.overall],
      ...LANGUAGES.map((language) => [language, report.byLanguage[language]] as const),
      ...KINDS.map((kind) => [kind, report.byKind[kind]] as const),
    ]),
  ];
  const shown = report.failures.slice(0, options.maxFailures ?? report.failures.length);
  if (shown.length > 0) lines.push("", `Failures (${report.failures.length}):`);
  for (const failure of shown) {
    lines.push(`- ${failure.id}  ${short(failure.question, 90)}`);
    for (const detail of failure.details) lines.push(`    ${short(detail, 200)}`);
    if (failure.answer !== null) lines.push(`    answer: ${short(failure.answer.replace(/\s+/g, " "), 160)}`);
  }
  if (shown.length < report.failures.length) lines.push(`… ${report.failures.length - shown.length} more (use --json for all)`);
  return lines.join("\n");
}

/** The machine-readable report: everything but the answers' full text is kept. */
export function reportJson(report: EvalReport): string {
  return JSON.stringify(report, null, 2);
}
