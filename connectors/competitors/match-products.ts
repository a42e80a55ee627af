/**
 * Which of the workspace's products (and variant) an observation is about. In order: the SKU
 * (variants.sku, case-insensitive); the product's id in the store (products.external_id, or a
 * variant's); the exact title, compared with case, accents and punctuation folded ("product" or
 * "product variant"); a close title that only one product is close to. Anything else is unknown or
 * ambiguous, with the closest titles, and is not written. A product with one variant is always
 * matched to that variant, so the same product never forms two price series.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import type { ProductRef } from "./observation.ts";

export interface CatalogVariant {
  readonly variantId: number;
  readonly sku: string | null;
  readonly externalId: string;
  readonly title: string;
}

export interface CatalogProduct {
  readonly productId: number;
  readonly externalId: string;
  readonly title: string;
  readonly variants: readonly CatalogVariant[];
}

/** The workspace's active products with their variants. */
export async function readCatalog(db: DbOrTrx, workspaceId: number): Promise<CatalogProduct[]> {
  const rows = await sql<{ product_id: number; product_external_id: string; product_title: string; variant_id: number | null; sku: string | null; variant_external_id: string | null; variant_title: string | null }>`
    select p.id as product_id, p.external_id as product_external_id, p.title as product_title,
           v.id as variant_id, v.sku, v.external_id as variant_external_id, v.title as variant_title
    from products p left join variants v on v.product_id = p.id and v.workspace_id = ${workspaceId}
    where p.workspace_id = ${workspaceId} and p.status = 'active'
    order by p.id, v.id`.execute(db);
  const products = new Map<number, { productId: number; externalId: string; title: string; variants: CatalogVariant[] }>();
  for (const row of rows.rows) {
    const id = Number(row.product_id);
    let product = products.get(id);
    if (!product) products.set(id, (product = { productId: id, externalId: row.product_external_id, title: row.product_title, variants: [] }));
    if (row.variant_id !== null) product.variants.push({ variantId: Number(row.variant_id), sku: row.sku, externalId: row.variant_external_id ?? "", title: row.variant_title ?? "" });
  }
  return [...products.values()];
}

/** The ways an observation finds its product, in the order they are tried. */
export const MATCH_METHODS = ["sku", "external_id", "title", "close_title"] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

export interface ProductMatch {
  readonly productId: number;
  readonly variantId: number | null;
  readonly method: MatchMethod;
  /** Our product's title (with the variant's when one was picked by title), for reports. */
  readonly title: string;
}

export type MatchOutcome =
  | { readonly kind: "matched"; readonly match: ProductMatch }
  /** Several products answer to the reference: `candidates` names them. */
  | { readonly kind: "ambiguous"; readonly by: MatchMethod; readonly candidates: readonly string[] }
  /** Nothing answers to it: `candidates` are the closest titles (or SKUs). */
  | { readonly kind: "unknown"; readonly candidates: readonly string[] };

/** "Sudadera  Básica – Azul!" → "sudadera basica azul". */
export function foldTitle(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function pairs(folded: string): Map<string, number> {
  const out = new Map<string, number>();
  const text = ` ${folded} `;
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of character pairs, 0..1. */
function dice(left: Map<string, number>, right: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [pair, count] of left) {
    shared += Math.min(count, right.get(pair) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** A close title must be this similar, and the runner-up clearly less so. */
export const CLOSE_TITLE_SIMILARITY = 0.8;
const CLOSE_TITLE_MARGIN = 0.1;
const CANDIDATES = 3;
/** Suggestions below this similarity would be noise. */
const SUGGESTION_SIMILARITY = 0.4;

interface Target {
  readonly product: CatalogProduct;
  readonly variant: CatalogVariant | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function distinctProducts(targets: readonly Target[]): CatalogProduct[] {
  return [...new Map(targets.map((t) => [t.product.productId, t.product])).values()];
}

export class ProductMatcher {
  private readonly bySku = new Map<string, Target[]>();
  private readonly byExternalId = new Map<string, Target[]>();
  private readonly byTitle = new Map<string, Target[]>();
  private readonly titlePairs: { readonly product: CatalogProduct; readonly pairs: Map<string, number> }[] = [];
  private readonly cache = new Map<string, MatchOutcome>();

  constructor(readonly catalog: readonly CatalogProduct[]) {
    for (const product of catalog) {
      push(this.byExternalId, product.externalId.trim().toLowerCase(), { product, variant: null });
      push(this.byTitle, foldTitle(product.title), { product, variant: null });
      this.titlePairs.push({ product, pairs: pairs(foldTitle(product.title)) });
      for (const variant of product.variants) {
        if (variant.sku !== null && variant.sku.trim().length > 0) push(this.bySku, variant.sku.trim().toLowerCase(), { product, variant });
        if (variant.externalId.length > 0) push(this.byExternalId, variant.externalId.trim().toLowerCase(), { product, variant });
        if (product.variants.length > 1 && variant.title.trim().length > 0) push(this.byTitle, foldTitle(`${product.title} ${variant.title}`), { product, variant });
      }
    }
  }

  match(ref: ProductRef): MatchOutcome {
    const key = JSON.stringify([ref.sku ?? null, ref.externalId ?? null, ref.title ?? null]);
    let outcome = this.cache.get(key);
    if (!outcome) {
      outcome = this.resolve(ref);
      this.cache.set(key, outcome);
    }
    return outcome;
  }

  /**
   * The first way that names exactly one product decides. A way that names several does not, but
   * a later way may only pick one of those (a shared SKU and a title that settles it); if nothing
   * does, the first ambiguity is the answer.
   */
  private resolve(ref: ProductRef): MatchOutcome {
    const ways: [MatchMethod, () => readonly Target[]][] = [];
    if (ref.sku !== undefined) {
      const sku = ref.sku.trim().toLowerCase();
      ways.push(["sku", () => this.bySku.get(sku) ?? []]);
    }
    for (const id of new Set([ref.externalId, ref.sku])) {
      if (id !== undefined) ways.push(["external_id", () => this.byExternalId.get(id.trim().toLowerCase()) ?? []]);
    }
    const title = ref.title === undefined ? undefined : foldTitle(ref.title);
    if (title !== undefined) ways.push(["title", () => this.byTitle.get(title) ?? []]);

    let ambiguity: { readonly outcome: MatchOutcome; readonly productIds: ReadonlySet<number> } | undefined;
    const settle = (outcome: MatchOutcome): MatchOutcome | undefined => {
      if (outcome.kind !== "matched") return undefined;
      return ambiguity && !ambiguity.productIds.has(outcome.match.productId) ? ambiguity.outcome : outcome;
    };
    for (const [method, targetsOf] of ways) {
      const targets = targetsOf();
      const products = distinctProducts(targets);
      const [only] = products;
      if (!only) continue;
      if (products.length > 1) {
        ambiguity ??= { outcome: { kind: "ambiguous", by: method, candidates: products.slice(0, 5).map(label) }, productIds: new Set(products.map((p) => p.productId)) };
        continue;
      }
      const settled = settle(this.matched(only, targets, method));
      if (settled) return settled;
    }
    if (title !== undefined) {
      const close = this.closeTitle(title);
      return settle(close) ?? ambiguity?.outcome ?? close;
    }
    return ambiguity?.outcome ?? { kind: "unknown", candidates: this.closestCodes(ref.sku ?? ref.externalId ?? "") };
  }

  /** The product the targets all belong to; one variant named: that variant; else its only variant, if it has one. */
  private matched(product: CatalogProduct, targets: readonly Target[], method: MatchMethod): MatchOutcome {
    const named = new Set(targets.map((t) => t.variant));
    const [picked] = named;
    const variant = named.size === 1 && picked ? picked : product.variants.length === 1 ? (product.variants[0] ?? null) : null;
    const title = variant && product.variants.length > 1 ? `${product.title} (${variant.title})` : product.title;
    return { kind: "matched", match: { productId: product.productId, variantId: variant?.variantId ?? null, method, title } };
  }

  private closeTitle(folded: string): MatchOutcome {
    const wanted = pairs(folded);
    const scored = this.titlePairs.map((entry) => ({ product: entry.product, score: dice(wanted, entry.pairs) }));
    scored.sort((a, b) => b.score - a.score || a.product.title.localeCompare(b.product.title));
    const [best, second] = scored;
    const candidates = scored
      .filter((s) => s.score >= SUGGESTION_SIMILARITY)
      .slice(0, CANDIDATES)
      .map((s) => label(s.product));
    if (!best || best.score < CLOSE_TITLE_SIMILARITY) return { kind: "unknown", candidates };
    if (second && second.score > best.score - CLOSE_TITLE_MARGIN) {
      return { kind: "ambiguous", by: "close_title", candidates: scored.filter((s) => s.score > best.score - CLOSE_TITLE_MARGIN).slice(0, 5).map((s) => label(s.product)) };
    }
    const variant = best.product.variants.length === 1 ? (best.product.variants[0] ?? null) : null;
    return { kind: "matched", match: { productId: best.product.productId, variantId: variant?.variantId ?? null, method: "close_title", title: best.product.title } };
  }

  /** For a SKU or id that nothing has: the closest SKUs, with their product. */
  private closestCodes(code: string): string[] {
    const wanted = pairs(code.trim().toLowerCase());
    const scored: { text: string; score: number }[] = [];
    for (const product of this.catalog) {
      for (const variant of product.variants) {
        if (variant.sku !== null) scored.push({ text: `${variant.sku} (${product.title})`, score: dice(wanted, pairs(variant.sku.toLowerCase())) });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
    return scored
      .filter((s) => s.score >= SUGGESTION_SIMILARITY)
      .slice(0, CANDIDATES)
      .map((s) => s.text);
  }
}

function label(product: CatalogProduct): string {
  const skus = product.variants.map((v) => v.sku).filter((sku): sku is string => sku !== null && sku.length > 0);
  return skus.length === 1 ? `${product.title} (SKU ${skus[0]})` : product.title;
}
