/**
 * What a detector is: a named check over one engine's analysis that returns insight candidates for
 * a workspace, the insight types it can produce (so the repository knows which open insights a run
 * that did not find them again has resolved), and the verticals it applies to.
 */
import type { DbOrTrx } from "../../db/database.ts";
import type { Vertical, Workspace } from "../../db/schema/core.ts";
import type { IsoDate } from "../../lib/calendar-date.ts";
import type { Clock } from "../../lib/clock.ts";
import { minorUnitsToDecimal } from "../../lib/money.ts";
import { productSales, type ProductSales } from "./product-sales-sql.ts";
import type { InsightCandidate, InsightType } from "./types.ts";

export interface DetectorContext {
  readonly db: DbOrTrx;
  readonly workspace: Workspace;
  readonly clock: Clock;
  /** The workspace's local today: analyses read the complete days before it. */
  readonly today: IsoDate;
  /** Sales per product (ranks, 30-day revenue), read once per run and shared by detectors. */
  readonly productSales: () => Promise<ReadonlyMap<number, ProductSales>>;
}

export interface Detector {
  readonly name: string;
  readonly types: readonly InsightType[];
  /** The verticals it applies to ("both" workspaces run every detector). */
  readonly verticals: readonly Exclude<Vertical, "both">[];
  readonly detect: (ctx: DetectorContext) => Promise<InsightCandidate[]>;
}

export function detectorContext(db: DbOrTrx, workspace: Workspace, clock: Clock, today: IsoDate): DetectorContext {
  let sales: Promise<ReadonlyMap<number, ProductSales>> | null = null;
  return {
    db,
    workspace,
    clock,
    today,
    productSales: () => (sales ??= productSales(db, workspace.id, today, workspace.timezone)),
  };
}

/** Rounds to `digits` decimals (evidence numbers are stored as people read them). */
export function rounded(value: number, digits: number): number {
  const factor = 10 ** digits;
  const result = Math.round(value * factor) / factor;
  return result === 0 ? 0 : result;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Minor units as a plain amount for the English log lines: 11123 MXN → "MXN 111.23", −500 → "−MXN 5.00". */
export function amount(minorUnits: number, currency: string): string {
  const whole = Math.round(minorUnits);
  return `${whole < 0 ? "−" : ""}${currency} ${minorUnitsToDecimal(Math.abs(whole), currency)}`;
}
