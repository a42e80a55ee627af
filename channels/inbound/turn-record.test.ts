/** A turn as the log keeps it: its answer with what produced it, and the tool results memory should recall. */
import { describe, expect, it } from "vitest";
import type { TurnResult } from "../../agents/turn-types.ts";
import type { ToolName } from "../../tools/tool-names.ts";
import { answeredTurn } from "./turn-record.ts";

const AT = new Date("2026-11-21T15:00:00Z");

function turn(calls: readonly ToolName[], summaries: readonly string[]): TurnResult {
  return {
    agent: "memory",
    toolCalls: calls.map((name) => ({ name, args: {} })),
    answer: "Esto es lo que encontré: …",
    kind: "answer",
    language: "es",
    data: [],
    toolSummaries: summaries,
    freshness: null,
    modelCalls: 2,
    latencyMs: 12,
    thread: "t1",
    numbersChecked: true,
  };
}

describe("answeredTurn", () => {
  it("keeps the answer with its agent and tools, and each data tool's summary", () => {
    const answered = answeredTurn(turn(["query_metrics", "inventory_status"], ["query_metrics net_sales …: 1,234.00 MXN", "inventory_status …: 2 at risk"]), AT);
    expect(answered.answer).toEqual({ content: "Esto es lo que encontré: …", language: "es", at: AT, metadata: { agent: "memory", tools: ["query_metrics", "inventory_status"], kind: "answer", numbersChecked: true } });
    expect(answered.toolResults).toEqual([
      { tool: "query_metrics", summary: "query_metrics net_sales …: 1,234.00 MXN" },
      { tool: "inventory_status", summary: "inventory_status …: 2 at risk" },
    ]);
  });

  it("leaves out the memory tools' results, which would be recalled as news", () => {
    const answered = answeredTurn(turn(["recall_memory", "remember_fact", "forget_memory", "query_metrics"], ["recall_memory \"Meta\": 3 memories", "remember_fact fact #2: kept", "forget_memory fact #2: forgotten", "query_metrics orders: 12"]), AT);
    expect(answered.toolResults).toEqual([{ tool: "query_metrics", summary: "query_metrics orders: 12" }]);
  });
});
