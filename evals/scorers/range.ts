/**
 * Range equivalence: two ranges are equal when they resolve to the same local days for the case's
 * clock and the workspace calendar ("october" = {kind:"month",month:10} = "2026-10-01..2026-10-31").
 */
import { parseRangeText, rangeSpecSchema, resolveRange, type ResolvedRange, type WorkspaceCalendar } from "../../engines/metrics/time/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";

/** Resolves a range as a tool receives it: text or a structured spec. */
export function resolveAny(range: unknown, calendar: WorkspaceCalendar, now: Date): Result<ResolvedRange, string> {
  let spec;
  if (typeof range === "string") {
    const parsed = parseRangeText(range);
    if (!parsed.ok) return err(parsed.error.message);
    spec = parsed.value;
  } else {
    const parsed = rangeSpecSchema.safeParse(range);
    if (!parsed.success) return err(parsed.error.issues.map((issue) => issue.message).join("; "));
    spec = parsed.data;
  }
  const resolved = resolveRange(spec, calendar, now);
  return resolved.ok ? ok(resolved.value) : err(resolved.error.message);
}

/** null when equal, else why not. */
export function rangeMismatch(expected: unknown, actual: unknown, calendar: WorkspaceCalendar, now: Date): string | null {
  const want = resolveAny(expected, calendar, now);
  if (!want.ok) return `expected range does not resolve: ${want.error}`;
  const got = resolveAny(actual, calendar, now);
  if (!got.ok) return `range ${JSON.stringify(actual)} does not resolve: ${got.error}`;
  if (want.value.start === got.value.start && want.value.end === got.value.end) return null;
  return `range ${want.value.start}..${want.value.end} expected, got ${got.value.start}..${got.value.end} (${JSON.stringify(actual)})`;
}
