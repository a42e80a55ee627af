/**
 * The parts of Shopify's list queries the fake Admin API honours: the search syntax of `query:`
 * (date comparisons on updated_at and created_at, terms joined by spaces or AND) and Relay cursor
 * pagination with `first`/`after`, `sortKey` and `reverse`. A term or argument the fake does not
 * understand is an error rather than silently ignored, so a test never passes on a filter that
 * did not filter.
 */

export interface Sortable {
  readonly id: string;
  readonly updatedAt: string;
  readonly createdAt: string;
  readonly title?: string;
  /** A variant's place among its product's variants. */
  readonly position?: number;
}

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
  readonly reverse?: boolean | null;
  readonly sortKey?: string | null;
  readonly query?: string | null;
}

export interface Connection<T> {
  readonly nodes: T[];
  readonly edges: { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
}

const MAX_PAGE = 250;
const FIELDS = { updated_at: "updatedAt", created_at: "createdAt" } as const;
type Operator = ">=" | ">" | "<=" | "<" | "=";

interface Term {
  readonly field: keyof typeof FIELDS;
  readonly operator: Operator;
  readonly atMs: number;
}

/** Splits on spaces outside quotes. */
function tokens(query: string): string[] {
  return query.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
}

export function parseSearch(query: string): Term[] {
  const terms: Term[] = [];
  for (const token of tokens(query)) {
    if (token === "AND") continue;
    const match = /^(\w+):(>=|<=|>|<)?(.+)$/.exec(token);
    const field = match?.[1];
    if (!match || (field !== "updated_at" && field !== "created_at")) throw new Error(`the fake Shopify does not understand the search term "${token}"`);
    const value = match[3]!.replace(/^(['"])(.*)\1$/, "$2");
    const atMs = Date.parse(value);
    if (!Number.isFinite(atMs)) throw new Error(`"${value}" in the search term "${token}" is not a date`);
    terms.push({ field, operator: (match[2] ?? "=") as Operator, atMs });
  }
  return terms;
}

function matches(item: Sortable, terms: readonly Term[]): boolean {
  return terms.every((term) => {
    const at = Date.parse(item[FIELDS[term.field]]);
    switch (term.operator) {
      case ">=":
        return at >= term.atMs;
      case ">":
        return at > term.atMs;
      case "<=":
        return at <= term.atMs;
      case "<":
        return at < term.atMs;
      case "=":
        return at === term.atMs;
    }
  });
}

const numericId = (gid: string): number => Number(/(\d+)$/.exec(gid)?.[1] ?? "0");

function sortValue(item: Sortable, sortKey: string): string | number {
  switch (sortKey) {
    case "ID":
      return numericId(item.id);
    case "UPDATED_AT":
      return Date.parse(item.updatedAt);
    case "CREATED_AT":
      return Date.parse(item.createdAt);
    case "TITLE":
      return item.title ?? "";
    case "POSITION":
      return item.position ?? numericId(item.id);
    default:
      throw new Error(`the fake Shopify does not sort by ${sortKey}`);
  }
}

type Key = readonly [string | number, number];

function compareKeys(a: Key, b: Key): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

const encodeCursor = (key: Key): string => Buffer.from(JSON.stringify(key)).toString("base64url");

function decodeCursor(cursor: string): Key {
  const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "number") throw new Error(`"${cursor}" is not a cursor of this list`);
  return [parsed[0] as string | number, parsed[1]];
}

/** One page of `items` as Shopify's connection would give it. */
export function connectionOf<S extends Sortable, T>(items: readonly S[], args: ConnectionArgs, toNode: (item: S) => T, defaultSortKey = "ID"): Connection<T> {
  if (args.last != null || args.before != null) throw new Error("the fake Shopify pages forwards only (first/after)");
  const first = args.first;
  if (first == null) throw new Error("you must provide one of first or last");
  if (first < 0 || first > MAX_PAGE) throw new Error(`first must be between 0 and ${MAX_PAGE}`);
  const sortKey = args.sortKey ?? defaultSortKey;
  const terms = args.query ? parseSearch(args.query) : [];
  const direction = args.reverse ? -1 : 1;
  const keyed = items
    .filter((item) => matches(item, terms))
    .map((item) => ({ item, key: [sortValue(item, sortKey), numericId(item.id)] as Key }))
    .sort((a, b) => direction * compareKeys(a.key, b.key));
  const after = args.after ? decodeCursor(args.after) : null;
  const remaining = after ? keyed.filter((entry) => direction * compareKeys(entry.key, after) > 0) : keyed;
  const page = remaining.slice(0, first);
  const edges = page.map((entry) => ({ cursor: encodeCursor(entry.key), node: toNode(entry.item) }));
  return {
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      hasNextPage: remaining.length > page.length,
      hasPreviousPage: after !== null && keyed.length > remaining.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
