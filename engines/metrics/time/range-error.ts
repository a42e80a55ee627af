/** The expected failures of reading and resolving a date range, each with a message that says what to fix. */

/** Every RangeError code, for callers that map them (to an HTTP status, a CLI exit code…). */
export const RANGE_ERROR_CODES = [
  /** The spec does not have the shape rangeSpecSchema describes (a month of 13, n of 0…). */
  "invalid_spec",
  /** A date that is not a calendar date (2026-02-30) or not in YYYY-MM-DD form. */
  "invalid_date",
  /** The range has no days: it ends before it starts. */
  "empty_range",
  /** The whole range is after today in the workspace's zone. */
  "future_range",
  /** Text that names no range we know. */
  "unrecognized_text",
  /** Text we understood that needs one more detail: the year, or day/month order. */
  "ambiguous_text",
] as const;

export type RangeErrorCode = (typeof RANGE_ERROR_CODES)[number];

/**
 * Why a range could not be read or resolved. (This is not the global RangeError: it is a plain value
 * returned in a Result, never thrown.)
 */
export interface RangeError {
  readonly code: RangeErrorCode;
  /** One or two English sentences for a person: what is wrong and what to write instead. */
  readonly message: string;
}

/** A RangeError value. */
export function rangeError(code: RangeErrorCode, message: string): RangeError {
  return { code, message };
}

/** The error for a spec that failed rangeSpecSchema: invalid_date when a date field is at fault, else invalid_spec. */
export function specIssuesError(issues: ReadonlyArray<{ readonly path: readonly PropertyKey[]; readonly message: string }>): RangeError {
  const aboutDates = issues.some((issue) => issue.path[0] === "start" || issue.path[0] === "end");
  const lines = issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")} ${issue.message}` : issue.message));
  return rangeError(aboutDates ? "invalid_date" : "invalid_spec", `Invalid date range: ${lines.join("; ")}.`);
}
