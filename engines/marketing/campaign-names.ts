/** The ad campaigns and platforms a workspace has, for matching what people call them. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";

export interface CampaignName {
  readonly id: number;
  readonly name: string;
  readonly externalId: string;
  readonly platform: string;
  readonly status: string;
}

export async function readCampaignNames(db: DbOrTrx, workspaceId: number): Promise<CampaignName[]> {
  const rows = await sql<{ id: number; name: string; external_id: string; platform: string; status: string }>`
    select id, name, external_id, platform, status from ad_campaigns where workspace_id = ${workspaceId} order by id`.execute(db);
  return rows.rows.map((row) => ({ id: Number(row.id), name: row.name, externalId: row.external_id, platform: row.platform, status: row.status }));
}
