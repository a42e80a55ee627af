/**
 * The apply job's processor: one approved proposal → the store, exactly once.
 *
 * It moves the proposal to applying, re-reads the store's current price and refuses (telling the
 * approver why) when the price moved since the proposal or a pricing rule now fails; otherwise it
 * writes the new price and records applied with the price it replaced (for undo). A resumed attempt
 * that finds the store already at the new price records applied without writing again. Provider
 * failures that may pass (rate limits, outages) are retried by the runner until maxAttempts; the
 * rest — and the last attempt — fail the proposal with the reason.
 */
import type { Db } from "../../db/database.ts";
import { findWorkspaceById } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import type { PriceChangeProposal } from "../../db/schema/operations.ts";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import { beginApply, completeApply, failApply, proposalVariantIds, type AppliedFacts, type FailureReason } from "../../engines/approvals/apply-steps.ts";
import { StoreRefusal, type PriceWriter, type StoreVariantRef } from "../../connectors/store/price-writer.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";

/** How a variant is known to its store: our row's source and external ids. */
export interface VariantStoreRow extends StoreVariantRef {
  /** Where the variant came from: shopify, csv, demo… */
  readonly source: string;
}

export interface ApplyDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The writer for this variant's store (the connected store it came from, or the catalog), or why there is none. */
  writerFor(workspace: Workspace, variant: VariantStoreRow): Promise<PriceWriter | StoreRefusal>;
  /** The pricing rules' verdict on the change now: null when it may go ahead, else why not (in English, for the log). */
  recheck(workspace: Workspace, proposal: PriceChangeProposal): Promise<{ readonly rule: string; readonly message: string } | null>;
}

export interface ApplyRequest {
  readonly workspaceId: number;
  readonly proposalId: number;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly maxAttempts: number;
}

export type ApplyOutcome =
  | { readonly kind: "applied"; readonly proposal: ProposalView; readonly facts: AppliedFacts }
  /** Refused or failed for good: the proposal is failed and `reason` says why. */
  | { readonly kind: "failed"; readonly proposal: ProposalView; readonly reason: FailureReason; readonly message: string; readonly details: Readonly<Record<string, unknown>> }
  /** The store may take it later (rate limit, outage): try again no sooner than retryAfterMs. */
  | { readonly kind: "retry"; readonly retryAfterMs: number; readonly message: string }
  /** Nothing to do: not approved, or already applied/failed by an earlier run (a duplicate job). */
  | { readonly kind: "settled"; readonly proposal: ProposalView | null };

async function variantRows(db: Db, workspaceId: number, variantIds: readonly number[]): Promise<VariantStoreRow[]> {
  const rows = await db
    .selectFrom("variants as v")
    .innerJoin("products as p", "p.id", "v.product_id")
    .select(["v.id", "v.external_id", "v.source", "v.sku", "p.external_id as product_external_id"])
    .where("v.workspace_id", "=", workspaceId)
    .where("v.id", "in", [...variantIds])
    .orderBy("v.id")
    .execute();
  return rows.map((row) => ({ variantId: row.id, externalId: row.external_id, productExternalId: row.product_external_id, sku: row.sku, source: row.source }));
}

const RETRY_FALLBACK_MS = 30_000;

export async function applyPriceChange(deps: ApplyDeps, request: ApplyRequest): Promise<ApplyOutcome> {
  const { db, clock } = deps;
  const { workspaceId, proposalId } = request;
  const logger = deps.logger.child({ job: "apply-price-change", workspaceId, proposalId });
  const begun = await beginApply(db, workspaceId, proposalId, clock.now());
  if (begun.kind === "settled") return begun;
  const proposal = begun.proposal;

  const fail = async (reason: FailureReason, message: string, details: Readonly<Record<string, unknown>> = {}): Promise<ApplyOutcome> => {
    logger.warn("price change not applied", { code: proposal.code, reason, message });
    const view = await failApply(db, workspaceId, proposalId, reason, message, details, clock.now());
    if (!view) return { kind: "settled", proposal: null };
    return { kind: "failed", proposal: view, reason, message, details };
  };

  const workspace = await findWorkspaceById(db, workspaceId);
  const wanted = proposalVariantIds(proposal);
  const variants = await variantRows(db, workspaceId, wanted);
  const [first] = variants;
  if (!workspace || !first || variants.length !== wanted.length) return fail("store_refused", "the product is no longer in the catalog");
  const writer = await deps.writerFor(workspace, first);
  if (writer instanceof StoreRefusal) return fail("no_store", writer.message, { provider: writer.provider, refusal: writer.reason });
  const currency = proposal.currency ?? workspace.currency;
  const target = proposal.proposed_price_cents;

  try {
    const before = await Promise.all(variants.map(async (variant) => ({ variant, price: (await writer.readPrice(variant)).priceCents })));
    // A resumed attempt may find some variants already written by the attempt that died: those are not written again.
    const moved = before.filter(({ price }) => price !== proposal.current_price_cents && !(begun.resumed && price === target));
    const [firstMoved] = moved;
    if (firstMoved) {
      return fail("price_moved", `the price in ${writer.target} moved from ${proposal.current_price_cents} to ${firstMoved.price} since the proposal`, {
        proposedFromCents: proposal.current_price_cents,
        storePriceCents: firstMoved.price,
        target: writer.target,
      });
    }
    const pending = before.filter(({ price }) => price !== target);
    if (pending.length > 0) {
      const verdict = await deps.recheck(workspace, proposal);
      if (verdict !== null) return fail("rule_failed", verdict.message, { rule: verdict.rule });
    }
    for (const { variant } of pending) {
      const after = await writer.writePrice({ variant, priceCents: target, currency, idempotencyKey: `${proposal.idempotency_key}:${variant.variantId}` });
      if (after.priceCents !== target) return fail("store_refused", `${writer.target} reports ${after.priceCents} after writing ${target}`, { target: writer.target });
    }
    const facts: AppliedFacts = {
      variantIds: variants.map((variant) => variant.variantId),
      previousPriceCents: proposal.current_price_cents,
      storePriceCents: target,
      target: writer.target,
      provider: writer.provider,
      alreadyInStore: pending.length === 0,
    };
    const view = await completeApply(db, workspaceId, proposalId, facts, clock.now());
    logger.info("price change applied", { code: proposal.code, target: writer.target, priceCents: target, variants: variants.length, written: pending.length });
    return { kind: "applied", proposal: view, facts };
  } catch (error) {
    if (error instanceof StoreRefusal) return fail("store_refused", error.message, { provider: error.provider, refusal: error.reason });
    if (!(error instanceof ProviderError)) throw error;
    if (error.retryable && request.attempt < request.maxAttempts) {
      const retryAfterMs = error.failure.kind === "rate_limited" ? error.failure.retryAfterMs : RETRY_FALLBACK_MS * 2 ** (request.attempt - 1);
      logger.warn("store unavailable; the price change will be retried", { code: proposal.code, attempt: request.attempt, retryAfterMs, error: error.message });
      return { kind: "retry", retryAfterMs, message: error.message };
    }
    return fail("store_failed", error.message, { provider: error.provider, failure: error.failure.kind, attempts: request.attempt });
  }
}
