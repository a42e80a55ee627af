/**
 * Products, SKUs, categories and competitors as people name them, resolved against the workspace's
 * catalog for the commerce-ops tools; failures come back as the tool's typed error.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { hasActiveProducts, readCatalogNames, type CatalogProductName } from "../../engines/inventory/catalog-names.ts";
import { readCategories } from "../../engines/inventory/inventory-sql.ts";
import type { ToolName } from "../tool-names.ts";
import { toolError, type ToolOutcome } from "../tool-outcome.ts";
import { resolveName, type Candidate, type Resolution } from "../loose-match.ts";

export interface CatalogSelection {
  /** Whole products asked for (by title, id or product external id), or null for all. */
  readonly productIds: readonly number[] | null;
  /** Single SKUs asked for, or null for all (with productIds: either). */
  readonly variantIds: readonly number[] | null;
  /** Every product asked for, whole or by one of its SKUs, or null for all. */
  readonly touchedProductIds: readonly number[] | null;
  readonly category: string | null;
}

interface Pick {
  readonly productId: number;
  readonly variantId: number | null;
}

function candidatesOf(catalog: readonly CatalogProductName[]): Candidate<Pick>[] {
  const out: Candidate<Pick>[] = [];
  for (const product of catalog) {
    out.push({ names: [product.title, product.externalId, String(product.productId)], label: product.title, value: { productId: product.productId, variantId: null } });
    for (const variant of product.variants) {
      const names = [variant.externalId, ...(variant.sku ? [variant.sku] : [])];
      out.push({ names, label: `${variant.sku ?? variant.externalId} (${product.title})`, value: { productId: product.productId, variantId: variant.variantId } });
    }
  }
  return out;
}

function failure(tool: ToolName, what: string, resolution: Exclude<Resolution<unknown>, { kind: "found" }>): ToolOutcome<never> {
  switch (resolution.kind) {
    case "not_found":
      return toolError(tool, "not_found", `No ${what} matches "${resolution.query}".`, resolution.suggestions);
    case "ambiguous":
      return toolError(tool, "ambiguous", `Several ${what}s match "${resolution.query}": which one?`, resolution.suggestions);
  }
}

/** Resolves a category name to the stored one. */
export function resolveCategory(tool: ToolName, query: string, categories: readonly string[]): { ok: true; category: string } | { ok: false; outcome: ToolOutcome<never> } {
  const resolution = resolveName(query, categories.map((category) => ({ names: [category], label: category, value: category })), (value) => value);
  if (resolution.kind !== "found") return { ok: false, outcome: failure(tool, "category", resolution) };
  return { ok: true, category: resolution.values[0]! };
}

/** Resolves the tool's products and category arguments. */
export async function resolveCatalog(
  db: DbOrTrx,
  workspaceId: number,
  tool: ToolName,
  args: { readonly products: readonly string[]; readonly category: string | null },
): Promise<{ ok: true; selection: CatalogSelection } | { ok: false; outcome: ToolOutcome<never> }> {
  // Only a request that names products needs the whole catalog; the rest read much less.
  if (args.products.length === 0) {
    if (!(await hasActiveProducts(db, workspaceId))) return { ok: false, outcome: toolError(tool, "no_data", "This workspace has no products yet.") };
    let category: string | null = null;
    if (args.category !== null) {
      const resolved = resolveCategory(tool, args.category, await readCategories(db, workspaceId));
      if (!resolved.ok) return resolved;
      category = resolved.category;
    }
    return { ok: true, selection: { productIds: null, variantIds: null, touchedProductIds: null, category } };
  }
  const catalog = await readCatalogNames(db, workspaceId);
  if (catalog.length === 0) return { ok: false, outcome: toolError(tool, "no_data", "This workspace has no products yet.") };
  let category: string | null = null;
  if (args.category !== null) {
    const categories = [...new Set(catalog.flatMap((product) => (product.category === null ? [] : [product.category])))].sort();
    const resolved = resolveCategory(tool, args.category, categories);
    if (!resolved.ok) return resolved;
    category = resolved.category;
  }
  const candidates = candidatesOf(category === null ? catalog : catalog.filter((product) => product.category === category));
  const productIds = new Set<number>();
  const variantIds = new Set<number>();
  const touched = new Set<number>();
  for (const query of args.products) {
    const resolution = resolveName(query, candidates, (pick) => String(pick.productId));
    if (resolution.kind !== "found") return { ok: false, outcome: failure(tool, "product", resolution) };
    // A SKU picks that variant alone; a title (or several SKUs of one product found by a partial name) the whole product.
    const single = resolution.values.length === 1 ? resolution.values[0]! : null;
    if (single !== null && single.variantId !== null) variantIds.add(single.variantId);
    else for (const pick of resolution.values) productIds.add(pick.productId);
    for (const pick of resolution.values) touched.add(pick.productId);
  }
  return {
    ok: true,
    selection: {
      productIds: productIds.size > 0 ? [...productIds] : null,
      variantIds: variantIds.size > 0 ? [...variantIds] : null,
      touchedProductIds: [...touched],
      category,
    },
  };
}
