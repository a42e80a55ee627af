/** The shapes of RFM reports (see rfmAnalysis and rfmCustomers in rfm.ts for the semantics). */
import type { RfmScore, RfmSegment } from "./rfm-segments.ts";

/** One segment's customers and what they are worth. Empty segments are listed with zeros and nulls. */
export interface RfmSegmentSummary {
  readonly segment: RfmSegment;
  readonly label: string;
  readonly description: string;
  readonly customers: number;
  /** customers ÷ all scored customers, 0–1; null when there are none. */
  readonly customerShare: number | null;
  /** Net revenue of the segment's customers in the window, minor units. */
  readonly revenueCents: number;
  /** revenueCents ÷ total net revenue, 0–1; null when total revenue is not positive. */
  readonly revenueShare: number | null;
  /** Mean days since the last order; null for an empty segment. */
  readonly avgRecencyDays: number | null;
  /** Mean orders per customer in the window; null for an empty segment. */
  readonly avgFrequency: number | null;
  /** Mean net revenue per customer, rounded to whole minor units (halves up); null for an empty segment. */
  readonly avgMonetaryCents: number | null;
}

/** The customers who got one score on one dimension and the range of their values (the quintile boundaries). */
export interface RfmScoreBand {
  readonly score: RfmScore;
  readonly customers: number;
  /** Smallest value with this score; null when no customer has it (ties can leave a score empty). */
  readonly min: number | null;
  /** Largest value with this score; null when no customer has it. */
  readonly max: number | null;
}

/** Score bands per dimension, score 1 first. */
export interface RfmThresholds {
  /** Days since last order: score 5 has the fewest. */
  readonly recencyDays: readonly RfmScoreBand[];
  /** Orders in the window: score 5 has the most. */
  readonly frequency: readonly RfmScoreBand[];
  /** Net revenue in the window, minor units: score 5 has the most. */
  readonly monetaryCents: readonly RfmScoreBand[];
}

/** RFM segmentation of the customers who ordered in a window ending at asOf. */
export interface RfmReport {
  readonly workspaceId: number;
  readonly timeZone: string;
  /** ISO instant the report is as of. */
  readonly asOf: string;
  /** Local date of asOf: recency is counted from it. */
  readonly asOfDate: string;
  readonly lookbackDays: number;
  /** First local date of the window (asOfDate − lookbackDays + 1). */
  readonly windowStart: string;
  /** All eleven segments, in RFM_SEGMENTS order. */
  readonly segments: readonly RfmSegmentSummary[];
  readonly thresholds: RfmThresholds;
  readonly totals: {
    /** Customers with at least one non-cancelled order in the window. */
    readonly customers: number;
    /** Their non-cancelled orders in the window. */
    readonly orders: number;
    /** Their net revenue in the window, minor units. */
    readonly revenueCents: number;
  };
  /** Non-cancelled orders without a customer in the window, left out of the segmentation. */
  readonly excludedGuestOrders: number;
}

/** One customer of a segment, with the figures behind their scores. */
export interface RfmCustomer {
  readonly customerId: number;
  readonly name: string | null;
  readonly email: string | null;
  readonly segment: RfmSegment;
  /** Local date of their last non-cancelled order in the window. */
  readonly lastOrderDate: string;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetaryCents: number;
  readonly scores: { readonly r: RfmScore; readonly f: RfmScore; readonly m: RfmScore; readonly fm: RfmScore };
}
