/** The metrics engine's calendar: reading, resolving, comparing and bucketing date ranges. */
export * from "./types.ts";
export { RANGE_ERROR_CODES, type RangeError, type RangeErrorCode } from "./range-error.ts";
export { rangeSpecSchema, type RangeSpec, type RangeSpecKind } from "./range-spec.ts";
export { resolveRange } from "./resolve-range.ts";
export { comparisonRange } from "./comparison.ts";
export { bucketKey, bucketStart, bucketsOf } from "./buckets.ts";
export { localMidnightUtc, todayIn, utcBounds } from "./utc-bounds.ts";
export { describeRangeSyntax, parseRangeText } from "./parse-range-text.ts";
export { periodEnd, periodStart, shiftPeriods, weekStartDay } from "./periods.ts";
export { describeSpan, formatDate, formatSpan } from "./labels.ts";
