/**
 * The price-change machinery, composed: the apply runner (BullMQ when REDIS_URL is set, else in
 * process) with its store writers — the workspace's connected Shopify for Shopify products, the
 * catalog otherwise — and the rules re-checked at apply time; the notifier that asks approvers and
 * tells people outcomes; and the desk that turns replies and buttons into decisions.
 */
import type { ChannelSettings } from "../config/channels-schema.ts";
import type { Db } from "../db/database.ts";
import { listConnectors, readConnectorCredentials } from "../db/repositories/connectors.ts";
import type { IdentityChannel, Workspace } from "../db/schema/core.ts";
import { firstViolation } from "../engines/pricing/check-variants.ts";
import { loadPricingInputs } from "../engines/pricing/pricing-sql.ts";
import { createCatalogPriceWriter } from "../connectors/store/catalog-writer.ts";
import { StoreRefusal, type PriceWriter } from "../connectors/store/price-writer.ts";
import { createShopifyPriceWriter } from "../connectors/shopify/price-writer.ts";
import { proposalVariantIds } from "../engines/approvals/apply-steps.ts";
import { createApprovalDesk, type ApprovalDesk } from "../channels/approvals/approval-desk.ts";
import { createApprovalNotifier, type ApprovalNotifier } from "../channels/approvals/approval-notifier.ts";
import type { ApplyNews } from "../channels/approvals/approval-messages.ts";
import type { DeliveryScheduler } from "../channels/outbound/delivery-scheduler.ts";
import type { ApplyDeps, VariantStoreRow } from "../jobs/pricing/apply-price-change.ts";
import { createBullmqApplyRunner } from "../jobs/pricing/bullmq-apply.ts";
import { createInProcessApplyRunner } from "../jobs/pricing/in-process-apply.ts";
import type { AnnounceExpired } from "../jobs/pricing/expire-proposals.ts";
import type { ApplyRunner, PriceChangeEvents } from "../jobs/pricing/price-change-queue.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { createSecretBox } from "../lib/secret-box.ts";
import { z } from "zod";

export interface PriceChangesOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scheduler: DeliveryScheduler;
  readonly channels: ReadonlySet<IdentityChannel>;
  readonly whatsappTransport: "cloud" | "web";
  /** The app's encryption key: connector credentials are sealed with it. */
  readonly secretKey: Buffer;
  /** Redis for the BullMQ runner; null runs jobs in process. */
  readonly redisUrl: string | null;
  readonly queuePrefix?: string;
  readonly onNews?: (news: ApplyNews) => void;
}

export interface PriceChanges {
  readonly desk: ApprovalDesk;
  readonly notifier: ApprovalNotifier;
  readonly runner: ApplyRunner & { idle?: () => Promise<void> };
  /** Tells the requester a proposal expired: for the job runner's expiry tick (jobs/pricing/expire-proposals.ts). */
  readonly announceExpired: AnnounceExpired;
  close(): Promise<void>;
}

/** The channels a deployment can send approval requests and news on, and how WhatsApp messages leave. */
export function approvalChannels(settings: ChannelSettings): Pick<PriceChangesOptions, "channels" | "whatsappTransport"> {
  const channels = new Set<IdentityChannel>([
    ...(settings.slack ? (["slack"] as const) : []),
    ...(settings.whatsappCloud || settings.whatsappWeb ? (["whatsapp"] as const) : []),
    ...(settings.email ? (["email"] as const) : []),
  ]);
  return { channels, whatsappTransport: settings.whatsappCloud ? "cloud" : "web" };
}

const shopifyCredentialsSchema = z.object({ accessToken: z.string().min(1), apiBaseUrl: z.string().url().optional() });

function storeWriters(db: Db, secretKey: Buffer, logger: Logger) {
  const box = createSecretBox(secretKey);
  return async (workspace: Workspace, variant: VariantStoreRow): Promise<PriceWriter | StoreRefusal> => {
    if (variant.source !== "shopify") return createCatalogPriceWriter(db, workspace);
    const connector = (await listConnectors(db, workspace.id)).find((c) => c.provider === "shopify" && c.status === "active");
    if (!connector) return new StoreRefusal("shopify", "not_in_store", "the product comes from Shopify but no Shopify store is connected (bizos connect shopify)");
    const credentials = shopifyCredentialsSchema.safeParse(await readConnectorCredentials(db, box, workspace.id, connector.id));
    if (!credentials.success) return new StoreRefusal("shopify", "not_in_store", "the Shopify connection has no usable access token: connect the store again");
    return createShopifyPriceWriter({ shop: connector.account, accessToken: credentials.data.accessToken, baseUrl: credentials.data.apiBaseUrl, logger });
  };
}

/** The pricing rules' verdict at apply time (the price itself was checked when it was proposed, and again now). */
function recheckRules(db: Db, clock: Clock): ApplyDeps["recheck"] {
  return async (workspace, proposal) => {
    if (proposal.product_id === null) return null;
    const inputs = await loadPricingInputs(db, workspace, { productIds: [proposal.product_id], category: null }, clock.now());
    const ids = new Set(proposalVariantIds(proposal));
    const variants = inputs.variants.filter((v) => ids.has(v.variant.variantId));
    const price = { currentPriceCents: proposal.current_price_cents, newPriceCents: proposal.proposed_price_cents };
    // An undo restores the price before a change: cool-down and the daily limit do not hold it back.
    const violation = firstViolation(variants, price, clock.now(), { timing: proposal.kind === "change" });
    if (violation) return { rule: violation.kind, message: `a pricing rule now refuses it (${violation.kind.replaceAll("_", " ")})` };
    return null;
  };
}

export function createPriceChanges(options: PriceChangesOptions): PriceChanges {
  const { db, clock } = options;
  const logger = options.logger.child({ component: "price-changes" });
  const notifier = createApprovalNotifier({ db, clock, logger, scheduler: options.scheduler, channels: options.channels, whatsappTransport: options.whatsappTransport, onNews: options.onNews });
  const events: PriceChangeEvents = {
    async applied(outcome) {
      if (outcome.kind === "applied") {
        await notifier.news({ kind: "applied", proposal: outcome.proposal, target: outcome.facts.target, catalogOnly: outcome.facts.provider === "catalog" });
      } else {
        const store = outcome.details["storePriceCents"];
        await notifier.news({ kind: "failed", proposal: outcome.proposal, reason: outcome.reason, storePriceCents: typeof store === "number" ? store : null, message: outcome.message });
      }
    },
  };
  const deps: ApplyDeps = { db, clock, logger, writerFor: storeWriters(db, options.secretKey, logger), recheck: recheckRules(db, clock) };
  const runner = options.redisUrl
    ? createBullmqApplyRunner({ connection: options.redisUrl, prefix: options.queuePrefix, deps, events })
    : createInProcessApplyRunner({ deps, events });
  const desk = createApprovalDesk({ db, clock, logger, applies: runner, requests: notifier });
  const announceExpired: AnnounceExpired = (proposal) => notifier.news({ kind: "expired", proposal });
  return { desk, notifier, runner, announceExpired, close: () => runner.close() };
}
