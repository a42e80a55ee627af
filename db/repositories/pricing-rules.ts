/**
 * A workspace's pricing rules rows: one for the workspace (scope_value ''), one per category and
 * one per product (scope_value: the product id as text) that override some fields. Settings are
 * stored as given; engines/pricing/rules.ts validates what is written and parses what is read.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../database.ts";
import type { PricingRule, PricingRuleScope } from "../schema/operations.ts";

export class PricingRuleScopeError extends Error {
  override readonly name = "PricingRuleScopeError";
}

/** The stored scope_value: '' for the workspace, the category or the product id otherwise. */
function scopeValueOf(scope: PricingRuleScope, value: string | number | null): string {
  const text = value === null ? "" : String(value).trim();
  if (scope === "workspace") {
    if (text !== "") throw new PricingRuleScopeError("workspace rules take no scope value");
    return "";
  }
  if (text === "") throw new PricingRuleScopeError(`${scope} rules need a ${scope === "category" ? "category" : "product id"}`);
  if (scope === "product" && !/^\d+$/.test(text)) throw new PricingRuleScopeError(`product rules are keyed by the product id, got "${text}"`);
  return text;
}

/** Every rules row of the workspace: workspace first, then categories, then products. */
export async function listPricingRules(db: DbOrTrx, workspaceId: number): Promise<PricingRule[]> {
  return db
    .selectFrom("pricing_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy(sql`case scope when 'workspace' then 0 when 'category' then 1 else 2 end`)
    .orderBy("scope_value")
    .execute();
}

export async function getPricingRule(db: DbOrTrx, workspaceId: number, scope: PricingRuleScope, scopeValue: string | number | null): Promise<PricingRule | undefined> {
  return db
    .selectFrom("pricing_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("scope", "=", scope)
    .where("scope_value", "=", scopeValueOf(scope, scopeValue))
    .executeTakeFirst();
}

/**
 * Sets fields of a scope's rules, keeping the fields it already set (a top-level merge: a field
 * given replaces the stored one whole, e.g. the strategy). `remove` names fields to stop setting
 * here (they are inherited again). Returns the row as stored.
 */
export async function upsertPricingRule(
  db: DbOrTrx,
  workspaceId: number,
  scope: PricingRuleScope,
  scopeValue: string | number | null,
  settings: Readonly<Record<string, unknown>>,
  remove: readonly string[] = [],
): Promise<PricingRule> {
  const value = scopeValueOf(scope, scopeValue);
  const kept = Object.fromEntries(Object.entries(settings).filter(([key]) => !remove.includes(key)));
  return db
    .insertInto("pricing_rules")
    .values({ workspace_id: workspaceId, scope, scope_value: value, settings: JSON.stringify(kept) })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "scope", "scope_value"]).doUpdateSet({
        settings: sql<string>`(pricing_rules.settings - ${[...remove]}::text[]) || excluded.settings`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Drops a scope's rules (its fields are inherited again); true when there was a row. */
export async function deletePricingRule(db: DbOrTrx, workspaceId: number, scope: PricingRuleScope, scopeValue: string | number | null): Promise<boolean> {
  const result = await db
    .deleteFrom("pricing_rules")
    .where("workspace_id", "=", workspaceId)
    .where("scope", "=", scope)
    .where("scope_value", "=", scopeValueOf(scope, scopeValue))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
