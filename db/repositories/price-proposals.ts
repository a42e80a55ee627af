/**
 * Price-change proposals: insert one under a fresh code, find one by code (locked for a decision or
 * an apply), list the pending ones a reply could mean, move one to a new status. The status rules
 * themselves (which move is allowed) are engines/approvals/transitions.ts; this file only reads and
 * writes rows, always within one workspace — except `listExpiredPending`, the expiry sweep's
 * cross-workspace scan, which returns ids the sweep then expires one workspace row at a time.
 */
import { sql, type Updateable } from "kysely";
import type { DbOrTrx } from "../database.ts";
import type { NewPriceChangeProposal, PriceChangeProposal, PriceChangeProposalsTable, ProposalStatus } from "../schema/operations.ts";

/** A proposal with the names of who asked and who decided, and the product's title, for messages and listings. */
export interface ProposalView extends PriceChangeProposal {
  readonly product_title: string | null;
  readonly variant_title: string | null;
  readonly sku: string | null;
  readonly requested_by_name: string | null;
  readonly decided_by_name: string | null;
  /** For an undo: the code of the change it reverts. */
  readonly undo_of_code: string | null;
}

/** Inserts the proposal; undefined when its code is already taken in the workspace (draw another). */
export async function insertProposal(db: DbOrTrx, values: NewPriceChangeProposal): Promise<PriceChangeProposal | undefined> {
  return db
    .insertInto("price_change_proposals")
    .values(values)
    .onConflict((oc) => oc.columns(["workspace_id", "code"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

function viewQuery(db: DbOrTrx, workspaceId: number) {
  return db
    .selectFrom("price_change_proposals as p")
    .leftJoin("variants as v", "v.id", "p.variant_id")
    .leftJoin("products as pr", "pr.id", "v.product_id")
    .leftJoin("members as rq", "rq.id", "p.requested_by_member_id")
    .leftJoin("members as dc", "dc.id", "p.decided_by_member_id")
    .leftJoin("price_change_proposals as u", "u.id", "p.undo_of_id")
    .selectAll("p")
    .select(["pr.title as product_title", "v.title as variant_title", "v.sku as sku", "rq.name as requested_by_name", "dc.name as decided_by_name", "u.code as undo_of_code"])
    .where("p.workspace_id", "=", workspaceId);
}

export async function findProposalView(db: DbOrTrx, workspaceId: number, id: number): Promise<ProposalView | undefined> {
  return viewQuery(db, workspaceId).where("p.id", "=", id).executeTakeFirst();
}

export async function findProposalViewByCode(db: DbOrTrx, workspaceId: number, code: string): Promise<ProposalView | undefined> {
  return viewQuery(db, workspaceId).where("p.code", "=", code.toUpperCase()).executeTakeFirst();
}

/** The proposal, locked until the transaction ends (a decision or an apply holds it; a second one waits). */
export async function lockProposal(db: DbOrTrx, workspaceId: number, id: number): Promise<PriceChangeProposal | undefined> {
  return db.selectFrom("price_change_proposals").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function lockProposalByCode(db: DbOrTrx, workspaceId: number, code: string): Promise<PriceChangeProposal | undefined> {
  return db
    .selectFrom("price_change_proposals")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("code", "=", code.toUpperCase())
    .forUpdate()
    .executeTakeFirst();
}

/** Proposals waiting for a decision and not yet expired, oldest first. */
export async function listPendingProposals(db: DbOrTrx, workspaceId: number, now: Date): Promise<ProposalView[]> {
  return viewQuery(db, workspaceId).where("p.status", "=", "pending_approval").where("p.expires_at", ">", now).orderBy("p.created_at").orderBy("p.id").execute();
}

export interface ProposalListFilter {
  readonly statuses: readonly ProposalStatus[] | null;
  readonly productIds: readonly number[] | null;
  readonly limit: number;
}

/** The filter as one condition on the proposals aliased `p`, for the listing and its count alike. */
function filterCondition(filter: ProposalListFilter) {
  const parts = [sql`true`];
  if (filter.statuses !== null) parts.push(filter.statuses.length === 0 ? sql`false` : sql`p.status in (${sql.join([...filter.statuses])})`);
  if (filter.productIds !== null) parts.push(filter.productIds.length === 0 ? sql`false` : sql`p.product_id in (${sql.join([...filter.productIds])})`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** Proposals newest first, with their total before the limit. */
export async function listProposals(db: DbOrTrx, workspaceId: number, filter: ProposalListFilter): Promise<{ readonly rows: ProposalView[]; readonly total: number }> {
  const condition = filterCondition(filter);
  const rows = await viewQuery(db, workspaceId).where(condition).orderBy("p.created_at", "desc").orderBy("p.id", "desc").limit(filter.limit).execute();
  const { n } = await db
    .selectFrom("price_change_proposals as p")
    .select(({ fn }) => fn.countAll<string>().as("n"))
    .where("p.workspace_id", "=", workspaceId)
    .where(condition)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

/** Proposals still open (pending, approved or applying) and not expired: a second change to their variants would race them. */
export async function listOpenProposals(db: DbOrTrx, workspaceId: number, now: Date): Promise<Pick<PriceChangeProposal, "code" | "variant_id" | "details">[]> {
  return db
    .selectFrom("price_change_proposals")
    .select(["code", "variant_id", "details"])
    .where("workspace_id", "=", workspaceId)
    .where("status", "in", ["pending_approval", "approved", "applying"])
    .where("expires_at", ">", now)
    .execute();
}

/** The open undo of an applied change, if one is waiting or being applied. */
export async function findOpenUndo(db: DbOrTrx, workspaceId: number, undoOfId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("price_change_proposals")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("undo_of_id", "=", undoOfId)
    .where("status", "in", ["pending_approval", "approved", "applying"])
    .executeTakeFirst();
  return row?.id;
}

export type ProposalPatch = Omit<Updateable<PriceChangeProposalsTable>, "id" | "workspace_id" | "code" | "idempotency_key" | "created_at">;

/** Moves the proposal to `status` (with the other columns given) when it is still in `from`; false when it was not. */
export async function updateProposalStatus(
  db: DbOrTrx,
  workspaceId: number,
  id: number,
  from: readonly ProposalStatus[],
  patch: ProposalPatch & { readonly status: ProposalStatus; readonly updated_at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("price_change_proposals")
    .set(patch)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pending proposals past their expiry, across workspaces (the expiry sweep), oldest first. */
export async function listExpiredPending(db: DbOrTrx, now: Date, limit: number): Promise<{ readonly id: number; readonly workspaceId: number }[]> {
  const rows = await db
    .selectFrom("price_change_proposals")
    .select(["id", "workspace_id"])
    .where("status", "=", "pending_approval")
    .where("expires_at", "<=", now)
    .orderBy("expires_at")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, workspaceId: row.workspace_id }));
}

/** Approved proposals not yet applied (a lost apply job is re-queued from these), across workspaces. */
export async function listAwaitingApply(
  db: DbOrTrx,
  olderThan: Date,
  limit: number,
): Promise<{ readonly id: number; readonly workspaceId: number; readonly idempotencyKey: string }[]> {
  const rows = await db
    .selectFrom("price_change_proposals")
    .select(["id", "workspace_id", "idempotency_key"])
    .where("status", "in", ["approved", "applying"])
    .where("updated_at", "<=", olderThan)
    .orderBy("updated_at")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, workspaceId: row.workspace_id, idempotencyKey: row.idempotency_key }));
}
