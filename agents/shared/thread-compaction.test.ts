/**
 * Thread compaction: a thread over COMPACT_ABOVE_TURNS turns keeps its newest KEEP_RECENT_TURNS turns,
 * drops the rest with RemoveMessage at a turn boundary that parts no tool call from its result, and
 * folds them into a bounded one-line-per-turn summary; the models see that summary after their prompt.
 */
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { messagesStateReducer } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { modelInput, SUMMARY_HEADING } from "./model-input.ts";
import { appendToSummary, COMPACT_ABOVE_TURNS, compactThread, compactTurn, KEEP_RECENT_TURNS, SUMMARY_LINE_MAX_CHARS, SUMMARY_MAX_CHARS, summaryLine, turnStarts } from "./thread-compaction.ts";
import { previousCalls } from "./turn-messages.ts";
import type { ConversationStateType } from "../supervisor/state.ts";

/** A data turn as the graph writes it: question, route call and acknowledgement, tool call and result, answer. */
function dataTurn(n: number, question = `how much did we sell in week ${n}?`): BaseMessage[] {
  return [
    new HumanMessage({ id: `h-${n}`, content: question }),
    new AIMessage({ id: `r-${n}`, content: "", tool_calls: [{ id: `route-${n}`, name: "route", args: { agent: "analytics", language: "en", reason: "sales" }, type: "tool_call" }] }),
    new ToolMessage({ id: `rt-${n}`, tool_call_id: `route-${n}`, name: "route", content: "Routed to analytics." }),
    new AIMessage({ id: `a-${n}`, content: "", tool_calls: [{ id: `call-${n}`, name: "query_metrics", args: { metrics: ["net_sales"], range: { kind: "week", n } }, type: "tool_call" }] }),
    new ToolMessage({ id: `t-${n}`, tool_call_id: `call-${n}`, name: "query_metrics", content: "{}" }),
    new AIMessage({ id: `ans-${n}`, content: `Net sales in week ${n}: $ ${n},000.00.\n\nData up to yesterday.` }),
  ];
}

function greetingTurn(n: number): BaseMessage[] {
  return [new HumanMessage({ id: `h-${n}`, content: "hola!" }), new AIMessage({ id: `ans-${n}`, content: "¡Hola! Pregúntame por ventas, campañas o inventario." })];
}

function thread(turns: number, from = 1): BaseMessage[] {
  return Array.from({ length: turns }, (_, i) => dataTurn(from + i)).flat();
}

const state = (messages: BaseMessage[], summary = ""): ConversationStateType => ({ messages, summary, agent: null, language: null, hops: 0, modelCalls: 0, answer: "", kind: "answer", freshness: null, numbersChecked: true });

describe("compactThread", () => {
  it("leaves a thread of up to COMPACT_ABOVE_TURNS turns alone", () => {
    expect(compactThread(thread(COMPACT_ABOVE_TURNS), "")).toBeNull();
    expect(compactTurn(state(thread(COMPACT_ABOVE_TURNS)))).toEqual({});
  });

  it("drops the older turns by id at a turn boundary, keeps the newest KEEP_RECENT_TURNS, and summarises the dropped ones", () => {
    const messages = thread(COMPACT_ABOVE_TURNS + 1);
    const compaction = compactThread(messages, "");
    if (!compaction) throw new Error("expected a compaction");
    const droppedTurns = COMPACT_ABOVE_TURNS + 1 - KEEP_RECENT_TURNS;
    expect(compaction.droppedTurns).toBe(droppedTurns);
    expect(compaction.remove.map((removal) => removal.id)).toEqual(thread(droppedTurns).map((message) => message.id));

    const kept = messagesStateReducer(messages, compaction.remove);
    expect(kept).toEqual(messages.slice(droppedTurns * 6));
    expect(HumanMessage.isInstance(kept[0])).toBe(true);
    expect(turnStarts(kept)).toHaveLength(KEEP_RECENT_TURNS);

    const lines = compaction.summary.split("\n");
    expect(lines).toHaveLength(droppedTurns);
    expect(lines[0]).toBe("- “how much did we sell in week 1?” → analytics (query_metrics): Net sales in week 1: $ 1,000.00.");
    expect(lines.at(-1)).toContain(`week ${droppedTurns}?`);
    // Follow-ups still find the earlier tool calls in the kept turns.
    expect(previousCalls(kept).calls.at(-1)).toMatchObject({ tool: "query_metrics", args: { range: { kind: "week", n: COMPACT_ABOVE_TURNS } } });
  });

  it("appends to the running summary, newest last", () => {
    const compaction = compactThread(thread(COMPACT_ABOVE_TURNS + 1, 20), "- “hola!” → supervisor: ¡Hola!");
    expect(compaction?.summary.split("\n").slice(0, 2)).toEqual(["- “hola!” → supervisor: ¡Hola!", "- “how much did we sell in week 20?” → analytics (query_metrics): Net sales in week 20: $ 20,000.00."]);
  });

  it("never parts a tool call from its result: keeps one more turn when the cut would", () => {
    const messages = thread(COMPACT_ABOVE_TURNS + 1);
    const cutTurn = COMPACT_ABOVE_TURNS + 1 - KEEP_RECENT_TURNS;
    // The first kept turn carries a late result of a call made in the turn before it.
    const late = new ToolMessage({ id: "late", tool_call_id: `call-${cutTurn}`, name: "query_metrics", content: "{}" });
    const withLate = [...messages.slice(0, cutTurn * 6 + 1), late, ...messages.slice(cutTurn * 6 + 1)];
    const compaction = compactThread(withLate, "");
    expect(compaction?.droppedTurns).toBe(cutTurn - 1);
    const kept = messagesStateReducer(withLate, compaction?.remove ?? []);
    expect(kept.map((message) => message.id)).toContain(`a-${cutTurn}`);
    expect(kept.map((message) => message.id)).toContain("late");
  });

  it("does nothing when a message to drop has no id to remove it by", () => {
    const messages = [new HumanMessage("hi"), ...thread(COMPACT_ABOVE_TURNS).slice()];
    expect(compactThread(messages, "")).toBeNull();
  });

  it("keeps the thread and the summary bounded however long the thread grows", () => {
    let messages: BaseMessage[] = [];
    let summary = "";
    let largest = 0;
    for (let n = 1; n <= 500; n++) {
      messages = messagesStateReducer(messages, n % 7 === 0 ? greetingTurn(n) : dataTurn(n));
      const update = compactTurn(state(messages, summary));
      if (update.messages !== undefined) messages = messagesStateReducer(messages, update.messages);
      summary = update.summary ?? summary;
      largest = Math.max(largest, turnStarts(messages).length);
      expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    }
    expect(largest).toBe(COMPACT_ABOVE_TURNS);
    expect(turnStarts(messages).length).toBeLessThanOrEqual(COMPACT_ABOVE_TURNS);
    expect(turnStarts(messages).length).toBeGreaterThanOrEqual(KEEP_RECENT_TURNS);
    // The newest dropped turns are in the summary; the oldest went first when it was full.
    const lastDropped = Number(messages[0]?.id?.slice(2)) - 1;
    expect(summary.split("\n").at(-1)).toContain(lastDropped % 7 === 0 ? "“hola!”" : `week ${lastDropped}?`);
    expect(summary).toContain("“hola!” → supervisor: ¡Hola! Pregúntame");
    expect(summary).not.toContain("week 1?");
    expect(summary.length).toBeGreaterThan(SUMMARY_MAX_CHARS - SUMMARY_LINE_MAX_CHARS);
  });
});

describe("summary lines", () => {
  it("clip a long question and answer and name at most three tools", () => {
    const question = `${"why ".repeat(100)}?`;
    const turn = [
      new HumanMessage({ id: "h", content: question }),
      new AIMessage({ id: "a", content: "", tool_calls: ["query_metrics", "inventory_status", "competitor_prices", "marketing_performance"].map((name, i) => ({ id: `c-${i}`, name, args: {}, type: "tool_call" as const })) }),
      new AIMessage({ id: "ans", content: `\n\n${"because ".repeat(60)}\nsecond line` }),
    ];
    const line = summaryLine(turn);
    expect(line.length).toBeLessThanOrEqual(SUMMARY_LINE_MAX_CHARS);
    expect(line).toMatch(/^- “(why ){20,}.*…” → supervisor \(query_metrics, inventory_status, competitor_prices \+1\): (because ){10,}.*…$/);
    expect(line).not.toContain("second line");
  });

  it("say when a turn had no answer and no tools", () => {
    expect(summaryLine([new HumanMessage({ id: "h", content: "  and\nnow?  " })])).toBe("- “and now?” → supervisor");
  });

  it("keep the newest lines within SUMMARY_MAX_CHARS", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `- line ${i} ${"x".repeat(100)}`);
    const summary = appendToSummary("", lines);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary.split("\n").at(-1)).toBe(lines[99]);
    expect(summary).not.toContain("- line 0 ");
    expect(appendToSummary(summary, ["- newest"]).split("\n").at(-1)).toBe("- newest");
  });
});

describe("the models see the summary", () => {
  it("as a second system message right after the system prompt, before the recent turns", () => {
    const input = modelInput("You are the router.", thread(2), 24, "- “hola!” → supervisor: ¡Hola!");
    expect(input.slice(0, 2).map((message) => SystemMessage.isInstance(message))).toEqual([true, true]);
    expect(input[0]?.text).toBe("You are the router.");
    expect(input[1]?.text).toBe(`${SUMMARY_HEADING}\n- “hola!” → supervisor: ¡Hola!`);
    expect(input.slice(2).map((message) => message.id)).toEqual(thread(2).map((message) => message.id));
  });

  it("not at all while the thread has no summary", () => {
    const input = modelInput("You are the router.", thread(1), 24, "");
    expect(input.filter((message) => SystemMessage.isInstance(message))).toHaveLength(1);
    expect(input).toHaveLength(7);
  });
});
