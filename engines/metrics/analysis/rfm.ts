/**
 * RFM segmentation: every customer who ordered in the lookback window, scored 1–5 on recency,
 * frequency and monetary value, and placed on the segment grid (rfm-segments.ts).
 */
import type { DbOrTrx } from "../../../db/database.ts";
import { InputError } from "../../../lib/input-error.ts";
import { assertAnalysisInput, assertIntegerOption, roundCents, type AnalysisScope } from "./order-revenue.ts";
import {
  fmScore,
  isRfmSegment,
  RFM_SCORES,
  RFM_SEGMENT_INFO,
  RFM_SEGMENTS,
  rfmSegment,
  segmentScoreCodes,
  toScore,
  type RfmSegment,
} from "./rfm-segments.ts";
import { queryRfmCustomers, queryRfmSummary, type RfmSummaryRow, type RfmWindow } from "./rfm-sql.ts";
import type { RfmCustomer, RfmReport, RfmScoreBand, RfmSegmentSummary } from "./rfm-types.ts";

export type * from "./rfm-types.ts";
export { RFM_SEGMENTS, RFM_SEGMENT_INFO, rfmSegment, fmScore, type RfmSegment, type RfmScore } from "./rfm-segments.ts";

export interface RfmOptions {
  /** Orders placed and refunds refunded at or before this instant count. */
  readonly asOf: Date;
  /** The window: this many local days ending with asOf's local date. Default 365 (1–3650). */
  readonly lookbackDays?: number;
}

function windowOf(scope: AnalysisScope, options: RfmOptions): RfmWindow {
  const lookbackDays = options.lookbackDays ?? 365;
  assertAnalysisInput(scope, options.asOf);
  assertIntegerOption("lookbackDays", lookbackDays, 1, 3650);
  return { asOf: options.asOf, lookbackDays };
}

function summarize(segment: RfmSegment, cells: readonly RfmSummaryRow[], total: RfmSummaryRow): RfmSegmentSummary {
  let customers = 0;
  let recency = 0;
  let orders = 0;
  let revenue = 0;
  for (const cell of cells) {
    customers += cell.customers;
    recency += cell.recency_sum;
    orders += cell.frequency_sum;
    revenue += cell.monetary_sum;
  }
  const nonEmpty = customers > 0;
  return {
    segment,
    ...RFM_SEGMENT_INFO[segment],
    customers,
    customerShare: total.customers > 0 ? customers / total.customers : null,
    revenueCents: revenue,
    revenueShare: total.monetary_sum > 0 ? revenue / total.monetary_sum : null,
    avgRecencyDays: nonEmpty ? recency / customers : null,
    avgFrequency: nonEmpty ? orders / customers : null,
    avgMonetaryCents: nonEmpty ? roundCents(revenue / customers) : null,
  };
}

function bands(rows: readonly RfmSummaryRow[], kind: "r" | "f" | "m", range: (row: RfmSummaryRow) => [number | null, number | null]): RfmScoreBand[] {
  return RFM_SCORES.map((score) => {
    const row = rows.find((candidate) => candidate.kind === kind && candidate[kind] === score);
    const [min, max] = row ? range(row) : [null, null];
    return { score, customers: row?.customers ?? 0, min, max };
  });
}

/**
 * RFM analysis as of `asOf` over the customers with a non-cancelled order in the window (the
 * `lookbackDays` local days ending with asOf's local date, orders at or before asOf).
 *
 * - R: recency, whole local days from the customer's last order in the window to asOf's local date.
 * - F: frequency, non-cancelled orders in the window. M: monetary, their net revenue (order-revenue.ts:
 *   subtotal − discount − refunds at or before asOf), minor units. Guest orders are left out and counted.
 * - Scores 1–5 (5 best) are quintiles by ntile over the window's customers; equal values share the
 *   lowest bucket any of them reached (rfm-sql.ts), so ties are deterministic and never split.
 * - Segment from R and FM = ⌈(F + M) / 2⌉ on the grid in rfm-segments.ts. All eleven segments are
 *   listed; empty ones have zeros and null averages and shares (never NaN).
 *
 * One query, scored and grouped in the database: at most 141 rows come back whatever the size.
 */
export async function rfmAnalysis(db: DbOrTrx, scope: AnalysisScope, options: RfmOptions): Promise<RfmReport> {
  const window = windowOf(scope, options);
  const rows = await queryRfmSummary(db, scope, window);
  const total = rows.find((row) => row.kind === "total");
  if (!total) throw new Error("RFM summary query returned no total row");

  const cellsBySegment = new Map<RfmSegment, RfmSummaryRow[]>(RFM_SEGMENTS.map((segment) => [segment, []]));
  for (const row of rows) {
    if (row.kind !== "cell" || row.r === null || row.f === null || row.m === null) continue;
    cellsBySegment.get(rfmSegment(toScore(row.r), toScore(row.f), toScore(row.m)))?.push(row);
  }

  return {
    workspaceId: scope.workspaceId,
    timeZone: scope.timeZone,
    asOf: options.asOf.toISOString(),
    asOfDate: total.asof_date,
    lookbackDays: window.lookbackDays,
    windowStart: total.window_start,
    segments: RFM_SEGMENTS.map((segment) => summarize(segment, cellsBySegment.get(segment) ?? [], total)),
    thresholds: {
      recencyDays: bands(rows, "r", (row) => [row.min_recency, row.max_recency]),
      frequency: bands(rows, "f", (row) => [row.min_frequency, row.max_frequency]),
      monetaryCents: bands(rows, "m", (row) => [row.min_monetary, row.max_monetary]),
    },
    totals: { customers: total.customers, orders: total.frequency_sum, revenueCents: total.monetary_sum },
    excludedGuestOrders: total.guest_orders,
  };
}

export interface RfmCustomersOptions extends RfmOptions {
  readonly segment: RfmSegment;
  /** How many customers to return. Default 20 (1–1000). */
  readonly limit?: number;
}

/**
 * The customers of one segment ("who are my at-risk customers?"), scored exactly as rfmAnalysis
 * scores them, highest net revenue in the window first (then most recent, then customer id).
 */
export async function rfmCustomers(db: DbOrTrx, scope: AnalysisScope, options: RfmCustomersOptions): Promise<RfmCustomer[]> {
  const window = windowOf(scope, options);
  const limit = options.limit ?? 20;
  assertIntegerOption("limit", limit, 1, 1000);
  if (!isRfmSegment(options.segment)) throw new InputError(`unknown RFM segment "${String(options.segment)}"; one of ${RFM_SEGMENTS.join(", ")}`);

  const rows = await queryRfmCustomers(db, scope, window, { codes: segmentScoreCodes(options.segment), limit });
  return rows.map((row) => {
    const r = toScore(row.r);
    const f = toScore(row.f);
    const m = toScore(row.m);
    return {
      customerId: row.customer_id,
      name: row.name,
      email: row.email,
      segment: rfmSegment(r, f, m),
      lastOrderDate: row.last_date,
      recencyDays: row.recency,
      frequency: row.frequency,
      monetaryCents: row.monetary,
      scores: { r, f, m, fm: fmScore(f, m) },
    };
  });
}
