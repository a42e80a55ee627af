/**
 * Products and variants of a store, with Zipf-like popularity: a handful of best sellers, a long
 * tail. Popularity ranks are a seeded shuffle, weighted by category demand.
 */
import type { Db } from "../db/database.ts";
import { categoriesOf, shelfPriceCents, type CategorySpec } from "./catalog-data.ts";
import { idOf, insertForIds, type Row } from "./load.ts";
import { ascii } from "./names.ts";
import type { StoreProfile } from "./profiles.ts";
import { WeightedTable, type Rng } from "./random.ts";

export const DEMO_SOURCE = "demo";

/** Annual list-price update: orders older than a year were sold at prices this much lower. */
export const PRICE_INCREASE = 1.06;

export interface CatalogProduct {
  readonly index: number;
  readonly id: number;
  readonly externalId: string;
  readonly title: string;
  readonly category: string;
  /** Indices into Catalog.variants. */
  readonly variants: readonly number[];
  /** Share of line picks (sums to 1 over the catalog). */
  readonly popularity: number;
}

export interface CatalogVariant {
  readonly index: number;
  readonly id: number;
  readonly product: number;
  readonly sku: string;
  readonly title: string;
  readonly priceCents: number;
  /** The price before the last annual update. */
  readonly previousPriceCents: number;
  readonly costCents: number;
}

export interface Catalog {
  readonly products: readonly CatalogProduct[];
  readonly variants: readonly CatalogVariant[];
  /** Variant index by line popularity. */
  readonly picks: WeightedTable<number>;
  /** Product indices, best seller first. */
  readonly ranked: readonly number[];
}

interface Draft {
  product: Row & { external_id: string };
  variants: (Row & { external_id: string; option: string; price: number; previous: number; cost: number; weight: number })[];
  category: string;
  title: string;
}

/** Generates the catalog and writes products and variants. */
export async function seedCatalog(db: Db, workspaceId: number, store: StoreProfile, createdAt: string, rng: Rng): Promise<Catalog> {
  const drafts: Draft[] = [];
  for (const category of categoriesOf(store.market)) {
    for (const title of uniqueTitles(category, rng, store.catalogShare ?? 1)) drafts.push(draftProduct(store, category, title, drafts.length, workspaceId, createdAt, rng));
  }
  // Popularity: a seeded rank order, Zipf weight 1/(rank+1)^0.9, tilted by category demand.
  const order = rng.shuffle(drafts.map((_, i) => i));
  const productWeight = new Array<number>(drafts.length);
  order.forEach((productIndex, rank) => {
    const category = categoriesOf(store.market).find((c) => c.name === drafts[productIndex]!.category)!;
    productWeight[productIndex] = category.demand / (rank + 1) ** 0.9;
  });

  const productIds = await insertForIds(
    db,
    "products",
    { workspace_id: "bigint", source: "text", external_id: "text", title: "text", category: "text", vendor: "text", status: "text", created_at: "timestamptz" },
    drafts.map((d) => d.product),
    ["id", "external_id"],
  );
  const variantRows = drafts.flatMap((d) =>
    d.variants.map((v) => ({ ...v, product_id: idOf(productIds, d.product.external_id) })),
  );
  const variantIds = await insertForIds(
    db,
    "variants",
    {
      workspace_id: "bigint",
      product_id: "bigint",
      source: "text",
      external_id: "text",
      sku: "text",
      title: "text",
      price_cents: "bigint",
      cost_cents: "bigint",
      inventory_qty: "integer",
      created_at: "timestamptz",
    },
    variantRows,
    ["id", "external_id"],
  );

  const totalWeight = productWeight.reduce((acc, w) => acc + w, 0);
  const products: CatalogProduct[] = [];
  const variants: CatalogVariant[] = [];
  const pickWeights: number[] = [];
  drafts.forEach((draft, productIndex) => {
    const indices: number[] = [];
    const variantWeightSum = draft.variants.reduce((acc, v) => acc + v.weight, 0);
    for (const v of draft.variants) {
      indices.push(variants.length);
      pickWeights.push((productWeight[productIndex]! * v.weight) / variantWeightSum);
      variants.push({
        index: variants.length,
        id: idOf(variantIds, v.external_id),
        product: productIndex,
        sku: v.external_id,
        title: v.option,
        priceCents: v.price,
        previousPriceCents: v.previous,
        costCents: v.cost,
      });
    }
    products.push({
      index: productIndex,
      id: idOf(productIds, draft.product.external_id),
      externalId: draft.product.external_id,
      title: draft.title,
      category: draft.category,
      variants: indices,
      popularity: productWeight[productIndex]! / totalWeight,
    });
  });
  const ranked = products.map((p) => p.index).sort((a, b) => products[b]!.popularity - products[a]!.popularity || a - b);
  return { products, variants, picks: new WeightedTable(variants.map((v) => v.index), pickWeights), ranked };
}

/** Distinct "type descriptor [colour]" titles, as many as the category needs (its share of them, at least one). */
function uniqueTitles(category: CategorySpec, rng: Rng, share: number): string[] {
  const titles: string[] = [];
  for (const type of category.types) {
    for (const descriptor of category.descriptors) {
      if (category.finishes) for (const finish of category.finishes) titles.push(`${type} ${descriptor} ${finish}`);
      else titles.push(`${type} ${descriptor}`);
    }
  }
  if (titles.length < category.count) throw new Error(`catalog: ${category.name} has only ${titles.length} distinct titles`);
  return rng.shuffle(titles).slice(0, Math.max(1, Math.round(category.count * share)));
}

function draftProduct(store: StoreProfile, category: CategorySpec, title: string, serial: number, workspaceId: number, createdAt: string, rng: Rng): Draft {
  const externalId = `${store.code}-P${String(serial + 1).padStart(4, "0")}`;
  const axis = category.axis;
  const count = Math.min(axis.max, axis.options.length, pickVariantCount(rng));
  const first = rng.int(0, axis.options.length - count);
  const [low, high] = category.price;
  const baseMajor = Math.exp(rng.between(Math.log(low), Math.log(high)));
  const costShare = rng.between(0.35, 0.6);
  const variants: Draft["variants"] = [];
  for (let i = first; i < first + count; i++) {
    const option = axis.options[i]!;
    const major = baseMajor * (axis.priceSteps?.[i] ?? 1);
    const price = shelfPriceCents(store.market, major);
    const sku = `${store.code}-${category.code}-${String(serial + 1).padStart(4, "0")}-${ascii(option).toUpperCase()}`;
    variants.push({
      workspace_id: workspaceId,
      source: DEMO_SOURCE,
      external_id: sku,
      sku,
      title: option,
      price_cents: price,
      cost_cents: Math.round(price * costShare),
      // Set from the stock simulation once sales are known.
      inventory_qty: 0,
      created_at: createdAt,
      option,
      price,
      previous: shelfPriceCents(store.market, major / PRICE_INCREASE),
      cost: Math.round(price * costShare),
      // Middle sizes sell most; the extremes least.
      weight: 1 + 0.7 * Math.min(i - first, first + count - 1 - i),
    });
  }
  return {
    product: {
      workspace_id: workspaceId,
      source: DEMO_SOURCE,
      external_id: externalId,
      title,
      category: category.name,
      vendor: rng.pick(category.vendors),
      status: "active",
      created_at: createdAt,
    },
    variants,
    category: category.name,
    title,
  };
}

function pickVariantCount(rng: Rng): number {
  const u = rng.float();
  return u < 0.15 ? 1 : u < 0.35 ? 2 : u < 0.6 ? 3 : u < 0.85 ? 4 : 5;
}
