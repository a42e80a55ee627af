/**
 * What the daily digest and the weekly report say, as pure data: every figure from the metrics
 * engine (money in integer minor units, ratios as fractions), the insights chosen by the caller,
 * the pending approvals, and the freshness of the data. channels/digest renders these facts into
 * each channel's message in the member's language; nothing here is worded for people except the
 * suggested question and the recommended actions, which come as LocalizedText.
 */
import type { Insight } from "../../db/schema/operations.ts";
import type { Vertical } from "../../db/schema/core.ts";
import type { IsoDate } from "../../lib/calendar-date.ts";
import type { MetricUnit } from "../metrics/definitions/types.ts";
import type { Freshness } from "../metrics/query/freshness.ts";
import type { InsightAction, LocalizedText } from "../insights/types.ts";

/** The insights a digest shows at most (the top ranked ones, chosen by the caller). */
export const MAX_DIGEST_INSIGHTS = 3;

/** A span of local days in the workspace calendar: start inclusive, end exclusive. */
export interface DaySpan {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** One headline metric over a period, with the value of its comparison period. */
export interface KpiFact {
  readonly metric: string;
  /** The catalog's English label ("Net sales"); renderers translate by `metric`. */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly higherIsBetter: boolean | null;
  /** In the metric's unit: minor units for money, a fraction for ratios; null when it cannot be computed. */
  readonly value: number | null;
  readonly previous: number | null;
  /** value − previous (ratios: a fraction, 0.002 = 0.2 points); null without both. */
  readonly change: number | null;
  /** change ÷ |previous|; null without both or when previous is 0. */
  readonly changePct: number | null;
}

/** KPIs of a period against a comparison period of the same days (same weekdays a week earlier…). */
export interface PeriodKpis {
  readonly span: DaySpan;
  readonly comparison: DaySpan;
  readonly kpis: readonly KpiFact[];
}

/** One point of a chart series: a local date (a day, or the first day of a week) and its value. */
export interface SeriesPointFact {
  readonly date: IsoDate;
  /** In the metric's unit (minor units for money); null for a gap. */
  readonly value: number | null;
}

/** The main metric's trend for a chart. */
export interface SeriesFact {
  readonly metric: string;
  readonly label: string;
  readonly unit: MetricUnit;
  readonly grain: "day" | "week";
  readonly points: readonly SeriesPointFact[];
}

/** A price change waiting for a decision. */
export interface PendingApproval {
  readonly code: string;
  readonly kind: "change" | "undo";
  /** The product's title (or the variant's, or "#<variant id>"). */
  readonly product: string;
  readonly variant: string | null;
  readonly currentPriceCents: number;
  readonly proposedPriceCents: number;
  /** ISO 4217 of the prices (the proposal's, else the workspace's). */
  readonly currency: string;
  /** ISO instant. */
  readonly expiresAt: string;
}

/** An insight with its parsed recommended action (null when the stored action is not readable). */
export interface InsightFact {
  readonly insight: Insight;
  readonly action: InsightAction | null;
}

/** The workspace as the digest names it. */
export interface DigestWorkspace {
  readonly id: number;
  readonly name: string;
  readonly vertical: Vertical;
  readonly currency: string;
  readonly timeZone: string;
}

/** Everything the daily digest says. */
export interface DigestFacts {
  readonly kind: "daily";
  readonly workspace: DigestWorkspace;
  /** The member's local day the digest is for. */
  readonly date: IsoDate;
  /** date − 1: the day the digest reports. */
  readonly yesterday: IsoDate;
  /** Yesterday against the same weekday a week earlier. */
  readonly day: PeriodKpis;
  /**
   * The week that holds yesterday, from its first day (workspace week start) through yesterday,
   * against the same days of the previous week. `weekComplete` when yesterday ended the week.
   */
  readonly weekToDate: PeriodKpis;
  readonly weekComplete: boolean;
  /** The main metric (net sales, or MRR for SaaS) by day over the 14 days ending yesterday. */
  readonly series: SeriesFact | null;
  readonly insights: readonly InsightFact[];
  readonly pendingApprovals: readonly PendingApproval[];
  readonly suggestedQuestion: LocalizedText;
  /** Freshness of the sources the KPIs read. */
  readonly freshness: readonly Freshness[];
}

/** One member's part in the change of a metric between two weeks. */
export interface DriverContribution {
  readonly member: string;
  /** The member's display label as the engine names it (product title, channel key…). */
  readonly label: string;
  /** True for the row that sums every member beyond the top ones. */
  readonly other: boolean;
  readonly current: number;
  readonly previous: number;
  /** current − previous. */
  readonly change: number;
  /** change ÷ the metric's total change (can exceed 1 when other members moved against it). */
  readonly share: number;
}

/** What moved a metric between two weeks, along one dimension. */
export interface DriverFact {
  readonly metric: string;
  readonly unit: MetricUnit;
  readonly dimension: string;
  readonly direction: "up" | "down";
  readonly totalChange: number;
  /** The members that moved with the change, largest first, up to the drivers (at most three). */
  readonly drivers: readonly DriverContribution[];
}

/** A customer segment worth a look (RFM), now and a week earlier. */
export interface SegmentFact {
  /** RFM segment name ("at_risk", "cannot_lose_them"). */
  readonly segment: string;
  readonly customers: number;
  readonly customersWeekBefore: number;
  /** Net revenue of the segment's customers over the lookback year, minor units. */
  readonly revenueCents: number;
  readonly avgRecencyDays: number | null;
}

/** A recommended action, from an insight. */
export interface ActionFact {
  readonly insightId: number;
  readonly action: InsightAction;
}

/** Everything the weekly report says. */
export interface WeeklyFacts {
  readonly kind: "weekly";
  readonly workspace: DigestWorkspace;
  /** The week reported: 7 local days from its first. */
  readonly week: DaySpan;
  /** The week's KPIs against the previous week. */
  readonly kpis: PeriodKpis;
  /** What changed and why: the net-sales change by category and by sales channel (none for SaaS). */
  readonly drivers: readonly DriverFact[];
  readonly segments: readonly SegmentFact[];
  readonly insights: readonly InsightFact[];
  readonly actions: readonly ActionFact[];
  /** The main metric by week over the 8 weeks ending with this one. */
  readonly series: SeriesFact | null;
  readonly suggestedQuestion: LocalizedText;
  readonly freshness: readonly Freshness[];
}
