/**
 * Contribution analysis: which members of a breakdown (products, channels, countries…) explain an
 * anomaly's deviation from expected.
 *
 * share = deviation / D, where D is the net total deviation Σ(actual − expected) when it points in the
 * anomaly's direction, else (members do not add up to the move) the gross deviation of the members moving
 * in that direction. Shares of members moving with the anomaly are positive and, on the net basis, can
 * exceed 1 when other members moved against it (a member "explains 130% of the drop").
 * Drivers: the members moving with the anomaly, largest first, up to and including the one whose
 * cumulative share reaches `driverShare` (default 0.8).
 */
import { deviationPercent } from "./anomaly-scoring.ts";
import { sum } from "./robust-stats.ts";

/** A member's actual and expected value over the anomalous day(s). */
export interface MemberDelta {
  readonly member: string;
  readonly actual: number;
  readonly expected: number;
}

/** Whether a member moved with the anomaly, against it, or not at all. */
export type Movement = "with" | "against" | "flat";

/** One member's part in the deviation. */
export interface Contribution {
  readonly member: string;
  readonly actual: number;
  readonly expected: number;
  /** actual − expected. */
  readonly deviation: number;
  /** deviation / D (see the module comment); negative for members moving against the anomaly. */
  readonly share: number;
  /** 100·deviation/|expected|, in percent; null when expected is 0. */
  readonly deviationPct: number | null;
  readonly movement: Movement;
  readonly driver: boolean;
}

/** Options of {@link analyzeContributions}. */
export interface ContributionOptions {
  /** The anomaly's direction; default: the sign of the net deviation ("up" when it is 0). */
  readonly direction?: "up" | "down";
  /** Cumulative share the drivers must reach (default 0.8). */
  readonly driverShare?: number;
}

/** The result of a contribution analysis. */
export interface ContributionResult {
  readonly direction: "up" | "down";
  readonly totalActual: number;
  readonly totalExpected: number;
  readonly totalDeviation: number;
  /** "net": shares are of the net deviation; "gross": of the deviation of the members moving with the anomaly. */
  readonly basis: "net" | "gross";
  /** Members moving with the anomaly (largest share first), then flat ones, then those moving against it (largest first). */
  readonly contributions: readonly Contribution[];
  /** Names of the driver members, in order. */
  readonly drivers: readonly string[];
}

/** Ranks members by their share of the total deviation and marks the drivers. */
export function analyzeContributions(members: readonly MemberDelta[], options: ContributionOptions = {}): ContributionResult {
  const driverShare = options.driverShare ?? 0.8;
  const deviations = members.map((m) => m.actual - m.expected);
  const totalDeviation = sum(deviations);
  const direction = options.direction ?? (totalDeviation >= 0 ? "up" : "down");
  const sign = direction === "up" ? 1 : -1;
  const gross = sum(deviations.filter((d) => d * sign > 0));
  const basis = totalDeviation * sign > 0 ? "net" : "gross";
  const denominator = basis === "net" ? totalDeviation : gross;
  const rows = members.map((m, i) => {
    const deviation = deviations[i] ?? 0;
    const movement: Movement = deviation * sign > 0 ? "with" : deviation * sign < 0 ? "against" : "flat";
    const share = denominator === 0 ? 0 : deviation / denominator;
    return { member: m.member, actual: m.actual, expected: m.expected, deviation, share, deviationPct: deviationPercent(m.actual, m.expected), movement };
  });
  const order: Record<Movement, number> = { with: 0, flat: 1, against: 2 };
  rows.sort((a, b) => order[a.movement] - order[b.movement] || Math.abs(b.deviation) - Math.abs(a.deviation) || a.member.localeCompare(b.member));
  let cumulative = 0;
  const contributions = rows.map((row): Contribution => {
    const driver = row.movement === "with" && cumulative < driverShare;
    if (driver) cumulative += row.share;
    return { ...row, driver };
  });
  return {
    direction,
    totalActual: sum(members.map((m) => m.actual)),
    totalExpected: sum(members.map((m) => m.expected)),
    totalDeviation,
    basis,
    contributions,
    drivers: contributions.filter((c) => c.driver).map((c) => c.member),
  };
}
