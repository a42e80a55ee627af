/**
 * The database side of applying an approved proposal, in three steps around the store call made by
 * the apply job (jobs/pricing/apply-price-change.ts):
 *
 * 1. beginApply: approved → applying (or resume one left in applying by an attempt that died);
 *    anything else is already settled and the job does nothing.
 * 2. completeApply: applying → applied, with the store's price before (for undo), the catalog's
 *    price updated, and for an undo the change it reverts marked rolled_back.
 * 3. failApply: applying → failed, with the reason a person reads (the price moved, a rule now
 *    fails, the store refused, the store kept failing).
 *
 * Each step locks the proposal and writes the audit log in the same transaction.
 */
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../db/repositories/audit-log.ts";
import { findProposalView, lockProposal, updateProposalStatus, type ProposalView } from "../../db/repositories/price-proposals.ts";
import type { PriceChangeProposal } from "../../db/schema/operations.ts";
import { z } from "zod";

const variantIdsSchema = z.object({ variantIds: z.array(z.number().int().positive()).min(1) });

/** The variants a proposal changes: every variant it names in details (a whole product), or its one variant. */
export function proposalVariantIds(proposal: Pick<PriceChangeProposal, "variant_id" | "details">): number[] {
  const parsed = variantIdsSchema.safeParse(proposal.details);
  return parsed.success ? parsed.data.variantIds : [proposal.variant_id];
}

const JOB_ACTOR = { actorKind: "job" as const, actorId: "apply-price-change" };

export type BeginOutcome =
  | { readonly kind: "go"; readonly proposal: PriceChangeProposal; readonly resumed: boolean }
  /** Not approved (never was, or already applied, failed, rolled back): nothing to do. */
  | { readonly kind: "settled"; readonly proposal: ProposalView | null };

export async function beginApply(db: Db, workspaceId: number, id: number, now: Date): Promise<BeginOutcome> {
  return db.transaction().execute(async (trx): Promise<BeginOutcome> => {
    const locked = await lockProposal(trx, workspaceId, id);
    if (!locked) return { kind: "settled", proposal: null };
    if (locked.status === "applying") return { kind: "go", proposal: locked, resumed: true };
    if (locked.status !== "approved") return { kind: "settled", proposal: (await findProposalView(trx, workspaceId, id)) ?? null };
    await updateProposalStatus(trx, workspaceId, id, ["approved"], { status: "applying", updated_at: now });
    await recordAudit(trx, { workspaceId, ...JOB_ACTOR, action: "applying", subjectKind: "price_change", subjectId: locked.code, channel: null, details: {}, at: now });
    return { kind: "go", proposal: { ...locked, status: "applying" }, resumed: false };
  });
}

export interface AppliedFacts {
  /** The variants written (a product's sizes and colours share one change). */
  readonly variantIds: readonly number[];
  /** What the store reported before the write (the price an undo restores). */
  readonly previousPriceCents: number;
  /** What the store reports after it. */
  readonly storePriceCents: number;
  /** Where it was written: "demo-store.myshopify.com", "the catalog". */
  readonly target: string;
  readonly provider: string;
  /** True when an earlier attempt had already written it (found at the new price on resume). */
  readonly alreadyInStore: boolean;
}

export async function completeApply(db: Db, workspaceId: number, id: number, facts: AppliedFacts, now: Date): Promise<ProposalView> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockProposal(trx, workspaceId, id);
    if (!locked) throw new Error(`proposal ${id} vanished while applying`);
    const moved = await updateProposalStatus(trx, workspaceId, id, ["applying"], {
      status: "applied",
      applied_at: now,
      previous_price_cents: facts.previousPriceCents,
      error: null,
      updated_at: now,
    });
    if (moved) {
      await trx.updateTable("variants").set({ price_cents: facts.storePriceCents }).where("workspace_id", "=", workspaceId).where("id", "in", [...facts.variantIds]).execute();
      await recordAudit(trx, { workspaceId, ...JOB_ACTOR, action: "applied", subjectKind: "price_change", subjectId: locked.code, channel: null, details: { ...facts }, at: now });
      if (locked.kind === "undo" && locked.undo_of_id !== null) {
        const original = await lockProposal(trx, workspaceId, locked.undo_of_id);
        if (original && (await updateProposalStatus(trx, workspaceId, original.id, ["applied"], { status: "rolled_back", updated_at: now }))) {
          await recordAudit(trx, { workspaceId, ...JOB_ACTOR, action: "rolled_back", subjectKind: "price_change", subjectId: original.code, channel: null, details: { by: locked.code }, at: now });
        }
      }
    }
    const view = await findProposalView(trx, workspaceId, id);
    if (!view) throw new Error(`proposal ${id} vanished while applying`);
    return view;
  });
}

export type FailureReason = "price_moved" | "rule_failed" | "store_refused" | "store_failed" | "no_store";

export async function failApply(db: Db, workspaceId: number, id: number, reason: FailureReason, message: string, details: Readonly<Record<string, unknown>>, now: Date): Promise<ProposalView | undefined> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockProposal(trx, workspaceId, id);
    if (!locked) return undefined;
    if (await updateProposalStatus(trx, workspaceId, id, ["applying"], { status: "failed", error: message, updated_at: now })) {
      await recordAudit(trx, { workspaceId, ...JOB_ACTOR, action: "apply_failed", subjectKind: "price_change", subjectId: locked.code, channel: null, details: { reason, message, ...details }, at: now });
    }
    return findProposalView(trx, workspaceId, id);
  });
}
