/**
 * Shared pieces of the analytics tools: the freshness of the sources a metric reads, and close
 * matches for names the workspace or the catalog does not have (for not_found suggestions).
 */
import type { DbOrTrx } from "../../db/database.ts";
import { findMetric, METRICS } from "../../engines/metrics/definitions/registry.ts";
import { splitMeasure, type FactName } from "../../engines/metrics/facts/measures.ts";
import { freshnessOf, type Freshness } from "../../engines/metrics/query/freshness.ts";

/** The facts a metric reads at order grain (its daily series never splits by a line dimension). */
export function factsOfMetric(name: string): FactName[] {
  const metric = findMetric(name);
  if (!metric) return [];
  return [...new Set(metric.measures({ lineGrain: false }).map((ref) => splitMeasure(ref).fact))];
}

export function metricFreshness(db: DbOrTrx, workspaceId: number, metric: string): Promise<Freshness[]> {
  return freshnessOf(db, workspaceId, factsOfMetric(metric));
}

function normalise(text: string): string {
  return text.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[\s-]+/g, "_");
}

/** Levenshtein distance, for short names only. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidates closest to `wanted`: containing it (or contained), then by edit distance; at most `limit`. */
export function closestNames(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const target = normalise(wanted);
  if (target === "") return candidates.slice(0, limit);
  const scored = candidates.map((candidate) => {
    const key = normalise(candidate);
    const contains = key.includes(target) || target.includes(key);
    const distance = editDistance(target, key) / Math.max(target.length, key.length, 1);
    return { candidate, score: contains ? distance / 4 : distance };
  });
  return scored
    .filter((entry) => entry.score <= 0.6)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** Catalog metric names closest to a name that matched none (its aliases count too). */
export function closestMetricNames(wanted: string, limit = 3): string[] {
  const byAlias = new Map<string, string>();
  for (const metric of METRICS) {
    for (const alias of [metric.name, metric.label, ...metric.aliases]) if (!byAlias.has(alias)) byAlias.set(alias, metric.name);
  }
  const names: string[] = [];
  for (const alias of closestNames(wanted, [...byAlias.keys()], limit * 4)) {
    const name = byAlias.get(alias);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names.slice(0, limit);
}
