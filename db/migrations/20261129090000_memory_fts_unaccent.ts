import { sql, type Kysely } from "kysely";

/**
 * Accent-insensitive full text over conversation memory: content_tsv was to_tsvector('simple',
 * content), which keeps accents, so a question typed without them ("promocion") missed the message
 * that had them ("promoción"). The column is regenerated over the content with the accents of
 * en/es/pt folded by translate() (immutable, no extension: fine in a generated column on PGlite and
 * PostgreSQL); the query side folds the same way: memory/full-text-fold.ts holds the same two strings
 * (FULL_TEXT_ACCENTED, FULL_TEXT_FOLDED; db must not import memory, and its test checks they agree).
 * Upper-case letters are listed because lower() does not fold non-ASCII case under the C locale.
 *
 * The strings are written out here so this migration keeps meaning what it meant. Down restores the
 * accent-keeping column; both directions rebuild the GIN index, which drops with its column.
 */
const ACCENTED = "áàâãäéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ";
const FOLDED = "aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn";

async function replaceColumn(db: Kysely<unknown>, expression: ReturnType<typeof sql>): Promise<void> {
  await db.schema.alterTable("memory_embeddings").dropColumn("content_tsv").execute();
  await db.schema.alterTable("memory_embeddings").addColumn("content_tsv", sql`tsvector`, (col) => col.generatedAlwaysAs(expression).stored()).execute();
  await sql`create index memory_embeddings_fts on memory_embeddings using gin (content_tsv)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceColumn(db, sql`to_tsvector('simple', translate(content, ${sql.lit(ACCENTED)}, ${sql.lit(FOLDED)}))`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceColumn(db, sql`to_tsvector('simple', content)`);
}
