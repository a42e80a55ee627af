/**
 * sync_failed insights: connectors in error (status 'error' or a last error recorded), with the
 * failed sync runs since their last successful one. Answers built on their data may be stale, so
 * each is critical and urgent; there is no money estimate (impact null).
 */
import type { ConnectorProvider } from "../../db/schema/connectors.ts";
import { question } from "./action-text.ts";
import type { Detector } from "./detector.ts";
import type { SyncFailedEvidence } from "./evidence.ts";
import type { InsightCandidate } from "./types.ts";

const PROVIDER_NAMES: Readonly<Record<ConnectorProvider, string>> = {
  shopify: "Shopify",
  stripe: "Stripe",
  meta_ads: "Meta Ads",
  google_ads: "Google Ads",
  ga4: "Google Analytics",
  mercadolibre: "Mercado Libre",
  amazon: "Amazon",
  csv: "CSV",
  competitor_feed: "Competitor prices",
};

export const syncDetector: Detector = {
  name: "sync",
  types: ["sync_failed"],
  verticals: ["ecommerce", "saas"],
  detect: async (ctx) => {
    const connectors = await ctx.db
      .selectFrom("connectors")
      .select(["id", "provider", "account", "status", "last_error", "last_sync_at"])
      .where("workspace_id", "=", ctx.workspace.id)
      .where((eb) => eb.or([eb("status", "=", "error"), eb.and([eb("last_error", "is not", null), eb("status", "!=", "disconnected")])]))
      .orderBy("id")
      .execute();
    const candidates: InsightCandidate[] = [];
    for (const connector of connectors) {
      const runs = await ctx.db
        .selectFrom("sync_runs")
        .select(["status", "started_at", "finished_at", "error"])
        .where("workspace_id", "=", ctx.workspace.id)
        .where("connector_id", "=", Number(connector.id))
        .orderBy("started_at", "desc")
        .limit(50)
        .execute();
      const firstSuccess = runs.findIndex((r) => r.status === "succeeded");
      const sinceSuccess = (firstSuccess === -1 ? runs : runs.slice(0, firstSuccess)).filter((r) => r.status === "failed");
      const name = PROVIDER_NAMES[connector.provider];
      const lastFailed = sinceSuccess[0];
      const lastError = connector.last_error ?? lastFailed?.error ?? null;
      const evidence: SyncFailedEvidence = {
        connectorId: Number(connector.id),
        provider: connector.provider,
        account: connector.account,
        status: connector.status,
        lastError,
        lastSyncAt: connector.last_sync_at?.toISOString() ?? null,
        lastFailedAt: (lastFailed?.finished_at ?? lastFailed?.started_at)?.toISOString() ?? null,
        failedRuns: Math.max(1, sinceSuccess.length),
      };
      candidates.push({
        type: "sync_failed",
        severity: "critical",
        fingerprint: `sync_failed:connector:${connector.id}`,
        subject: `connector:${connector.id}`,
        impactCents: null,
        confidence: 1,
        title: `${name} sync is failing (${connector.account})`,
        summary: `${evidence.failedRuns} failed sync run(s) since the last success${lastError ? `: ${lastError.split("\n")[0]!.slice(0, 200)}` : ""}.`,
        evidence,
        action: question({ en: `How do I fix the ${name} connection?`, es: `¿Cómo arreglo la conexión con ${name}?`, pt: `Como conserto a conexão com ${name}?` }),
        urgent: true,
      });
    }
    return candidates;
  },
};
