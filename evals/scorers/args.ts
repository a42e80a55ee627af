/**
 * Argument matching: the expected arguments are a subset of what the call must have. Metric names
 * compare as a set (aliases resolved), member names loosely (case, accents, one containing the
 * other), ranges after resolving both, nested objects key by key, lists of objects element-wise.
 */
import { findMetric } from "../../engines/metrics/definitions/registry.ts";
import type { WorkspaceCalendar } from "../../engines/metrics/time/index.ts";
import type { ToolName } from "../../tools/tool-names.ts";
import { parseToolArgs } from "../tool-schemas.ts";
import { rangeMismatch } from "./range.ts";
import { fold, short } from "./types.ts";

/** Keys whose strings name members of the data, matched loosely. */
const MEMBER_KEYS = new Set(["values", "products", "product", "platforms", "campaigns", "competitors", "category", "segment"]);
const METRIC_KEYS = new Set(["metrics", "metric", "sortBy"]);
const PLATFORM_ALIASES: Readonly<Record<string, string>> = { facebook: "meta", fb: "meta", instagram: "meta", adwords: "google" };

interface MatchContext {
  readonly calendar: WorkspaceCalendar;
  readonly now: Date;
}

function memberName(text: string): string {
  const name = fold(text).replace(/\s+ads$/, "");
  return PLATFORM_ALIASES[name] ?? name;
}

function metricName(text: string): string {
  return findMetric(text)?.name ?? fold(text);
}

function stringsMatch(key: string, want: string, got: string): boolean {
  if (METRIC_KEYS.has(key)) return metricName(want) === metricName(got);
  if (MEMBER_KEYS.has(key)) {
    const a = memberName(want);
    const b = memberName(got);
    return a === b || (a.length >= 3 && b.length >= 3 && (a.includes(b) || b.includes(a)));
  }
  return fold(want) === fold(got);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mismatch(key: string, path: string, want: unknown, got: unknown, context: MatchContext): string | null {
  if (key === "range") return rangeMismatch(want, got, context.calendar, context.now);
  if (want === null) return got === null || got === undefined ? null : `${path}: expected none, got ${short(got, 80)}`;
  if (Array.isArray(want)) return arrayMismatch(key, path, want, got, context);
  if (isRecord(want)) {
    if (!isRecord(got)) return `${path}: expected ${short(want, 80)}, got ${short(got, 80)}`;
    for (const [child, value] of Object.entries(want)) {
      const problem = mismatch(child, `${path}.${child}`, value, got[child], context);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (typeof want === "string") return typeof got === "string" && stringsMatch(key, want, got) ? null : `${path}: expected ${short(want, 60)}, got ${short(got, 60)}`;
  return want === got ? null : `${path}: expected ${short(want, 60)}, got ${short(got, 60)}`;
}

function arrayMismatch(key: string, path: string, want: readonly unknown[], got: unknown, context: MatchContext): string | null {
  if (!Array.isArray(got)) return `${path}: expected ${short(want, 80)}, got ${short(got, 80)}`;
  const items: readonly unknown[] = got;
  const unmatched = [...items];
  for (const [index, item] of want.entries()) {
    const at = unmatched.findIndex((candidate) => mismatch(key, `${path}[${index}]`, item, candidate, context) === null);
    if (at < 0) return `${path}: expected ${short(want, 80)}, got ${short(items, 80)}`;
    unmatched.splice(at, 1);
  }
  // Sets of names must be equal; repeated loose matches of one name ("jeans" twice) count once.
  const extra = unmatched.filter((candidate) => !want.some((item) => mismatch(key, path, item, candidate, context) === null));
  return extra.length === 0 ? null : `${path}: unexpected ${short(extra, 80)} (expected ${short(want, 80)})`;
}

/**
 * Arguments that narrow the data to some members. Left out of the expectation, they must be left
 * out of the call too: a stray filter ("what" read as WhatsApp) changes every number.
 */
const NARROWING_KEYS = ["filters", "products", "product", "category", "platforms", "campaigns", "competitors", "segment"];

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** null when the call's arguments contain the expected ones (and no narrowing the case did not ask for), else the first difference. */
export function argsMismatch(tool: ToolName, expected: Readonly<Record<string, unknown>>, actual: Readonly<Record<string, unknown>>, context: MatchContext): string | null {
  const parsed = parseToolArgs(tool, actual);
  if (!parsed.ok) return `invalid ${tool} args: ${parsed.message}`;
  for (const [key, want] of Object.entries(expected)) {
    const problem = mismatch(key, key, want, parsed.args[key], context);
    if (problem !== null) return problem;
  }
  for (const key of NARROWING_KEYS) {
    if (!(key in expected) && !isUnset(parsed.args[key])) return `${key}: not asked for, got ${short(parsed.args[key], 80)}`;
  }
  return null;
}
