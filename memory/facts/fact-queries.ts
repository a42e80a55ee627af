/**
 * Reading entity memory, tenant-scoped: the newest facts (optionally about one subject), the facts
 * about some catalog products (pricing: "never discount the Classic line" covers its products), the
 * facts a text mentions ("forget what I said about the Classic line", the facts relevant to a
 * question) and a member's last fact ("forget that"). The jsonb columns are parsed with zod.
 */
import { sql, type SqlBool } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import { isStopWord, stem } from "../embeddings/text-features.ts";
import { factWords, sqlFactWords } from "./fact-text.ts";
import { factClaimSchema, factSubjectsSchema, type Fact } from "./types.ts";

/** Facts factsForProducts returns at most (the newest): a product is rarely the subject of more. */
export const FACTS_FOR_PRODUCTS_CAP = 500;
/** Product ids per containment query (each is one GIN probe, OR-ed). */
const PRODUCT_CHUNK = 200;
/** Facts that share a word with the text, newest first, scored in memory by factsMentioning. */
const MENTION_CANDIDATES = 300;

/** The facts of one workspace with the sayer's name, as a query to narrow down. */
export function factsQuery(db: DbOrTrx, workspaceId: number) {
  return db
    .selectFrom("memory_facts as f")
    .leftJoin("members as m", (join) => join.onRef("m.id", "=", "f.said_by_member_id").onRef("m.workspace_id", "=", "f.workspace_id"))
    .select(["f.id", "f.workspace_id", "f.statement", "f.claim", "f.subjects", "f.said_by_member_id", "f.channel", "f.created_at", "m.name as said_by_name"])
    .where("f.workspace_id", "=", workspaceId);
}

type FactRow = Awaited<ReturnType<ReturnType<typeof factsQuery>["executeTakeFirstOrThrow"]>>;

export function toFact(row: FactRow): Fact {
  return {
    id: Number(row.id),
    workspaceId: Number(row.workspace_id),
    statement: row.statement,
    claim: factClaimSchema.parse(row.claim),
    subjects: factSubjectsSchema.parse(row.subjects),
    saidBy: { memberId: row.said_by_member_id === null ? null : Number(row.said_by_member_id), name: row.said_by_name ?? null },
    channel: row.channel,
    createdAt: row.created_at,
  };
}

/** The newest facts, optionally only those about one subject key ("line:classic"). */
export async function listFacts(db: DbOrTrx, workspaceId: number, options: { readonly limit: number; readonly subjectKey?: string }): Promise<Fact[]> {
  if (options.limit <= 0) return [];
  let query = factsQuery(db, workspaceId);
  if (options.subjectKey !== undefined) query = query.where(sql<SqlBool>`f.subjects @> ${JSON.stringify([{ key: options.subjectKey }])}::jsonb`);
  const rows = await query.orderBy("f.created_at", "desc").orderBy("f.id", "desc").limit(options.limit).execute();
  return rows.map(toFact);
}

/** Facts whose subjects cover any of the products, newest first. */
export async function factsForProducts(db: DbOrTrx, workspaceId: number, productIds: readonly number[]): Promise<Fact[]> {
  const ids = [...new Set(productIds)].filter((id) => Number.isSafeInteger(id));
  const found = new Map<number, Fact>();
  for (let start = 0; start < ids.length; start += PRODUCT_CHUNK) {
    const chunk = ids.slice(start, start + PRODUCT_CHUNK);
    const rows = await factsQuery(db, workspaceId)
      .where((eb) => eb.or(chunk.map((id) => sql<SqlBool>`f.subjects @> ${JSON.stringify([{ productIds: [id] }])}::jsonb`)))
      .orderBy("f.created_at", "desc")
      .orderBy("f.id", "desc")
      .limit(FACTS_FOR_PRODUCTS_CAP)
      .execute();
    for (const row of rows) found.set(Number(row.id), toFact(row));
  }
  return [...found.values()].sort(newestFirst).slice(0, FACTS_FOR_PRODUCTS_CAP);
}

function newestFirst(a: Fact, b: Fact): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
}

/** Words of a forget request or a question that say nothing about which fact ("forget what I said about…"). */
const FRAMING = new Set(
  "forget forgot forgotten olvida olvidate olvidar olvides olvidalo esquece esqueca esquecer esquecam delete remove erase borra borrar borralo apaga apagar apague elimina eliminar dije disse fact facts dato datos fato fatos memory memoria note nota"
    .split(" "),
);
/** Words that name a kind of subject rather than one: they count a little, and never alone. */
const GENERIC = new Set(
  "line lines linea lineas linha linhas collection coleccion colecao sku skus product products producto productos produto produtos campaign campaigns campana campanas campanha campanhas item items".split(" "),
);
const GENERIC_WEIGHT = 0.25;
const LABEL_WEIGHT = 2;

interface QueryWord {
  readonly stem: string;
  readonly generic: boolean;
}

function queryWords(text: string): QueryWord[] {
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const word of factWords(text).split(" ")) {
    if (word.length === 0 || isStopWord(word) || FRAMING.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
    const stemmed = stem(word);
    if (seen.has(stemmed)) continue;
    seen.add(stemmed);
    out.push({ stem: stemmed, generic: GENERIC.has(word) });
  }
  return out;
}

function score(fact: Fact, words: readonly QueryWord[]): number {
  const labelStems = new Set(factWords(fact.subjects.map((subject) => subject.label).join(" ")).split(" ").map(stem));
  const statementStems = new Set(factWords(fact.statement).split(" ").map(stem));
  let total = 0;
  let specific = false;
  for (const word of words) {
    const where = labelStems.has(word.stem) ? LABEL_WEIGHT : statementStems.has(word.stem) ? 1 : 0;
    if (where === 0) continue;
    total += word.generic ? where * GENERIC_WEIGHT : where;
    specific ||= !word.generic;
  }
  return specific ? total : 0;
}

/**
 * Facts whose subject labels or statement share words with the text (folded, stemmed), best first:
 * a word in a subject's label counts twice one in the statement, a kind word ("line", "SKU") a
 * quarter, and a fact must share at least one word that is not a kind word. Ties go to the newest.
 */
export async function factsMentioning(db: DbOrTrx, workspaceId: number, text: string, limit: number): Promise<Fact[]> {
  const words = queryWords(text);
  const specific = words.filter((word) => !word.generic);
  if (specific.length === 0 || limit <= 0) return [];
  const labels = sql<string>`coalesce((select string_agg(s->>'label', ' ') from jsonb_array_elements(f.subjects) s), '')`;
  const haystack = sql<string>`' ' || ${sqlFactWords(sql<string>`f.statement || ' ' || ${labels}`)}`;
  const rows = await factsQuery(db, workspaceId)
    .where((eb) => eb.or(specific.map((word) => sql<SqlBool>`strpos(${haystack}, ${` ${word.stem}`}) > 0`)))
    .orderBy("f.created_at", "desc")
    .orderBy("f.id", "desc")
    .limit(MENTION_CANDIDATES)
    .execute();
  return rows
    .map((row) => {
      const fact = toFact(row);
      return { fact, score: score(fact, words) };
    })
    .filter((scored) => scored.score > 0)
    .sort((a, b) => b.score - a.score || newestFirst(a.fact, b.fact))
    .slice(0, limit)
    .map((scored) => scored.fact);
}

/** The member's newest fact (null member: the facts said without one), for "forget that". */
export async function lastFactBy(db: DbOrTrx, workspaceId: number, memberId: number | null): Promise<Fact | null> {
  const row = await factsQuery(db, workspaceId)
    .where((eb) => (memberId === null ? eb("f.said_by_member_id", "is", null) : eb("f.said_by_member_id", "=", memberId)))
    .orderBy("f.created_at", "desc")
    .orderBy("f.id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toFact(row) : null;
}
