/**
 * The competitor-price connector interface. A source (a CSV upload, a JSON feed, later a
 * marketplace) reads its entries in order and hands each one over either as a parsed observation or
 * as the reason it could not be read, with where it was (line, or page and item): nothing is
 * dropped silently. Matching to the catalog and writing happen after, the same for every source.
 */

/** How a source names the product it priced; at least one is set. */
export interface ProductRef {
  readonly sku?: string;
  /** The product's id in the store (products.external_id) or a variant's. */
  readonly externalId?: string;
  readonly title?: string;
}

/** Where an entry is in its source, for messages a person can act on. */
export type SourcePosition =
  /** A CSV row: the physical line where it starts (the header is line 1). */
  | { readonly kind: "line"; readonly line: number }
  /** A feed item: its page (1-based) and its index in the page (0-based, as in the JSON array). */
  | { readonly kind: "item"; readonly page: number; readonly index: number };

export interface CompetitorObservation {
  readonly productRef: ProductRef;
  /** As the source names it, trimmed with inner whitespace collapsed. */
  readonly competitor: string;
  /** In the minor units of `currency`; always positive. */
  readonly priceCents: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
  readonly inStock: boolean;
  readonly observedAt: Date;
  readonly url: string | null;
  readonly position: SourcePosition;
}

/** An entry that could not be read, with the field and value at fault when there is one. */
export interface EntryProblem {
  readonly position: SourcePosition;
  /** The column header (CSV) or key (feed) at fault. */
  readonly field: string | null;
  readonly value: string | null;
  readonly reason: string;
}

export type SourceEntry =
  | { readonly kind: "observation"; readonly observation: CompetitorObservation }
  | { readonly kind: "invalid"; readonly problem: EntryProblem };

/**
 * A place competitor prices come from. `read` passes every entry to onEntry in source order and
 * resolves with what it learnt about the source (encoding and columns of a file, pages of a feed).
 * Problems with the whole source (a missing file, a feed that answers 401) reject instead.
 */
export interface CompetitorSource<Facts> {
  /** How messages name the source: the file as given, the feed URL. */
  readonly label: string;
  read(onEntry: (entry: SourceEntry) => void): Promise<Facts>;
}

/** "line 12", "page 2, item 5" (items counted from 1 for people). */
export function describePosition(position: SourcePosition): string {
  switch (position.kind) {
    case "line":
      return `line ${position.line}`;
    case "item":
      return `page ${position.page}, item ${position.index + 1}`;
  }
}

/** Orders positions as the source had them. */
export function comparePositions(a: SourcePosition, b: SourcePosition): number {
  const rank = (p: SourcePosition) => (p.kind === "line" ? [p.line, 0] : [p.page, p.index]);
  const [a1, a2] = rank(a);
  const [b1, b2] = rank(b);
  return (a1 ?? 0) - (b1 ?? 0) || (a2 ?? 0) - (b2 ?? 0);
}

/** What a person would recognise the product by in a message: the SKU, else the id, else the title. */
export function describeProductRef(ref: ProductRef): string {
  const parts: string[] = [];
  if (ref.sku !== undefined) parts.push(`SKU "${ref.sku}"`);
  if (ref.externalId !== undefined) parts.push(`id "${ref.externalId}"`);
  if (ref.title !== undefined) parts.push(`"${ref.title}"`);
  return parts.join(", ");
}
