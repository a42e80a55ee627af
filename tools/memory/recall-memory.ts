/**
 * recall_memory: the memories most relevant to the question (memory/recall.ts: vectors and full text,
 * fused, recency-weighted), within the asker's scope (the workspace's shared memories and their own
 * private ones, never another member's DMs), optionally within a time window ("ayer"), each with who
 * said it, where and when, and the catalog products or campaigns it names ("the product we talked
 * about": the asker's newest memories are looked through too, and those naming such a thing come
 * first). Freshness: the newest memory the asker can recall.
 */
import { parseRangeText } from "../../engines/metrics/time/parse-range-text.ts";
import { resolveRange } from "../../engines/metrics/time/resolve-range.ts";
import { utcBounds } from "../../engines/metrics/time/utc-bounds.ts";
import { ok } from "../../lib/result.ts";
import { linkSubjects } from "../../memory/facts/link-subjects.ts";
import type { FactSubject } from "../../memory/facts/types.ts";
import { memoryOrigins } from "../../memory/memory-origins.ts";
import { listMemories, type ListedMemory } from "../../memory/memory-sources.ts";
import { newestMemoryAt, type MemoryKind } from "../../memory/recall-candidates.ts";
import { recallMemories } from "../../memory/recall.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { recallMemorySchema, RecallMemoryArgs } from "./contracts.ts";
import type { RecallData, RecalledMemory } from "./memory-data.ts";

const TOOL = "recall_memory";
/** Subjects named per recalled memory (products, campaigns…), enough to say which one was meant. */
const SUBJECTS_PER_MEMORY = 3;
/** "the product we talked about": the asker's newest memories looked through for one that names a product. */
const RECENT_FOR_SUBJECT = 20;

/** A memory recall or the newest-first list found (RankedMemory and ListedMemory share these fields). */
type Candidate = ListedMemory;

/** A memory with the catalog products, campaigns, competitors or people it names. */
interface LinkedMemory {
  readonly memory: Candidate;
  readonly subjects: readonly FactSubject[];
}

function kindsFor(about: RecallMemoryArgs["about"]): readonly MemoryKind[] | undefined {
  switch (about) {
    case "anything":
      return undefined;
    case "facts":
      return ["fact"];
    case "conversation":
      return ["message", "tool_result", "summary"];
  }
}

/** The same words said again ("sugerencias de precio" three times) are one memory: the best-ranked one. */
function distinctTexts<T extends { readonly memory: Candidate }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.memory.kind}:${entry.memory.content.toLowerCase().replace(/\s+/g, " ").trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const createRecallMemoryTool: ToolFactory<typeof recallMemorySchema, RecallData> = (deps) => async (args) => {
  const { db, workspace, clock, embedder, actor } = deps;
  let window: RecallData["range"] = null;
  if (args.range !== null) {
    const spec = typeof args.range === "string" ? parseRangeText(args.range) : ok(args.range);
    if (!spec.ok) return toolError(TOOL, "invalid_request", spec.error.message);
    const resolved = resolveRange(spec.value, { timeZone: workspace.timezone, weekStart: workspace.week_start }, clock.now());
    if (!resolved.ok) return toolError(TOOL, "invalid_request", resolved.error.message);
    window = { start: resolved.value.start, end: resolved.value.end, label: resolved.value.label };
  }
  const bounds = window === null ? null : utcBounds(window, workspace.timezone);
  const kinds = kindsFor(args.about);
  const now = clock.now();
  const found = await recallMemories(db, embedder, {
    workspaceId: workspace.id,
    memberId: actor.memberId,
    text: args.query,
    // Twice as many as shown: repeats of the same words are merged before the cut.
    limit: args.limit * 2,
    now,
    ...(kinds ? { kinds } : {}),
    ...(bounds ? { since: bounds.startUtc, until: bounds.endUtc } : {}),
  });
  let candidates: Candidate[] = found;
  if (args.subject !== null) {
    // A thing named by its kind: the recalled memories and the newest ones, those that name such a thing first.
    const recent = await listMemories(db, workspace.id, { memberId: actor.memberId, limit: RECENT_FOR_SUBJECT });
    const inWindow = recent.filter((memory) => bounds === null || (memory.createdAt >= bounds.startUtc && memory.createdAt < bounds.endUtc));
    const seen = new Set(found.map((memory) => memory.id));
    candidates = [...found, ...inWindow.filter((memory) => !seen.has(memory.id) && (kinds === undefined || kinds.includes(memory.kind)))];
  }
  // Linking a text to the catalog costs a few queries: only the memories shown are linked, unless a kind is asked for.
  const link = async (memory: Candidate): Promise<LinkedMemory> => ({ memory, subjects: (await linkSubjects(db, workspace.id, memory.content)).filter((subject) => subject.kind !== "topic") });
  const wanted = args.subject;
  const matchesKind = (kind: string) => kind === wanted || (wanted === "product" && (kind === "variant" || kind === "product_line"));
  let chosen: LinkedMemory[];
  if (wanted === null) {
    chosen = await Promise.all(distinctTexts(candidates.map((memory) => ({ memory }))).slice(0, args.limit).map((entry) => link(entry.memory)));
  } else {
    const linked = await Promise.all(candidates.map(link));
    const naming = linked.filter((entry) => entry.subjects.some((subject) => matchesKind(subject.kind)));
    chosen = distinctTexts(naming.length > 0 ? naming : linked).slice(0, args.limit);
  }
  const origins = await memoryOrigins(db, workspace.id, chosen.map((entry) => entry.memory));
  const memories: RecalledMemory[] = chosen.map(({ memory, subjects }) => {
    const origin = origins.get(memory.id);
    return {
      kind: memory.kind,
      text: memory.content,
      speaker: origin?.speaker ?? "unknown",
      speakerName: origin?.memberName ?? null,
      // At the terminal and the local web chat (no member) the owner's own messages have no member either.
      byAsker: origin !== undefined && origin.speaker === "member" && origin.memberId === actor.memberId,
      channel: origin?.channel ?? null,
      at: memory.createdAt.toISOString(),
      private: memory.memberId !== null,
      subjects: subjects.slice(0, SUBJECTS_PER_MEMORY).map((subject) => ({ kind: subject.kind, label: subject.label })),
    };
  });
  const newest = await newestMemoryAt(db, { workspaceId: workspace.id, memberId: actor.memberId, model: embedder.id });
  const at = newest === null ? null : newest.toISOString();
  return toolData(TOOL, { query: args.query, range: window, subject: args.subject, memories }, [{ source: "memory", latestData: at, lastLoadedAt: at }]);
};
