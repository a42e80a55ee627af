import { describe, expect, it } from "vitest";
import { foldTitle, ProductMatcher, type CatalogProduct } from "./match-products.ts";
import { TIENDA_PRODUCTS } from "./test-support.ts";

// The Mexican test store's active catalog with predictable ids: product 10·n, variants 10·n + k.
const catalog: CatalogProduct[] = TIENDA_PRODUCTS.filter((p) => p.status !== "archived").map((p, n) => ({
  productId: 10 * (n + 1),
  externalId: p.externalId,
  title: p.title,
  variants: p.variants.map(([sku, title], k) => ({ variantId: 10 * (n + 1) + k + 1, sku, externalId: `${p.externalId}-${sku}`, title })),
}));
const matcher = new ProductMatcher(catalog);

describe("matching competitor observations to our products", () => {
  it("folds titles: case, accents, punctuation and spacing", () => {
    expect(foldTitle("  Sudadera  Básica – M/Azul! ")).toBe("sudadera basica m azul");
  });

  it("finds the variant by SKU in any case, and the product by its id (also when given as the SKU)", () => {
    expect(matcher.match({ sku: "sud-bas-l" })).toEqual({ kind: "matched", match: { productId: 10, variantId: 12, method: "sku", title: "Sudadera Básica (L)" } });
    // A SKU wins over a title that names another product.
    expect(matcher.match({ sku: "GOR-BOR", title: "Camiseta Clásica" })).toMatchObject({ match: { productId: 30, method: "sku" } });
    // A product id: the product; with one variant, that variant (one price series per product).
    expect(matcher.match({ externalId: "p-200" })).toEqual({ kind: "matched", match: { productId: 20, variantId: 21, method: "external_id", title: "Camiseta Clásica" } });
    expect(matcher.match({ externalId: "P-100" })).toEqual({ kind: "matched", match: { productId: 10, variantId: null, method: "external_id", title: "Sudadera Básica" } });
    expect(matcher.match({ sku: "P-300" })).toMatchObject({ match: { productId: 30, variantId: 31, method: "external_id" } });
    // A variant's own id in the store.
    expect(matcher.match({ externalId: "P-100-SUD-BAS-M" })).toMatchObject({ match: { productId: 10, variantId: 11, method: "external_id" } });
  });

  it("falls back to the title: exact after folding, 'product variant', then a close title only one product is close to", () => {
    expect(matcher.match({ sku: "NOPE-1", title: "CAMISETA CLASICA" })).toEqual({ kind: "matched", match: { productId: 20, variantId: 21, method: "title", title: "Camiseta Clásica" } });
    expect(matcher.match({ title: "Sudadera Basica - M" })).toMatchObject({ match: { productId: 10, variantId: 11, method: "title", title: "Sudadera Básica (M)" } });
    expect(matcher.match({ title: "sudadera básica" })).toMatchObject({ match: { productId: 10, variantId: null, method: "title" } });
    expect(matcher.match({ title: "Gora Bordada" })).toEqual({ kind: "matched", match: { productId: 30, variantId: 31, method: "close_title", title: "Gorra Bordada" } });
    expect(matcher.match({ title: "Jeans Slim Negr" })).toMatchObject({ match: { productId: 50, method: "close_title" } });
  });

  it("reports ambiguous references with the products they could be, and unknown ones with the closest names", () => {
    expect(matcher.match({ title: "Taza Magica" })).toEqual({ kind: "ambiguous", by: "title", candidates: ["Taza Mágica (SKU TAZ-MAG-1)", "Taza Mágica (SKU TAZ-MAG-2)"] });
    expect(matcher.match({ title: "Jeans Slim" })).toEqual({ kind: "ambiguous", by: "close_title", candidates: ["Jeans Slim Azul (SKU JEA-SLI-AZ)", "Jeans Slim Negro (SKU JEA-SLI-NE)"] });
    const rosa = matcher.match({ title: "Sudadera Rosa" });
    expect(rosa.kind === "unknown" ? rosa.candidates[0] : rosa.kind).toBe("Sudadera Básica");
    expect(matcher.match({ title: "Unicornio Volador" })).toEqual({ kind: "unknown", candidates: [] });
    expect(matcher.match({ sku: "SUD-BAS-X" })).toEqual({ kind: "unknown", candidates: ["SUD-BAS-L (Sudadera Básica)", "SUD-BAS-M (Sudadera Básica)"] });
  });

  it("calls a SKU two products share ambiguous", () => {
    const shared = new ProductMatcher([
      { productId: 1, externalId: "A", title: "Vela de Soya", variants: [{ variantId: 11, sku: "VELA", externalId: "A1", title: "Única" }] },
      { productId: 2, externalId: "B", title: "Vela Aromática", variants: [{ variantId: 21, sku: "vela", externalId: "B1", title: "Única" }] },
    ]);
    expect(shared.match({ sku: "Vela" })).toEqual({ kind: "ambiguous", by: "sku", candidates: ["Vela de Soya (SKU VELA)", "Vela Aromática (SKU vela)"] });
    // A title settles what the SKU could not, if it names one of those products.
    expect(shared.match({ sku: "Vela", title: "Vela de soya" })).toEqual({ kind: "matched", match: { productId: 1, variantId: 11, method: "title", title: "Vela de Soya" } });
    expect(shared.match({ sku: "Vela", title: "Vela Aromatica" })).toMatchObject({ match: { productId: 2, method: "title" } });
    expect(shared.match({ sku: "Vela", title: "Vela Aromátca" })).toMatchObject({ match: { productId: 2, method: "close_title" } });
    const other = new ProductMatcher([...shared.catalog, { productId: 3, externalId: "C", title: "Jabón", variants: [] }]);
    expect(other.match({ sku: "Vela", title: "Jabón" })).toMatchObject({ kind: "ambiguous", by: "sku" });
  });
});
