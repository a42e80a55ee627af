/**
 * One-line summaries of the memory tools' results. They never repeat what memory holds: a recall
 * says what was looked for and how many memories came back (copying them would store every recalled
 * text again, and recall would find its own echoes), and a kept or forgotten fact is named by its
 * number and subjects, not its statement (a forgotten fact must not live on in a tool result).
 */
import type { ForgetData, RecallData, RememberData } from "../../tools/memory/memory-data.ts";
import { firstOf } from "./tool-summary-words.ts";

function subjectsOf(fact: RememberData["fact"]): string {
  const labels = fact.subjects.map((subject) => subject.label);
  return labels.length === 0 ? "" : ` about ${firstOf(labels, 3, ", ")}`;
}

export function recallSummary(data: RecallData): string {
  const window = data.range === null ? "" : ` ${data.range.label}`;
  const where = [...new Set(data.memories.map((memory) => memory.channel).filter((channel): channel is string => channel !== null))];
  const channels = where.length === 0 ? "" : ` (${where.join(", ")})`;
  return `recall_memory "${data.query}"${window}: ${data.memories.length} memories${channels}`;
}

export function rememberSummary(data: RememberData): string {
  const by = data.fact.saidBy === null ? "" : `, said by ${data.fact.saidBy}`;
  return `remember_fact fact #${data.fact.id}${subjectsOf(data.fact)}: ${data.created ? "kept" : "already kept"}${by}`;
}

export function forgetSummary(data: ForgetData): string {
  return `forget_memory fact #${data.forgotten.id}${subjectsOf(data.forgotten)}: forgotten`;
}
