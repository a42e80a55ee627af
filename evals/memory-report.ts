/**
 * The memory suite's report for people (figures per language and cross-language, leaks, misses)
 * and for machines (--json), naming the database it ran on when the caller says it.
 */
import type { Dialect } from "../db/connection.ts";
import { MEMORY_GROUPS, type GroupFigures, type MemoryReport } from "./memory-suite.ts";

const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
const short = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function row(label: string, figures: GroupFigures): string {
  return `${label.padEnd(9)}${String(figures.cases).padStart(5)}   ${pct(figures.recallAt1)}    ${pct(figures.recallAt5)}   ${figures.mrr.toFixed(3)}`;
}

export function formatMemoryReport(report: MemoryReport, dialect?: Dialect): string {
  const lines = [
    `Memory recall (${report.embedder}${dialect === undefined ? "" : ` on ${dialect}`}): ${report.overall.cases} recall cases, recall@5 ${pct(report.overall.recallAt5).trim()}, MRR ${report.overall.mrr.toFixed(3)}; ${report.privacyCases} privacy cases, leaks: ${report.leaks}`,
    "",
    `${"".padEnd(9)}cases   recall@1  recall@5   MRR`,
    row("overall", report.overall),
    ...MEMORY_GROUPS.map((group) => row(group, report.byGroup[group])),
  ];
  const leaking = report.cases.filter((result) => result.leaked.length > 0);
  if (leaking.length > 0) lines.push("", `LEAKS (${leaking.length}): another member's private message was recalled`, ...leaking.map((result) => `- ${result.id}  messages ${result.leaked.join(", ")}`));
  if (report.misses.length > 0) lines.push("", `Misses (not in the top 5: ${report.misses.length}):`);
  for (const miss of report.misses) {
    lines.push(`- ${miss.id}  ${short(miss.question, 90)}  (rank ${miss.rank ?? "—"})`, `    first: ${miss.first === null ? "(nothing recalled)" : short(miss.first, 120)}`);
  }
  return lines.join("\n");
}

export function memoryReportJson(report: MemoryReport, dialect?: Dialect): string {
  return JSON.stringify(dialect === undefined ? report : { dialect, ...report }, null, 2);
}
