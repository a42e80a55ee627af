/**
 * Members of dimensions as people name them. Filters on products, variants and campaigns accept
 * ids, external ids, exact titles or parts of titles and become ids; other dimensions match their
 * stored values case-insensitively. Labels turn member keys back into names for answers.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import type { DimensionName } from "../definitions/dimensions.ts";
import { OTHER_MEMBER } from "../facts/types.ts";

export interface UnknownMember {
  readonly dimension: DimensionName;
  readonly value: string;
}

type Matcher = "product" | "variant" | "campaign";

function matcherOf(dimension: DimensionName): Matcher | null {
  return dimension === "product" || dimension === "variant" || dimension === "campaign" ? dimension : null;
}

async function matchIds(db: DbOrTrx, workspaceId: number, matcher: Matcher, value: string): Promise<string[]> {
  const exactId = /^\d{1,15}$/.test(value) ? Number(value) : -1;
  const pattern = `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  let rows: { id: number; exact: boolean }[];
  switch (matcher) {
    case "product":
      rows = (await sql<{ id: number; exact: boolean }>`
        select id, (id = ${exactId} or external_id = ${value} or lower(title) = lower(${value})) as exact from products
        where workspace_id = ${workspaceId} and (id = ${exactId} or external_id = ${value} or title ilike ${pattern})`.execute(db)).rows;
      break;
    case "variant":
      rows = (await sql<{ id: number; exact: boolean }>`
        select v.id, (v.id = ${exactId} or v.external_id = ${value} or lower(v.sku) = lower(${value})) as exact
        from variants v join products p on p.id = v.product_id
        where v.workspace_id = ${workspaceId}
          and (v.id = ${exactId} or v.external_id = ${value} or lower(v.sku) = lower(${value}) or (p.title || ' ' || v.title) ilike ${pattern})`.execute(db)).rows;
      break;
    case "campaign":
      rows = (await sql<{ id: number; exact: boolean }>`
        select id, (id = ${exactId} or external_id = ${value} or lower(name) = lower(${value})) as exact from ad_campaigns
        where workspace_id = ${workspaceId} and (id = ${exactId} or external_id = ${value} or name ilike ${pattern})`.execute(db)).rows;
      break;
  }
  const exact = rows.filter((row) => row.exact);
  return (exact.length > 0 ? exact : rows).map((row) => String(row.id));
}

/** Filter values as member keys, or the first value nothing matches. */
export async function resolveMemberKeys(
  db: DbOrTrx,
  workspaceId: number,
  dimension: DimensionName,
  values: readonly string[],
): Promise<{ keys: string[] } | { unknown: UnknownMember }> {
  const matcher = matcherOf(dimension);
  if (matcher === null) return { keys: [...values] };
  const keys = new Set<string>();
  for (const value of values) {
    const ids = await matchIds(db, workspaceId, matcher, value.trim());
    if (ids.length === 0) return { unknown: { dimension, value } };
    for (const id of ids) keys.add(id);
  }
  return { keys: [...keys] };
}

const CUSTOMER_TYPES: Readonly<Record<string, string>> = { new: "New customers", returning: "Returning customers", guest: "Guests" };

/** Human labels of member keys. */
export async function memberLabels(db: DbOrTrx, workspaceId: number, dimension: DimensionName, keys: readonly string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = keys.filter((key) => /^\d+$/.test(key)).map(Number);
  let named: { id: number; label: string }[] = [];
  if (ids.length > 0 && dimension === "product") {
    named = (await sql<{ id: number; label: string }>`select id, title as label from products where workspace_id = ${workspaceId} and id = any(${ids}::bigint[])`.execute(db)).rows;
  } else if (ids.length > 0 && dimension === "variant") {
    named = (await sql<{ id: number; label: string }>`
      select v.id, coalesce(v.sku || ' · ', '') || p.title || case when v.title in ('', 'Default', 'Default Title') then '' else ' – ' || v.title end as label
      from variants v join products p on p.id = v.product_id where v.workspace_id = ${workspaceId} and v.id = any(${ids}::bigint[])`.execute(db)).rows;
  } else if (ids.length > 0 && dimension === "campaign") {
    named = (await sql<{ id: number; label: string }>`select id, name || ' (' || platform || ')' as label from ad_campaigns where workspace_id = ${workspaceId} and id = any(${ids}::bigint[])`.execute(db)).rows;
  }
  for (const row of named) labels.set(String(row.id), row.label);
  for (const key of keys) {
    if (labels.has(key)) continue;
    if (key === OTHER_MEMBER) labels.set(key, "Other");
    else if (key === "" || key === "0") labels.set(key, "(none)");
    else if (dimension === "customer_type") labels.set(key, CUSTOMER_TYPES[key] ?? key);
    else labels.set(key, key);
  }
  return labels;
}
