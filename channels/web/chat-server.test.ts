import { afterEach, beforeEach, expect, it } from "vitest";
import type { ConversationRuntime, TurnRequest, TurnResult } from "../../agents/turn-types.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { startWebChat, type WebChatServer } from "./chat-server.ts";

const SALES_LINE = "query_metrics net_sales 2026-11-14..2026-11-20: 123,456.70 MXN";

/** A runtime that answers by echoing, recording what it was asked (the graph has its own tests); a question about sales "runs" query_metrics. */
function echoRuntime(asked: TurnRequest[]): ConversationRuntime {
  return {
    runTurn(request) {
      asked.push(request);
      const sales = /vend/.test(request.text);
      const result: TurnResult = {
        agent: sales ? "analytics" : "supervisor", toolCalls: sales ? [{ name: "query_metrics", args: { metrics: ["net_sales"] } }] : [], answer: `echo: ${request.text}`, kind: "answer", language: "es", data: [],
        toolSummaries: sales ? [SALES_LINE] : [], freshness: null, modelCalls: 1, latencyMs: 1, thread: request.thread ?? "new-thread", numbersChecked: true,
      };
      return Promise.resolve(result);
    },
  };
}

describeDatabase("web chat", ({ db }) => {
  let server: WebChatServer;
  let asked: TurnRequest[];

  beforeEach(async () => {
    await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    asked = [];
    server = await startWebChat({ runtime: echoRuntime(asked), db: db(), clock: fixedClock("2026-11-21T15:00:00Z"), logger: silentLogger, port: 0, host: "127.0.0.1" });
  });
  afterEach(async () => {
    await server.close();
  });

  const post = (body: string) => fetch(new URL("/api/chat", server.url), { method: "POST", headers: { "content-type": "application/json" }, body });

  it("serves the page and the workspaces it can talk to", async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/api/chat");
    const workspaces = await fetch(new URL("/api/workspaces", server.url));
    expect(await workspaces.json()).toEqual([{ slug: "tienda", name: "Tienda", locale: "es" }]);
  });

  it("turns a message into a conversation turn at the server's clock, keeping the thread", async () => {
    const response = await post(JSON.stringify({ workspace: "tienda", text: "  ¿cuánto vendimos ayer?  ", thread: "t-9" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ answer: "echo: ¿cuánto vendimos ayer?", thread: "t-9" });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ text: "¿cuánto vendimos ayer?", thread: "t-9", now: new Date("2026-11-21T15:00:00Z") });
  });

  it("records each turn as a web conversation of the owner: question, answer and tool results, in its thread", async () => {
    expect((await post(JSON.stringify({ workspace: "tienda", text: "¿cuánto vendimos la semana pasada?", thread: "t-9" }))).status).toBe(200);
    expect((await post(JSON.stringify({ workspace: "tienda", text: "gracias", thread: "t-9" }))).status).toBe(200);
    expect((await post(JSON.stringify({ workspace: "tienda", text: "hola" }))).status).toBe(200);

    const conversations = await db().selectFrom("conversations").select(["id", "channel", "thread_key", "member_id"]).orderBy("id").execute();
    expect(conversations.map((c) => [c.channel, c.thread_key, c.member_id])).toEqual([
      ["web", "t-9", null],
      ["web", "new-thread", null],
    ]);
    const messages = await db().selectFrom("messages").select(["conversation_id", "role", "content", "member_id", "metadata", "created_at"]).orderBy("id").execute();
    expect(messages.map((m) => [m.conversation_id, m.role, m.content])).toEqual([
      [conversations[0]!.id, "user", "¿cuánto vendimos la semana pasada?"],
      [conversations[0]!.id, "assistant", "echo: ¿cuánto vendimos la semana pasada?"],
      [conversations[0]!.id, "tool", SALES_LINE],
      [conversations[0]!.id, "user", "gracias"],
      [conversations[0]!.id, "assistant", "echo: gracias"],
      [conversations[1]!.id, "user", "hola"],
      [conversations[1]!.id, "assistant", "echo: hola"],
    ]);
    expect(messages.every((m) => m.member_id === null && m.created_at.toISOString() === "2026-11-21T15:00:00.000Z")).toBe(true);
    expect(messages[1]!.metadata).toMatchObject({ agent: "analytics", tools: ["query_metrics"] });
    expect(messages[2]!.metadata).toEqual({ tool: "query_metrics" });
  });

  it("rejects bad requests with a clear error and runs nothing", async () => {
    expect((await post("not json")).status).toBe(400);
    const empty = await post(JSON.stringify({ workspace: "tienda", text: "   " }));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "text: the message is empty" });
    const unknown = await post(JSON.stringify({ workspace: "nope", text: "hola" }));
    expect(unknown.status).toBe(404);
    expect((await fetch(new URL("/api/chat", server.url))).status).toBe(405);
    expect((await fetch(new URL("/elsewhere", server.url))).status).toBe(404);
    expect(asked).toHaveLength(0);
    expect(await db().selectFrom("messages").select("id").execute()).toEqual([]);
  });
});
