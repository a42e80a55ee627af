/**
 * The data-freshness line under every answer, in the workspace time zone: "Data as of Nov 21, 2026
 * 2:05 PM (orders); ads through Nov 20" / "Datos al 21 nov 2026, 14:05 (pedidos); anuncios hasta el 20 nov".
 * Sources come from the union of the turn's outcomes; when two outcomes disagree on a source the
 * older point wins (the line never claims more than every number in the answer covers).
 */
import { FRESHNESS_SOURCES, type Freshness } from "../../engines/metrics/query/freshness.ts";
import type { Language } from "../shared/language.ts";
import { formatDate, formatDateTime } from "./format/dates.ts";
import { sourceLabel } from "./format/labels.ts";
import type { AnswerContext, ToolCallRecord } from "./types.ts";

/** One entry per source, in FRESHNESS_SOURCES order, from every successful outcome. */
export function freshnessOfCalls(calls: readonly ToolCallRecord[]): Freshness[] {
  const bySource = new Map<string, Freshness>();
  for (const call of calls) {
    if (!call.outcome.ok) continue;
    for (const entry of call.outcome.freshness) {
      const seen = bySource.get(entry.source);
      if (!seen || (entry.latestData !== null && seen.latestData !== null && entry.latestData < seen.latestData) || entry.latestData === null) bySource.set(entry.source, entry);
    }
  }
  return FRESHNESS_SOURCES.flatMap((source) => bySource.get(source) ?? []);
}

const isInstant = (value: string) => value.length > 10;

function describe(entry: Freshness, first: boolean, context: AnswerContext): string {
  const language: Language = context.language;
  const source = sourceLabel(entry.source, language);
  if (entry.latestData === null) return { en: `no ${source} data`, es: `sin datos de ${source}`, pt: `sem dados de ${source}` }[language];
  const instant = isInstant(entry.latestData);
  const when = instant ? formatDateTime(entry.latestData, context.timeZone, language) : formatDate(entry.latestData, language, first);
  if (first) {
    if (instant) return { en: `Data as of ${when} (${source})`, es: `Datos al ${when} (${source})`, pt: `Dados até ${when} (${source})` }[language];
    return { en: `Data through ${when} (${source})`, es: `Datos hasta el ${when} (${source})`, pt: `Dados até ${when} (${source})` }[language];
  }
  if (instant) return { en: `${source} as of ${when}`, es: `${source} al ${when}`, pt: `${source} até ${when}` }[language];
  return { en: `${source} through ${when}`, es: `${source} hasta el ${when}`, pt: `${source} até ${when}` }[language];
}

/** The line for these freshness entries, or null when there are none. */
export function freshnessLine(entries: readonly Freshness[], context: AnswerContext): string | null {
  if (entries.length === 0) return null;
  const known = [...entries].sort((a, b) => Number(a.latestData === null) - Number(b.latestData === null));
  const parts = known.map((entry, index) => describe(entry, index === 0, context));
  const line = parts.join("; ");
  return known[0]!.latestData === null ? { en: "Data: ", es: "Datos: ", pt: "Dados: " }[context.language] + line : line;
}
