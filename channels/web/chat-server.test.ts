import { afterEach, beforeEach, expect, it } from "vitest";
import type { ConversationRuntime, TurnRequest, TurnResult } from "../../agents/turn-types.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { startWebChat, type WebChatServer } from "./chat-server.ts";

/** A runtime that answers by echoing, recording what it was asked (the graph has its own tests). */
function echoRuntime(asked: TurnRequest[]): ConversationRuntime {
  return {
    runTurn(request) {
      asked.push(request);
      const result: TurnResult = {
        agent: "supervisor", toolCalls: [], answer: `echo: ${request.text}`, kind: "answer", language: "en", data: [], freshness: null,
        modelCalls: 1, latencyMs: 1, thread: request.thread ?? "new-thread", numbersChecked: true,
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
  });
});
