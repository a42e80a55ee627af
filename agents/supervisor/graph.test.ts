import { AIMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { fakeModel } from "@langchain/core/testing";
import { beforeEach, expect, it } from "vitest";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { seedDemo } from "../../demo/index.ts";
import { describeDatabase } from "../../test/database.ts";
import { OfflineChatModel } from "../models/offline/chat-model.ts";
import { createConversationRuntime } from "../runtime.ts";
import type { ModelSource, ModelTaskName } from "../shared/configuration.ts";
import type { ConversationRuntime } from "../turn-types.ts";
import { MAX_TOOL_ROUNDS } from "./state.ts";

const NOW = new Date("2026-11-21T18:00:00Z");

function scripted(models: Partial<Record<ModelTaskName, BaseChatModel>>): ModelSource {
  return {
    modelFor(task) {
      const model = models[task];
      if (!model) throw new Error(`no scripted model for ${task}`);
      return model;
    },
  };
}

const offline: ModelSource = { modelFor: () => new OfflineChatModel() };

/** The total of a metric in the last query_metrics result of the messages, in major units. */
function lastTotal(messages: readonly BaseMessage[], metric: string): number {
  const message = [...messages].reverse().find((candidate) => ToolMessage.isInstance(candidate));
  if (!message || !ToolMessage.isInstance(message)) throw new Error("no tool result");
  const outcome: unknown = JSON.parse(message.text);
  const value = (outcome as { data: { totals: Record<string, { value: number }> } }).data.totals[metric]?.value;
  if (value === undefined) throw new Error(`no ${metric} in the result`);
  return value / 100;
}

describeDatabase("conversation graph", ({ db, handle }) => {
  let workspace: Workspace;
  const runtimeWith = (models: ModelSource): Promise<ConversationRuntime> => createConversationRuntime({ db: db(), pool: handle().pool, models });

  beforeEach(async () => {
    await seedDemo(db(), { orders: 1500, seed: 3, end: "2026-11-21" });
    const found = await findWorkspaceBySlug(db(), "demo");
    if (!found) throw new Error("no demo workspace");
    workspace = found;
  });

  it("runs a real model's path: route, tool call, answer from the tool result", async () => {
    const router = fakeModel().respond(new AIMessage({ id: "r-1", content: "", tool_calls: [{ id: "route-1", name: "route", args: { agent: "analytics", language: "en", reason: "sales" }, type: "tool_call" }] }));
    const analytics = fakeModel()
      .respond(new AIMessage({ id: "a-1", content: "", tool_calls: [{ id: "call-1", name: "query_metrics", args: { metrics: ["net_sales"], range: "last 7 days" }, type: "tool_call" }] }))
      .respond((messages: BaseMessage[]) => new AIMessage({ id: "a-2", content: `Net sales in the last 7 days were ${lastTotal(messages, "net_sales").toFixed(2)} MXN.` }));
    const runtime = await runtimeWith(scripted({ router, analytics }));
    const result = await runtime.runTurn({ workspace, text: "how much did we sell in the last 7 days?", thread: null, now: NOW });
    expect(result.agent).toBe("analytics");
    expect(result.toolCalls).toEqual([{ name: "query_metrics", args: { metrics: ["net_sales"], range: "last 7 days" } }]);
    expect(result.numbersChecked).toBe(true);
    expect(result.answer).toMatch(/^Net sales in the last 7 days were \d+\.\d\d MXN\./);
    expect(result.freshness).not.toBeNull();
    expect(result.answer).toContain(result.freshness ?? "missing");
    expect(result.modelCalls).toBe(3);
    expect(result.data[0]?.ok).toBe(true);
  });

  it("replaces a reply whose numbers are not in the tool results with the composed answer", async () => {
    const router = fakeModel().respond(new AIMessage({ id: "r-1", content: "", tool_calls: [{ id: "route-1", name: "route", args: { agent: "analytics", language: "en", reason: "sales" }, type: "tool_call" }] }));
    const analytics = fakeModel()
      .respond(new AIMessage({ id: "a-1", content: "", tool_calls: [{ id: "call-1", name: "query_metrics", args: { metrics: ["net_sales"], range: "yesterday" }, type: "tool_call" }] }))
      .respond(new AIMessage({ id: "a-2", content: "Yesterday you sold $ 987,654.32, a record!" }));
    const runtime = await runtimeWith(scripted({ router, analytics }));
    const result = await runtime.runTurn({ workspace, text: "sales yesterday?", thread: null, now: NOW });
    expect(result.numbersChecked).toBe(false);
    expect(result.answer).not.toContain("987");
    expect(result.answer.length).toBeGreaterThan(20);
  });

  it("cannot loop: one hop per turn, and an agent that keeps calling tools is stopped", async () => {
    const routeCall = (id: string) => new AIMessage({ id, content: "", tool_calls: [{ id: `${id}-call`, name: "route", args: { agent: "analytics", language: "en", reason: "again" }, type: "tool_call" }] });
    const router = fakeModel().respond(routeCall("r-1")).respond(routeCall("r-2"));
    const analytics = fakeModel();
    for (let i = 0; i < MAX_TOOL_ROUNDS + 3; i++) {
      analytics.respond(new AIMessage({ id: `a-${i}`, content: "", tool_calls: [{ id: `call-${i}`, name: "query_metrics", args: { metrics: ["orders"], range: "yesterday" }, type: "tool_call" }] }));
    }
    const runtime = await runtimeWith(scripted({ router, analytics }));
    const result = await runtime.runTurn({ workspace, text: "orders yesterday", thread: null, now: NOW });
    expect(router.callCount).toBe(1);
    expect(analytics.callCount).toBe(MAX_TOOL_ROUNDS);
    expect(result.toolCalls).toHaveLength(MAX_TOOL_ROUNDS);
    expect(result.answer).toMatch(/\d/);
  });

  it("turns a tool call with bad arguments into an error result the model can read", async () => {
    const router = fakeModel().respond(new AIMessage({ id: "r-1", content: "", tool_calls: [{ id: "route-1", name: "route", args: { agent: "analytics", language: "es", reason: "x" }, type: "tool_call" }] }));
    const analytics = fakeModel()
      .respond(new AIMessage({ id: "a-1", content: "", tool_calls: [{ id: "call-1", name: "query_metrics", args: { metrics: [], range: 7 }, type: "tool_call" }] }))
      .respond((messages: BaseMessage[]) => {
        const error = messages.at(-1);
        return new AIMessage({ id: "a-2", content: ToolMessage.isInstance(error) && error.text.includes("invalid_request") ? "No pude leer esa consulta: ¿qué métrica y qué período?" : "unexpected" });
      });
    const runtime = await runtimeWith(scripted({ router, analytics }));
    const result = await runtime.runTurn({ workspace, text: "ventas", thread: null, now: NOW });
    expect(result.answer).toContain("¿qué métrica");
    expect(result.language).toBe("es");
  });

  it("answers with the offline model and keeps a thread's context for follow-ups", async () => {
    const runtime = await runtimeWith(offline);
    const first = await runtime.runTurn({ workspace, text: "how much did we sell last week?", thread: "t-1", now: NOW });
    expect(first.agent).toBe("analytics");
    expect(first.language).toBe("en");
    expect(first.toolCalls[0]?.name).toBe("query_metrics");
    expect(first.numbersChecked).toBe(true);
    const followUp = await runtime.runTurn({ workspace, text: "and in september?", thread: "t-1", now: NOW });
    expect(followUp.toolCalls[0]?.name).toBe("query_metrics");
    expect(followUp.toolCalls[0]?.args["metrics"]).toEqual(first.toolCalls[0]?.args["metrics"]);
    expect(JSON.stringify(followUp.toolCalls[0]?.args["range"]).toLowerCase()).toMatch(/sept|"month":9|09/);
    // Another thread does not see it.
    const fresh = await runtime.runTurn({ workspace, text: "and in september?", thread: "t-2", now: NOW });
    expect(fresh.toolCalls).toEqual([]);
    expect(fresh.agent).toBe("supervisor");
  });

  it("answers greetings, refuses out-of-scope requests and changes without an approval, in the asker's language", async () => {
    const runtime = await runtimeWith(offline);
    const hello = await runtime.runTurn({ workspace, text: "hola!", thread: null, now: NOW });
    expect(hello).toMatchObject({ agent: "supervisor", language: "es", toolCalls: [] });
    const weather = await runtime.runTurn({ workspace, text: "what's the weather in Paris tomorrow?", thread: null, now: NOW });
    expect(weather).toMatchObject({ agent: "supervisor", language: "en", toolCalls: [] });
    const change = await runtime.runTurn({ workspace, text: "aumenta o orçamento do google em 20%", thread: null, now: NOW });
    expect(change).toMatchObject({ agent: "supervisor", language: "pt", toolCalls: [] });
    expect(change.answer.toLowerCase()).toMatch(/aprova/);
    expect(change.kind).toBe("refuse");
  });

  it("asks instead of guessing when a name matches several products, and when a follow-up has nothing to follow", async () => {
    const runtime = await runtimeWith(offline);
    const vague = await runtime.runTurn({ workspace, text: "¿cómo va la playera en ventas?", thread: null, now: NOW });
    expect(vague).toMatchObject({ agent: "supervisor", kind: "clarify", toolCalls: [], language: "es" });
    expect(vague.answer).toMatch(/Playera/);
    const orphan = await runtime.runTurn({ workspace, text: "y en septiembre?", thread: null, now: NOW });
    expect(orphan).toMatchObject({ agent: "supervisor", kind: "clarify", toolCalls: [] });
  });
});
