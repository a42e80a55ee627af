import { sql, type CreateTableBuilder, type Kysely } from "kysely";

/** The columns every tenant table starts with: a bigint identity key and its workspace. */
export function tenantTable<T extends string>(db: Kysely<unknown>, table: T): CreateTableBuilder<T, "id" | "workspace_id"> {
  return db.schema
    .createTable(table)
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("workspace_id", "bigint", (col) => col.notNull().references("workspaces.id").onDelete("cascade"));
}

/** A tenant table keyed by something other than an identity (daily facts). */
export function tenantFactTable<T extends string>(db: Kysely<unknown>, table: T): CreateTableBuilder<T, "workspace_id"> {
  return db.schema
    .createTable(table)
    .addColumn("workspace_id", "bigint", (col) => col.notNull().references("workspaces.id").onDelete("cascade"));
}

export const now = sql`now()`;
export const emptyJson = sql`'{}'::jsonb`;

/** A CHECK constraint that a text column holds one of the given values. */
export function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}
