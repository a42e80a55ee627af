/**
 * One detection run for a workspace: every detector that applies, the findings stored (one row per
 * ongoing problem, updated; the ones gone resolved), and the urgent ones alerted right away. Run
 * daily before the digests and after each data sync; a repeat finds the same fingerprints and sends
 * no alert twice.
 */
import { upsertInsights } from "../../db/repositories/insights.ts";
import { findWorkspaceById } from "../../db/repositories/workspaces.ts";
import { detectInsights } from "../../engines/insights/detect-insights.ts";
import { PermanentJobError } from "../runtime/job-definition.ts";
import type { NotificationDeps } from "../notifications/notification-deps.ts";
import { sendAlerts } from "../notifications/send-alerts.ts";

export interface DetectionOutcome {
  readonly found: number;
  readonly inserted: number;
  readonly updated: number;
  readonly resolved: number;
  readonly alerts: number;
  readonly heldForQuietHours: number;
  /** Detectors that failed (the others still ran). */
  readonly failures: readonly string[];
}

export async function detectAndAlert(deps: NotificationDeps, workspaceId: number): Promise<DetectionOutcome> {
  const workspace = await findWorkspaceById(deps.db, workspaceId);
  if (!workspace) throw new PermanentJobError(`workspace ${workspaceId} no longer exists`);
  const { candidates, failures, types } = await detectInsights(deps.db, workspace, deps.clock);
  for (const failure of failures) deps.logger.warn("insight detector failed", { workspace: workspace.slug, detector: failure.detector, error: failure.message });
  // Only the detectors that finished may resolve their old findings.
  const stored = await upsertInsights(deps.db, workspace.id, candidates, deps.clock.now(), { types });
  const urgent = new Set(candidates.filter((c) => c.urgent && c.severity !== "info").map((c) => c.fingerprint));
  const alerts = await sendAlerts(
    deps,
    workspace,
    stored.insights.filter((insight) => urgent.has(insight.fingerprint)),
  );
  return {
    found: candidates.length,
    inserted: stored.inserted,
    updated: stored.updated,
    resolved: stored.resolved,
    alerts: alerts.sent,
    heldForQuietHours: alerts.held,
    failures: failures.map((f) => f.detector),
  };
}
