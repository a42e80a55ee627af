/**
 * The memory suite's engine: each case gets a fresh workspace (members ana and beto) in one shared
 * database, its conversation is stored with rememberMessages (private channels keep the speaker's
 * member_id, a Slack channel is workspace-wide), and the question is recalled with recallMemories as
 * the asking member at the case's now. Scored as recall@1, recall@5 and MRR (over the top
 * RECALL_DEPTH) per language and for cross-language cases, and as leaks: a recalled message that is
 * another member's private one. Recall figures are measurements; a leak is a failure.
 */
import type { Db } from "../db/database.ts";
import { createMember } from "../db/repositories/members.ts";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import type { Embedder } from "../memory/embeddings/embedder.ts";
import { recallMemories } from "../memory/recall.ts";
import { rememberMessages } from "../memory/remember.ts";
import { isPrivateChannel, MEMORY_MEMBERS, type MemoryCase, type MemoryMember } from "./memory-dataset.ts";

/** Messages recalled per question: MRR counts a hit down to this rank (recall@5 reads the top 5). */
export const RECALL_DEPTH = 10;

export type MemoryGroup = "en" | "es" | "pt" | "cross";
export const MEMORY_GROUPS: readonly MemoryGroup[] = ["en", "es", "pt", "cross"];

export interface MemoryCaseResult {
  readonly id: string;
  readonly group: MemoryGroup;
  readonly question: string;
  readonly privacy: boolean;
  /** 1-based rank of the expected message, null when not in the top RECALL_DEPTH (or a privacy case). */
  readonly rank: number | null;
  /** Conversation indexes recalled, best first. */
  readonly recalled: readonly number[];
  /** Recalled indexes that are another member's private messages. */
  readonly leaked: readonly number[];
  /** The text recalled first, for the list of misses. */
  readonly first: string | null;
}

export interface GroupFigures {
  readonly cases: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly mrr: number;
}

export interface MemoryReport {
  readonly embedder: string;
  readonly overall: GroupFigures;
  readonly byGroup: Readonly<Record<MemoryGroup, GroupFigures>>;
  readonly privacyCases: number;
  /** Cases (privacy or not) where another member's private message was recalled: must be 0. */
  readonly leaks: number;
  readonly misses: readonly MemoryCaseResult[];
  readonly cases: readonly MemoryCaseResult[];
}

export function groupOf(memoryCase: MemoryCase): MemoryGroup {
  return memoryCase.crossLanguage ? "cross" : memoryCase.language;
}

/** Stores one case's conversation in a new workspace and recalls its question. */
export async function runMemoryCase(db: Db, embedder: Embedder, memoryCase: MemoryCase, slug: string): Promise<MemoryCaseResult> {
  const workspace = await createWorkspace(db, { name: memoryCase.id, slug, currency: "MXN", timezone: "America/Mexico_City" });
  const members = new Map<MemoryMember, number>();
  for (const name of MEMORY_MEMBERS) {
    const member = await createMember(db, { workspaceId: workspace.id, name, role: name === "ana" ? "owner" : "admin", language: memoryCase.language });
    members.set(name, member.id);
  }
  const memberId = (name: MemoryMember) => {
    const id = members.get(name);
    if (id === undefined) throw new Error(`no member ${name}`);
    return id;
  };
  const ids = await rememberMessages(
    db,
    embedder,
    memoryCase.conversation.map((message) => ({
      workspaceId: workspace.id,
      memberId: isPrivateChannel(message.channel) ? memberId(message.member) : null,
      kind: "message" as const,
      content: message.text,
      createdAt: new Date(message.at),
    })),
  );
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const asker = memoryCase.question.member;
  const recalledMemories = await recallMemories(db, embedder, {
    workspaceId: workspace.id,
    memberId: memberId(asker),
    text: memoryCase.question.text,
    limit: RECALL_DEPTH,
    now: new Date(memoryCase.now),
  });
  const recalled = recalledMemories.map((memory) => {
    const index = indexOf.get(memory.id);
    if (index === undefined) throw new Error(`recall returned memory ${memory.id}, not one of case ${memoryCase.id}`);
    return index;
  });
  const leaked = recalled.filter((index) => {
    const message = memoryCase.conversation[index];
    return message !== undefined && isPrivateChannel(message.channel) && message.member !== asker;
  });
  const place = memoryCase.expected === null ? -1 : recalled.indexOf(memoryCase.expected);
  return {
    id: memoryCase.id,
    group: groupOf(memoryCase),
    question: memoryCase.question.text,
    privacy: memoryCase.expected === null,
    rank: place < 0 ? null : place + 1,
    recalled,
    leaked,
    first: recalledMemories[0]?.content ?? null,
  };
}

function figures(results: readonly MemoryCaseResult[]): GroupFigures {
  const scored = results.filter((result) => !result.privacy);
  const share = (hit: (result: MemoryCaseResult) => number) => (scored.length === 0 ? 0 : scored.reduce((sum, result) => sum + hit(result), 0) / scored.length);
  return {
    cases: scored.length,
    recallAt1: share((result) => (result.rank === 1 ? 1 : 0)),
    recallAt5: share((result) => (result.rank !== null && result.rank <= 5 ? 1 : 0)),
    mrr: share((result) => (result.rank === null ? 0 : 1 / result.rank)),
  };
}

export function summarize(embedder: string, results: readonly MemoryCaseResult[]): MemoryReport {
  const byGroup = Object.fromEntries(MEMORY_GROUPS.map((group) => [group, figures(results.filter((result) => result.group === group))])) as Record<MemoryGroup, GroupFigures>;
  return {
    embedder,
    overall: figures(results),
    byGroup,
    privacyCases: results.filter((result) => result.privacy).length,
    leaks: results.filter((result) => result.leaked.length > 0).length,
    misses: results.filter((result) => !result.privacy && (result.rank === null || result.rank > 5)),
    cases: results,
  };
}

export interface MemorySuiteOptions {
  /** Called after each case (progress). */
  readonly onCase?: (done: number, total: number, result: MemoryCaseResult) => void;
}

/** Runs the cases one after another in the given (migrated) database. */
export async function runMemorySuite(db: Db, embedder: Embedder, cases: readonly MemoryCase[], options: MemorySuiteOptions = {}): Promise<MemoryReport> {
  const results: MemoryCaseResult[] = [];
  const run = Date.now().toString(36);
  for (const [index, memoryCase] of cases.entries()) {
    const result = await runMemoryCase(db, embedder, memoryCase, `memory-eval-${run}-${index}`);
    results.push(result);
    options.onCase?.(results.length, cases.length, result);
  }
  return summarize(embedder.id, results);
}
