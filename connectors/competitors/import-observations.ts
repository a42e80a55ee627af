/**
 * The path every competitor-price source takes: read all entries, match each observation to a
 * product of the workspace, set aside what cannot be written (invalid entries, unknown or ambiguous
 * products, two entries that disagree about the same observation), write the rest in one
 * transaction, and account for every entry: read = written + duplicates + unmatched + invalid.
 */
import type { Db } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import type { CsvSourceFacts } from "./csv-source.ts";
import type { FeedSourceFacts } from "./json-feed.ts";
import { foldTitle, ProductMatcher, readCatalog, type MatchMethod } from "./match-products.ts";
import { comparePositions, describePosition, describeProductRef, type CompetitorSource, type EntryProblem, type SourceEntry, type SourcePosition } from "./observation.ts";
import { countExistingObservations, observationKey, readCompetitorNames, writeObservations, type MatchedObservation } from "./write-observations.ts";

export interface CompetitorImportCounts {
  /** Entries in the source (rows of a file, items of a feed). */
  readonly read: number;
  /** New observations stored (in a dry run: that would be stored). */
  readonly written: number;
  /** Observations the workspace already had, or that the source repeats. */
  readonly duplicates: number;
  /** Observations of no product, or of several: not written. */
  readonly unmatched: number;
  /** Entries that could not be read: not written. */
  readonly invalid: number;
}

export interface UnmatchedEntry {
  readonly position: SourcePosition;
  /** How the entry named the product: 'SKU "X-1", "Sudadera"'. */
  readonly value: string;
  readonly reason: "unknown" | "ambiguous";
  /** Ambiguous: the products it could be. Unknown: the closest titles (or SKUs). */
  readonly candidates: readonly string[];
}

/** A title that was not exactly ours but close enough to one product: worth a look. */
export interface CloseMatch {
  readonly position: SourcePosition;
  readonly value: string;
  readonly matchedTitle: string;
}

export type CompetitorSourceFacts = CsvSourceFacts | FeedSourceFacts;

export interface CompetitorImportSummary {
  readonly status: "imported" | "dry_run";
  readonly workspace: string;
  readonly currency: string;
  readonly source: CompetitorSourceFacts;
  readonly counts: CompetitorImportCounts;
  /** How the written and duplicate observations found their product. */
  readonly matchedBy: Readonly<Record<MatchMethod, number>>;
  /** Competitors of the matched observations, sorted. */
  readonly competitors: readonly string[];
  readonly firstObservedAt: Date | null;
  readonly lastObservedAt: Date | null;
  /** In source order. */
  readonly unmatched: readonly UnmatchedEntry[];
  readonly invalid: readonly EntryProblem[];
  /** One per distinct title matched by closeness. */
  readonly closeMatches: readonly CloseMatch[];
}

/**
 * One spelling per competitor: "amazon" and "AMAZON" are the "Amazon" the workspace already tracks
 * (or the first spelling of this import), so one competitor never forms two price series.
 */
export class CompetitorSpelling {
  private readonly names = new Map<string, string>();

  constructor(known: readonly string[]) {
    for (const name of known) if (!this.names.has(foldTitle(name))) this.names.set(foldTitle(name), name);
  }

  canonical(name: string): string {
    const key = foldTitle(name);
    if (key.length === 0) return name;
    const known = this.names.get(key);
    if (known !== undefined) return known;
    this.names.set(key, name);
    return name;
  }
}

export async function importObservations<F extends CompetitorSourceFacts>(
  db: Db,
  workspace: Workspace,
  source: CompetitorSource<F>,
  dryRun: boolean,
): Promise<CompetitorImportSummary> {
  const entries: SourceEntry[] = [];
  const facts = await source.read((entry) => entries.push(entry));
  const matcher = new ProductMatcher(await readCatalog(db, workspace.id));
  const spelling = new CompetitorSpelling(await readCompetitorNames(db, workspace.id));

  const invalid: EntryProblem[] = [];
  const unmatched: UnmatchedEntry[] = [];
  const closeMatches = new Map<string, CloseMatch>();
  const matchedBy: Record<MatchMethod, number> = { sku: 0, external_id: 0, title: 0, close_title: 0 };
  const unique = new Map<string, MatchedObservation>();
  let repeated = 0;
  for (const entry of entries) {
    if (entry.kind === "invalid") {
      invalid.push(entry.problem);
      continue;
    }
    const competitor = spelling.canonical(entry.observation.competitor);
    const observation = competitor === entry.observation.competitor ? entry.observation : { ...entry.observation, competitor };
    const outcome = matcher.match(observation.productRef);
    const value = describeProductRef(observation.productRef);
    if (outcome.kind !== "matched") {
      unmatched.push({ position: observation.position, value, reason: outcome.kind, candidates: outcome.candidates });
      continue;
    }
    const { match } = outcome;
    const row: MatchedObservation = { observation, productId: match.productId, variantId: match.variantId };
    const key = observationKey(row);
    const earlier = unique.get(key);
    if (earlier) {
      const same = earlier.observation.priceCents === observation.priceCents && earlier.observation.inStock === observation.inStock;
      if (!same) {
        invalid.push({
          position: observation.position,
          field: null,
          value: null,
          reason: `${describePosition(earlier.observation.position)} gives another price or stock for ${observation.competitor} on "${match.title}" at the same time; keep one of the two`,
        });
        continue;
      }
      repeated++;
    } else {
      unique.set(key, row);
    }
    matchedBy[match.method]++;
    if (match.method === "close_title" && !closeMatches.has(value)) closeMatches.set(value, { position: observation.position, value, matchedTitle: match.title });
  }

  const rows = [...unique.values()];
  const written = dryRun ? rows.length - (await countExistingObservations(db, workspace.id, rows)) : await writeObservations(db, workspace.id, rows);
  let first: Date | null = null;
  let last: Date | null = null;
  for (const { observation } of rows) {
    if (first === null || observation.observedAt < first) first = observation.observedAt;
    if (last === null || observation.observedAt > last) last = observation.observedAt;
  }
  return {
    status: dryRun ? "dry_run" : "imported",
    workspace: workspace.slug,
    currency: workspace.currency,
    source: facts,
    counts: { read: entries.length, written, duplicates: rows.length - written + repeated, unmatched: unmatched.length, invalid: invalid.length },
    matchedBy,
    competitors: [...new Set(rows.map((row) => row.observation.competitor))].sort((a, b) => a.localeCompare(b)),
    firstObservedAt: first,
    lastObservedAt: last,
    unmatched,
    invalid: invalid.sort((a, b) => comparePositions(a.position, b.position)),
    closeMatches: [...closeMatches.values()],
  };
}
