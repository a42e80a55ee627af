/**
 * Close matches for a product, variant or campaign name that matched nothing, so the model (or the
 * supervisor) can ask "did you mean…?" with names the workspace really has.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import { closestNames } from "./metric-facts.ts";

const CANDIDATE_LIMIT = 2000;

async function candidates(db: DbOrTrx, workspaceId: number, dimension: string): Promise<string[]> {
  switch (dimension) {
    case "product":
      return (await sql<{ name: string }>`select title as name from products where workspace_id = ${workspaceId} order by title limit ${CANDIDATE_LIMIT}`.execute(db)).rows.map((row) => row.name);
    case "variant":
      return (await sql<{ name: string }>`select sku as name from variants where workspace_id = ${workspaceId} and sku is not null order by sku limit ${CANDIDATE_LIMIT}`.execute(db)).rows.map((row) => row.name);
    case "campaign":
      return (await sql<{ name: string }>`select name from ad_campaigns where workspace_id = ${workspaceId} order by name limit ${CANDIDATE_LIMIT}`.execute(db)).rows.map((row) => row.name);
    default:
      return [];
  }
}

/** Up to `limit` names of `dimension`'s members closest to `value` (empty for dimensions matched verbatim). */
export async function closestMembers(db: DbOrTrx, workspaceId: number, dimension: string, value: string, limit = 5): Promise<string[]> {
  return closestNames(value, await candidates(db, workspaceId, dimension), limit);
}

/** The dimension and value of an engine "No product matches "x"." message. */
export function unknownMemberOf(message: string): { dimension: string; value: string } | null {
  const match = /^No (\S+) matches "(.*)"\.$/.exec(message);
  return match ? { dimension: match[1]!, value: match[2]! } : null;
}
