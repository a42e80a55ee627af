/**
 * What a statement is about, linked to the workspace's own records: SKUs to variants, product titles
 * to products, "the X line" to the products whose title, vendor or category has X, campaign names,
 * competitor names and members' names to those; a quoted phrase or "the summer sale" that none of
 * those covers becomes a topic. Pricing reads the products a fact covers (FactSubject.productIds).
 *
 * Bounded work: every lookup is one tenant-scoped query that returns a handful of rows; the catalog
 * never comes into memory. Names are folded in SQL (fact-text.ts) only on the rows a cheap test
 * keeps — the name starts and ends with tokens of the statement, or loosely holds the line's word —
 * and CASE makes the database run the cheap test first. Names shorter than three letters
 * are not looked for (a product called "Tee" is found, one called "T" would be everywhere).
 */
import { sql, type SqlBool } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import { isStopWord } from "../embeddings/text-features.ts";
import { containsWords, edgeTokenMatches, escapeLike, factWords, looselyHolds, sqlFactWords, tokenPatterns } from "./fact-text.ts";
import { linePhrases, skuCodes, topicPhrases, type SkuCode } from "./subject-phrases.ts";
import { FACT_SUBJECT_KINDS, type FactSubject } from "./types.ts";

/** Products a line may cover; a line wider than this is cut (by product id) rather than stored whole. */
export const LINE_PRODUCTS_CAP = 5_000;
/** Matches kept per kind of name (products, campaigns, members…). */
const MATCHES_PER_KIND = 20;
/** Longer SKUs a bare "SKU 123" may be the end of ("PLA-123", "CLS-123"). */
const SUFFIX_MATCHES = 5;
const MIN_NAME_LENGTH = 3;

async function variantSubjects(db: DbOrTrx, workspaceId: number, codes: readonly SkuCode[]): Promise<FactSubject[]> {
  if (codes.length === 0) return [];
  const explicit = codes.filter((code) => code.explicit);
  const exactSku = sql<boolean>`lower(v.sku) in (${sql.join(codes.map((code) => code.code))})`;
  const rows = await db
    .selectFrom("variants as v")
    .innerJoin("products as p", (join) => join.onRef("p.id", "=", "v.product_id").onRef("p.workspace_id", "=", "v.workspace_id"))
    .select(["v.id", "v.sku", "v.title", "v.product_id", "p.title as product_title"])
    .where("v.workspace_id", "=", workspaceId)
    .where((eb) =>
      eb.or([exactSku, ...explicit.map((code) => eb(sql<string>`lower(v.sku)`, "like", `%-${escapeLike(code.code)}`))]),
    )
    // Exact SKUs first: suffix matches never crowd them out of the limit.
    .orderBy(sql`case when ${exactSku} then 0 else 1 end`)
    .orderBy("v.id")
    .limit(MATCHES_PER_KIND * 2)
    .execute();
  const chosen: typeof rows = [];
  for (const code of codes) {
    const exact = rows.filter((row) => row.sku?.toLowerCase() === code.code);
    // "SKU 123" is the SKU "123" when there is one, else the end of longer ones.
    chosen.push(...(exact.length > 0 || !code.explicit ? exact : rows.filter((row) => row.sku?.toLowerCase().endsWith(`-${code.code}`)).slice(0, SUFFIX_MATCHES)));
  }
  return chosen.map((row) => ({
    kind: "variant",
    key: `variant:${row.id}`,
    label: `${row.product_title}${row.title && !/^default/i.test(row.title) ? ` / ${row.title}` : ""} (SKU ${row.sku ?? ""})`,
    productIds: [Number(row.product_id)],
  }));
}

/** What a statement is looked up by: its factWords padded with spaces, and its tokens as LIKE patterns. */
interface Probe {
  readonly padded: string;
  readonly tokens: readonly string[];
}

/** Rows whose folded name is in the statement as whole words; only names starting and ending with its tokens are folded. */
function nameIn(column: string, probe: Probe) {
  const words = sqlFactWords(sql.ref(column));
  return sql<SqlBool>`case when ${edgeTokenMatches(sql.ref(column), "first", probe.tokens)} and ${edgeTokenMatches(sql.ref(column), "last", probe.tokens)}
    then length(${words}) >= ${MIN_NAME_LENGTH} and strpos(${probe.padded}, ' ' || ${words} || ' ') > 0 else false end`;
}

/** Products whose whole (folded) title is in the statement; a title inside a longer matched one is dropped. */
async function productSubjects(db: DbOrTrx, workspaceId: number, probe: Probe): Promise<FactSubject[]> {
  const rows = await db
    .selectFrom("products")
    .select(["id", "title"])
    .select(sqlFactWords(sql.ref("title")).as("words"))
    .where("workspace_id", "=", workspaceId)
    .where(nameIn("title", probe))
    .orderBy(sql`length(title)`, "desc")
    .orderBy("id")
    .limit(MATCHES_PER_KIND)
    .execute();
  const kept = rows.filter((row, index) => !rows.slice(0, index).some((longer) => longer.words !== row.words && containsWords(longer.words, row.words)));
  return kept.map((row) => ({ kind: "product", key: `product:${row.id}`, label: row.title, productIds: [Number(row.id)] }));
}

async function lineSubject(db: DbOrTrx, workspaceId: number, line: { readonly words: string; readonly label: string }): Promise<FactSubject> {
  const needle = ` ${line.words} `;
  const longest = line.words.split(" ").reduce((a, b) => (b.length > a.length ? b : a), "");
  const has = (column: "title" | "vendor" | "category") =>
    sql<SqlBool>`case when ${looselyHolds(sql.ref(column), longest)} then strpos(' ' || ${sqlFactWords(sql.ref(column))} || ' ', ${needle}) > 0 else false end`;
  const rows = await db
    .selectFrom("products")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb.or([has("title"), has("vendor"), has("category")]))
    .orderBy("id")
    .limit(LINE_PRODUCTS_CAP)
    .execute();
  return { kind: "product_line", key: `line:${line.words}`, label: line.label, productIds: rows.map((row) => Number(row.id)) };
}

async function campaignSubjects(db: DbOrTrx, workspaceId: number, probe: Probe): Promise<FactSubject[]> {
  const rows = await db.selectFrom("ad_campaigns").select(["id", "name"]).where("workspace_id", "=", workspaceId).where(nameIn("name", probe)).orderBy("id").limit(MATCHES_PER_KIND).execute();
  return rows.map((row) => ({ kind: "campaign", key: `campaign:${row.id}`, label: row.name, productIds: [] }));
}

/** The workspace's competitor names (one index probe each, as engines/competition reads them) found in the statement. */
async function competitorSubjects(db: DbOrTrx, workspaceId: number, { padded }: Probe): Promise<FactSubject[]> {
  const rows = await sql<{ competitor: string; words: string }>`
    with recursive names as (
      (select competitor from competitor_prices where workspace_id = ${workspaceId} order by competitor limit 1)
      union all
      select (select c.competitor from competitor_prices c where c.workspace_id = ${workspaceId} and c.competitor > n.competitor order by c.competitor limit 1)
      from names n where n.competitor is not null
    ), folded as (
      select competitor, ${sqlFactWords(sql.ref("competitor"))} as words from names where competitor is not null
    )
    select competitor, words from folded
    where length(words) >= ${MIN_NAME_LENGTH} and strpos(${padded}, ' ' || words || ' ') > 0
    order by competitor limit ${MATCHES_PER_KIND}`.execute(db);
  return rows.rows.map((row) => ({ kind: "competitor", key: `competitor:${row.words}`, label: row.competitor, productIds: [] }));
}

/** Members named in full or by their first name ("Ana" for "Ana García"). */
async function memberSubjects(db: DbOrTrx, workspaceId: number, { padded, tokens }: Probe): Promise<FactSubject[]> {
  const words = sqlFactWords(sql.ref("name"));
  const rows = await db
    .selectFrom("members")
    .select(["id", "name"])
    .select(words.as("words"))
    .where("workspace_id", "=", workspaceId)
    .where(
      sql<SqlBool>`case when ${edgeTokenMatches(sql.ref("name"), "first", tokens)}
        then length(${words}) >= ${MIN_NAME_LENGTH} and (strpos(${padded}, ' ' || ${words} || ' ') > 0 or strpos(${padded}, ' ' || split_part(${words}, ' ', 1) || ' ') > 0) else false end`,
    )
    .orderBy("id")
    .limit(MATCHES_PER_KIND)
    .execute();
  return rows
    .filter((row) => containsWords(padded.trim(), row.words) || !isStopWord(row.words.split(" ")[0] ?? ""))
    .map((row) => ({ kind: "member", key: `member:${row.id}`, label: row.name, productIds: [] }));
}

/** The subjects a statement names in this workspace, in kind order, each once. */
export async function linkSubjects(db: DbOrTrx, workspaceId: number, statement: string): Promise<FactSubject[]> {
  const words = factWords(statement);
  if (words.length === 0) return [];
  const probe: Probe = { padded: ` ${words} `, tokens: tokenPatterns(statement) };
  const subjects: FactSubject[] = [
    ...(await productSubjects(db, workspaceId, probe)),
    ...(await variantSubjects(db, workspaceId, skuCodes(statement))),
  ];
  for (const line of linePhrases(statement)) subjects.push(await lineSubject(db, workspaceId, line));
  subjects.push(...(await campaignSubjects(db, workspaceId, probe)), ...(await competitorSubjects(db, workspaceId, probe)), ...(await memberSubjects(db, workspaceId, probe)));
  // A topic only for what no record covers: "the Summer Sale campaign" is the campaign, not also a topic.
  const named = subjects.map((subject) => factWords(subject.label));
  for (const topic of topicPhrases(statement)) {
    if (!named.some((label) => containsWords(label, topic.words) || containsWords(topic.words, label))) subjects.push({ kind: "topic", key: `topic:${topic.words}`, label: topic.label, productIds: [] });
  }
  const seen = new Set<string>();
  const order = (subject: FactSubject) => FACT_SUBJECT_KINDS.indexOf(subject.kind);
  return subjects.filter((subject) => !seen.has(subject.key) && seen.add(subject.key)).sort((a, b) => order(a) - order(b));
}
