/**
 * A long thread end to end with the offline model and the real checkpointer: after 40 turns the
 * checkpointed thread holds a bounded number of turns, its summary names the questions that left
 * `messages`, and a follow-up asked right after a compaction still finds the turn it follows.
 */
import { HumanMessage, isBaseMessage, type BaseMessage } from "@langchain/core/messages";
import { beforeEach, expect, it } from "vitest";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { seedDemo } from "../../demo/index.ts";
import { describeDatabase } from "../../test/database.ts";
import { OfflineChatModel } from "../models/offline/chat-model.ts";
import { CHECKPOINT_SCHEMA, createConversationRuntime } from "../runtime.ts";
import { BatchedPostgresSaver } from "./batched-postgres-saver.ts";
import type { ModelSource } from "./configuration.ts";
import { COMPACT_ABOVE_TURNS, KEEP_RECENT_TURNS, SUMMARY_MAX_CHARS } from "./thread-compaction.ts";

const NOW = new Date("2026-11-21T18:00:00Z");
const offline: ModelSource = { modelFor: () => new OfflineChatModel() };
const TURNS = 40;
/** Asked once each, at the start of the thread. */
const EARLY = ["how much did we sell in March?", "qual foi o ROAS do Meta nos últimos 30 dias?", "hola!"];
/** Asked over and over after them. */
const ROTATION = ["¿cuánto vendimos ayer?", "how much did we sell last week?", "ventas por canal el mes pasado", "what about orders?", "thanks!"];

describeDatabase("a long thread", ({ db, handle }) => {
  let workspace: Workspace;

  beforeEach(async () => {
    await seedDemo(db(), { orders: 1500, seed: 3, end: "2026-11-21" });
    const found = await findWorkspaceBySlug(db(), "demo");
    if (!found) throw new Error("no demo workspace");
    workspace = found;
  });

  it("stays bounded: older turns are folded into the summary and follow-ups still work", { timeout: 300_000 }, async () => {
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: offline });
    const saver = new BatchedPostgresSaver(handle().pool, undefined, { schema: CHECKPOINT_SCHEMA });
    const thread = "long-1";
    const stored = async (): Promise<{ messages: BaseMessage[]; summary: string }> => {
      const tuple = await saver.getTuple({ configurable: { thread_id: `${workspace.id}:${thread}`, checkpoint_ns: "" } });
      const values = tuple?.checkpoint.channel_values ?? {};
      const messages: unknown = values["messages"];
      const summary: unknown = values["summary"];
      if (!Array.isArray(messages)) throw new Error("no messages in the checkpoint");
      return { messages: messages.filter((message) => isBaseMessage(message)), summary: typeof summary === "string" ? summary : "" };
    };
    const humanTurns = (messages: readonly BaseMessage[]) => messages.filter((message) => HumanMessage.isInstance(message)).length;

    // Turns 1–38, the last of them a compaction turn (the 13th, 18th, … 38th are), then two follow-ups.
    const rotation = Array.from({ length: TURNS - EARLY.length - 3 }, (_, i) => ROTATION[i % ROTATION.length] ?? "hola");
    const questions = [...EARLY, ...rotation, "how much did we sell last month?"];
    const turnsKept: number[] = [];
    let lastMonth = null;
    for (const [index, text] of questions.entries()) {
      lastMonth = await runtime.runTurn({ workspace, text, thread, now: NOW });
      expect(lastMonth.answer.length).toBeGreaterThan(0);
      const { messages, summary } = await stored();
      turnsKept.push(humanTurns(messages));
      if (index + 1 === COMPACT_ABOVE_TURNS + 1) {
        // The first compaction: the oldest turns left the messages for the summary.
        expect(humanTurns(messages)).toBe(KEEP_RECENT_TURNS);
        expect(messages.map((message) => message.text)).not.toContain(EARLY[0]);
        expect(summary).toContain("“how much did we sell in March?” → analytics (query_metrics): ");
        expect(summary).toContain("“qual foi o ROAS do Meta nos últimos 30 dias?” → marketing (marketing_performance): ");
        expect(summary).toContain("“hola!” → supervisor: ");
        expect(summary.split("\n")).toHaveLength(COMPACT_ABOVE_TURNS + 1 - KEEP_RECENT_TURNS);
      }
    }
    expect(Math.max(...turnsKept)).toBe(COMPACT_ABOVE_TURNS);
    expect(turnsKept.at(-1)).toBe(KEEP_RECENT_TURNS);

    // Follow-ups right after the compaction still read the turns before them.
    const september = await runtime.runTurn({ workspace, text: "and in september?", thread, now: NOW });
    expect(september).toMatchObject({ agent: "analytics", numbersChecked: true, toolCalls: [{ name: "query_metrics", args: { range: { kind: "month", month: 9 } } }] });
    expect(september.toolCalls[0]?.args["metrics"]).toEqual(lastMonth?.toolCalls[0]?.args["metrics"]);
    const byCategory = await runtime.runTurn({ workspace, text: "and by category", thread, now: NOW });
    expect(byCategory).toMatchObject({ agent: "analytics", toolCalls: [{ name: "query_metrics", args: { range: { kind: "month", month: 9 }, breakdown: { dimension: "category" } } }] });

    // After 40 turns: ten in the messages, the thirty before them summarised (all fit), oldest first, within bounds.
    const { messages, summary } = await stored();
    expect(humanTurns(messages)).toBe(KEEP_RECENT_TURNS + 2);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    const lines = summary.split("\n");
    expect(lines).toHaveLength(TURNS - 2 - KEEP_RECENT_TURNS);
    expect(lines[0]).toMatch(/^- “how much did we sell in March\?” → analytics \(query_metrics\): \*Net sales\* March 2026: /);
    for (const early of EARLY) expect(summary).toContain(`“${early}”`);
    expect(lines.at(-1)).toContain(`“${questions[TURNS - 2 - KEEP_RECENT_TURNS - 1] ?? "missing"}”`);
  });
});
