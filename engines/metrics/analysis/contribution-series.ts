/**
 * Contribution analysis straight from per-member daily series: each member's expected value on the
 * anomalous day(s) comes from the same seasonal baseline the anomaly detector uses, fitted on the
 * `historyDays` days before the first anomalous date (so a multi-day anomaly never leaks into its own
 * baseline), with the trend extrapolated to each date.
 */
import { analyzeContributions, type ContributionOptions, type ContributionResult, type MemberDelta } from "./contribution.ts";
import { mean, sum } from "./robust-stats.ts";
import { evaluateBaseline, fitSeasonalBaseline, type HistoryPoint } from "./series-baseline.ts";
import { dayNumber, validateSeries, type DailySeries } from "./series-types.ts";
import { InputError } from "../../../lib/input-error.ts";

/** Options of {@link contributionsFromSeries}. */
export interface SeriesContributionOptions extends ContributionOptions {
  /** History days before the first date (default 56). */
  readonly historyDays?: number;
  /** Fewest history days for the seasonal baseline (default 28); shorter members use the history mean. */
  readonly minHistoryDays?: number;
}

/** {@link ContributionResult} plus the members whose expected value is not seasonal. */
export interface SeriesContributionResult extends ContributionResult {
  /** Members with fewer than `minHistoryDays` history days: their expected value is the mean of the days they have (0 if none). */
  readonly shortHistoryMembers: readonly string[];
}

/**
 * For each member: actual = Σ of its values on `dates` (0 for a date outside its series), expected = Σ of
 * its baseline on those dates. Then {@link analyzeContributions}. Throws an InputError when `dates` is empty.
 */
export function contributionsFromSeries(
  memberSeries: ReadonlyMap<string, DailySeries>,
  dates: string | readonly string[],
  options: SeriesContributionOptions = {},
): SeriesContributionResult {
  const days = (typeof dates === "string" ? [dates] : dates).map(dayNumber);
  if (days.length === 0) throw new InputError("contributionsFromSeries needs at least one date");
  const firstDay = Math.min(...days);
  const historyDays = options.historyDays ?? 56;
  const minHistory = Math.max(7, options.minHistoryDays ?? 28);
  const members: MemberDelta[] = [];
  const shortHistoryMembers: string[] = [];
  for (const [member, series] of memberSeries) {
    const start = validateSeries(series, `series of ${member}`);
    const valueAt = (day: number): number => series[day - start]?.value ?? 0;
    const history: HistoryPoint[] = [];
    series.forEach((p, i) => {
      const day = start + i;
      if (day < firstDay && day >= firstDay - historyDays) history.push({ day, value: p.value });
    });
    const baseline = history.length >= minHistory ? fitSeasonalBaseline(history) : null;
    if (baseline === null) shortHistoryMembers.push(member);
    const fallback = mean(history.map((p) => p.value));
    const expected = sum(days.map((day) => (baseline === null ? fallback : evaluateBaseline(baseline, day).expected)));
    members.push({ member, actual: sum(days.map(valueAt)), expected });
  }
  return { ...analyzeContributions(members, options), shortHistoryMembers };
}
