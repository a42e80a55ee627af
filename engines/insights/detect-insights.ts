/**
 * Runs the insight detectors that apply to a workspace's vertical and gathers their candidates.
 * Each detector runs on its own: one that fails is reported in `failures` and the others go on.
 * `types` lists the insight types of the detectors that completed, so the repository resolves only
 * open insights those detectors could have found again (pass them to upsertInsights). Pass the database, not a transaction: on
 * PostgreSQL a failed statement would abort the transaction for every later detector.
 */
import type { DbOrTrx } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import type { Clock } from "../../lib/clock.ts";
import { todayIn } from "../metrics/time/utc-bounds.ts";
import { anomalyDetector } from "./detect-anomalies.ts";
import { campaignDetector } from "./detect-campaigns.ts";
import { competitorDetector } from "./detect-competitors.ts";
import { inventoryDetector } from "./detect-inventory.ts";
import { pricingDetector } from "./detect-pricing.ts";
import { saasDetector } from "./detect-saas.ts";
import { segmentDetector } from "./detect-segments.ts";
import { syncDetector } from "./detect-sync.ts";
import { trendDetector } from "./detect-trends.ts";
import { detectorContext, type Detector } from "./detector.ts";
import { scoreCandidates, type ScoredCandidate } from "./rank.ts";
import type { InsightCandidate, InsightType } from "./types.ts";

export const DETECTORS: readonly Detector[] = [
  anomalyDetector,
  trendDetector,
  inventoryDetector,
  competitorDetector,
  pricingDetector,
  campaignDetector,
  segmentDetector,
  saasDetector,
  syncDetector,
];
export const DETECTOR_NAMES = DETECTORS.map((d) => d.name);

export interface DetectOptions {
  /** Only these detectors (by name); default all that apply to the vertical. */
  readonly detectors?: readonly string[];
}

export interface DetectionFailure {
  readonly detector: string;
  readonly message: string;
}

export interface DetectionResult {
  /** Scored (engines/insights/rank.ts), highest first. */
  readonly candidates: ScoredCandidate[];
  readonly failures: DetectionFailure[];
  /** Insight types of the detectors that ran to completion. */
  readonly types: InsightType[];
}

export function detectorsFor(workspace: Pick<Workspace, "vertical">, options: DetectOptions = {}): Detector[] {
  return DETECTORS.filter((d) => (workspace.vertical === "both" || d.verticals.includes(workspace.vertical)) && (options.detectors === undefined || options.detectors.includes(d.name)));
}

export async function detectInsights(db: DbOrTrx, workspace: Workspace, clock: Clock, options: DetectOptions = {}): Promise<DetectionResult> {
  const ctx = detectorContext(db, workspace, clock, todayIn(clock.now(), workspace.timezone));
  const candidates: InsightCandidate[] = [];
  const failures: DetectionFailure[] = [];
  const types: InsightType[] = [];
  // One after another: detectors share the connection (PGlite has only one) and the sales read.
  for (const detector of detectorsFor(workspace, options)) {
    try {
      candidates.push(...(await detector.detect(ctx)));
      types.push(...detector.types);
    } catch (error) {
      failures.push({ detector: detector.name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  // Fingerprints are unique per run: a later duplicate (should a detector repeat one) is dropped.
  const seen = new Set<string>();
  const unique = candidates.filter((c) => (seen.has(c.fingerprint) ? false : (seen.add(c.fingerprint), true)));
  return { candidates: scoreCandidates(unique, workspace.currency), failures, types };
}
