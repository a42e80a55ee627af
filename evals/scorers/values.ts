/** Answer values: every key number of the expected call's result, and every key name, appears in the answer. */
import { extractNumbers, shows, type ValueTarget } from "./numbers.ts";
import { fail, fold, pass, skip, type Score } from "./types.ts";

/** What the answer to a case must show, computed from the expected tool call at eval time. */
export interface ExpectedValues {
  readonly numbers: readonly ValueTarget[];
  /** Names (a top product, the first campaign…) the answer must mention. */
  readonly names: readonly string[];
}

export type ExpectedValuesResult = { readonly ok: true; readonly values: ExpectedValues } | { readonly ok: false; readonly reason: string };

export function scoreValues(expected: ExpectedValuesResult | null, answer: string): Score {
  if (expected === null) return skip("no value expectation");
  if (!expected.ok) return skip(expected.reason);
  const { numbers, names } = expected.values;
  if (numbers.length === 0 && names.length === 0) return skip("the expected call has no key values");
  const found = extractNumbers(answer);
  const missing = numbers.filter((target) => !shows(target, found)).map((target) => `${target.label} ${round(target.value)}`);
  const text = fold(answer);
  missing.push(...names.filter((name) => !text.includes(fold(name))).map((name) => `"${name}"`));
  return missing.length === 0 ? pass : fail(`answer lacks ${missing.join(", ")}`);
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
