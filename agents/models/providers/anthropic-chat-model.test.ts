import { HumanMessage, SystemMessage, ToolMessage, type AIMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createAgent } from "langchain";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AnthropicChatModel } from "./anthropic-chat-model.ts";
import { startLocalJsonServer, type JsonReply, type LocalJsonServer, type RecordedRequest } from "./local-json-server.ts";
import { ModelProviderError } from "./provider-error.ts";

const API_KEY = "sk-ant-test-key";

/** What the Messages API accepts (the parts this model uses), checked the way the API would. */
const blockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1) }),
  z.object({ type: z.literal("tool_use"), id: z.string().min(1), name: z.string().min(1), input: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("tool_result"), tool_use_id: z.string().min(1), content: z.string().optional(), is_error: z.boolean().optional() }),
]);
const requestSchema = z
  .object({
    model: z.string().min(1),
    max_tokens: z.number().int().positive(),
    system: z.string().optional(),
    messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.union([z.string(), z.array(blockSchema).min(1)]) }).strict()).min(1),
    tools: z
      .array(z.object({ name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/), description: z.string().optional(), input_schema: z.object({ type: z.literal("object") }).loose() }).strict())
      .optional(),
    tool_choice: z.object({ type: z.enum(["auto", "any", "tool", "none"]), name: z.string().optional() }).optional(),
    stop_sequences: z.array(z.string()).optional(),
  })
  .strict();

function apiError(status: number, type: string, message: string, headers?: Record<string, string>): JsonReply {
  return { status, body: { type: "error", error: { type, message }, request_id: "req_test" }, ...(headers ? { headers } : {}) };
}

/** A stand-in for POST /v1/messages that honours the contract, then lets the test script the answer. */
function messagesApi(answer: (body: z.output<typeof requestSchema>, index: number) => JsonReply) {
  return (request: RecordedRequest, index: number): JsonReply => {
    if (request.method !== "POST" || request.path !== "/v1/messages") return apiError(404, "not_found_error", `no route ${request.method} ${request.path}`);
    // SDK 1.x (API 2026-10-21) sends the key as a bearer token; older clients send x-api-key. The API takes both.
    const key = request.headers["x-api-key"] ?? request.headers.authorization?.replace(/^Bearer /, "");
    if (key !== API_KEY) return apiError(401, "authentication_error", "invalid x-api-key");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(request.headers["anthropic-version"]))) return apiError(400, "invalid_request_error", "anthropic-version header is required");
    if (!String(request.headers["content-type"]).startsWith("application/json")) return apiError(400, "invalid_request_error", "expected JSON");
    const body = z.record(z.string(), z.unknown()).parse(request.body);
    // API version 2026-10-21 removed the sampling parameters.
    for (const removed of ["temperature", "top_p", "top_k"]) if (removed in body) return apiError(400, "invalid_request_error", `${removed}: is not supported`);
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) return apiError(400, "invalid_request_error", z.prettifyError(parsed.error));
    const turns = parsed.data.messages;
    for (const [position, turn] of turns.entries()) {
      if (turn.role !== (position % 2 === 0 ? "user" : "assistant")) return apiError(400, "invalid_request_error", "roles must alternate, starting with user");
      const results = typeof turn.content === "string" ? [] : turn.content.filter((block) => block.type === "tool_result");
      const previous = turns[position - 1]?.content;
      const uses = new Set(typeof previous === "string" || !previous ? [] : previous.flatMap((block) => (block.type === "tool_use" ? [block.id] : [])));
      for (const result of results) {
        if (result.type === "tool_result" && !uses.has(result.tool_use_id)) return apiError(400, "invalid_request_error", "tool_result without a matching tool_use");
      }
      if (uses.size > 0 && results.length !== uses.size) return apiError(400, "invalid_request_error", "every tool_use needs a tool_result in the next user turn");
    }
    return answer(parsed.data, index);
  };
}

function message(id: string, content: unknown[], stopReason: string): JsonReply {
  return {
    status: 200,
    body: {
      id,
      type: "message",
      role: "assistant",
      model: "claude-sonnet-5-5",
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { input_tokens: 120, output_tokens: 30, cache_creation_input_tokens: 0, cache_read_input_tokens: 10 },
    },
  };
}

const queryMetrics = tool(() => "unused", {
  name: "query_metrics",
  description: "Read a store metric for a period.",
  schema: z.object({
    metric: z.string().describe("Metric name, e.g. revenue."),
    period: z.enum(["yesterday", "last_7_days"]).describe("The period."),
  }),
});

let server: LocalJsonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function modelAt(url: string) {
  return new AnthropicChatModel({ apiKey: API_KEY, baseURL: url, model: "claude-sonnet-5-5", maxTokens: 512, maxRetries: 0 });
}

describe("AnthropicChatModel", () => {
  it("runs a tool-calling round trip against the Messages API", async () => {
    server = await startLocalJsonServer(
      messagesApi((_body, index) =>
        index === 0
          ? message(
              "msg_1",
              [
                { type: "text", text: "Let me check." },
                { type: "tool_use", id: "toolu_1", name: "query_metrics", input: { metric: "revenue", period: "yesterday" }, caller: { type: "direct" } },
                { type: "tool_use", id: "toolu_2", name: "query_metrics", input: { metric: "orders", period: "yesterday" }, caller: { type: "direct" } },
              ],
              "tool_use",
            )
          : message("msg_2", [{ type: "text", text: "Revenue yesterday was $1,200 over 10 orders." }], "end_turn"),
      ),
    );
    const model = modelAt(server.url).bindTools([queryMetrics]);
    const system = new SystemMessage("You are the analytics agent.");
    const question = new HumanMessage("How did we do yesterday?");

    const first = (await model.invoke([system, question])) as AIMessage;
    expect(first.id).toBe("msg_1");
    expect(first.content).toBe("Let me check.");
    expect(first.tool_calls).toEqual([
      { type: "tool_call", id: "toolu_1", name: "query_metrics", args: { metric: "revenue", period: "yesterday" } },
      { type: "tool_call", id: "toolu_2", name: "query_metrics", args: { metric: "orders", period: "yesterday" } },
    ]);
    expect(first.usage_metadata).toMatchObject({ input_tokens: 130, output_tokens: 30, total_tokens: 160, input_token_details: { cache_read: 10 } });
    expect(first.response_metadata).toMatchObject({ stop_reason: "tool_use", model_provider: "anthropic" });

    const results = [
      new ToolMessage({ content: '{"ok":true,"data":{"value":1200}}', tool_call_id: "toolu_1" }),
      new ToolMessage({ content: '{"ok":false,"error":{"code":"no_data"}}', tool_call_id: "toolu_2", status: "error" }),
    ];
    const second = (await model.invoke([system, question, first, ...results])) as AIMessage;
    expect(second.content).toBe("Revenue yesterday was $1,200 over 10 orders.");
    expect(second.tool_calls).toEqual([]);

    const [firstRequest, secondRequest] = server.requests.map((request) => requestSchema.parse(request.body));
    expect(firstRequest?.system).toBe("You are the analytics agent.");
    expect(firstRequest?.max_tokens).toBe(512);
    expect(firstRequest?.tools?.[0]).toMatchObject({
      name: "query_metrics",
      description: "Read a store metric for a period.",
      input_schema: { type: "object", properties: { metric: { type: "string", description: "Metric name, e.g. revenue." } }, required: ["metric", "period"] },
    });
    expect(firstRequest?.tools?.[0]?.input_schema).not.toHaveProperty("$schema");
    // Both tool results travel in one user turn, in order, the failed one flagged.
    expect(secondRequest?.messages.at(-1)).toEqual({
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: "toolu_1", content: '{"ok":true,"data":{"value":1200}}' },
        { type: "tool_result", tool_use_id: "toolu_2", content: '{"ok":false,"error":{"code":"no_data"}}', is_error: true },
      ],
    });
    expect(secondRequest?.messages[1]).toEqual({
      role: "assistant",
      content: [
        { type: "text", text: "Let me check." },
        { type: "tool_use", id: "toolu_1", name: "query_metrics", input: { metric: "revenue", period: "yesterday" } },
        { type: "tool_use", id: "toolu_2", name: "query_metrics", input: { metric: "orders", period: "yesterday" } },
      ],
    });
  });

  it("drives a createAgent tool loop", async () => {
    server = await startLocalJsonServer(
      messagesApi((_body, index) =>
        index === 0
          ? message("msg_a", [{ type: "tool_use", id: "toolu_a", name: "query_metrics", input: { metric: "revenue", period: "last_7_days" } }], "tool_use")
          : message("msg_b", [{ type: "text", text: "Revenue for the last 7 days: 9,870." }], "end_turn"),
      ),
    );
    const runs: unknown[] = [];
    const metrics = tool(
      (args) => {
        runs.push(args);
        return '{"ok":true,"data":{"value":9870}}';
      },
      { name: "query_metrics", description: "Read a store metric for a period.", schema: queryMetrics.schema },
    );
    const agent = createAgent({ model: modelAt(server.url), tools: [metrics], systemPrompt: "You are the analytics agent." });
    const result = await agent.invoke({ messages: [new HumanMessage("Revenue last week?")] });
    expect(runs).toEqual([{ metric: "revenue", period: "last_7_days" }]);
    expect(result.messages.at(-1)?.content).toBe("Revenue for the last 7 days: 9,870.");
    expect(server.requests).toHaveLength(2);
  });

  it("maps tool_choice and stop sequences", () => {
    const model = modelAt("http://127.0.0.1:9");
    const body = model.requestBody([new HumanMessage("hi")], { tools: [queryMetrics], tool_choice: "query_metrics", stop: ["\n\n"] });
    expect(body.tool_choice).toEqual({ type: "tool", name: "query_metrics" });
    expect(body.stop_sequences).toEqual(["\n\n"]);
    expect(model.requestBody([new HumanMessage("hi")], { tools: [queryMetrics], tool_choice: "any" }).tool_choice).toEqual({ type: "any" });
    expect(model.requestBody([new HumanMessage("hi")], {})).not.toHaveProperty("tools");
  });

  it("turns a 429 into a rate-limit error that says when to retry", async () => {
    server = await startLocalJsonServer(() => apiError(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", { "retry-after": "7" }));
    const error = await modelAt(server.url)
      .invoke([new HumanMessage("hi")])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelProviderError);
    expect(error).toMatchObject({ provider: "anthropic", kind: "rate_limited", status: 429, retryAfterMs: 7000, retryable: true });
    expect(String(error)).toMatch(/Anthropic rate limit reached \(429\): retry in 7 s/);
    expect(server.requests).toHaveLength(1);
  });

  it("names the key on a 401, and says overloaded on a 529", async () => {
    server = await startLocalJsonServer(messagesApi(() => apiError(529, "overloaded_error", "Overloaded")));
    const wrongKey = new AnthropicChatModel({ apiKey: "wrong", baseURL: server.url, model: "claude-sonnet-5-5", maxTokens: 64, maxRetries: 0 });
    const refused = await wrongKey.invoke([new HumanMessage("hi")]).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ kind: "auth", status: 401, retryable: false });
    expect(String(refused)).toMatch(/Anthropic refused the API key \(401\): check ANTHROPIC_API_KEY/);
    await expect(modelAt(server.url).invoke([new HumanMessage("hi")])).rejects.toMatchObject({ kind: "overloaded", status: 529, retryable: true });
  });

  it("reports an unreachable endpoint as a connection error", async () => {
    server = await startLocalJsonServer(() => ({ status: 200, body: {} }));
    const url = server.url;
    await server.close();
    server = undefined;
    await expect(modelAt(url).invoke([new HumanMessage("hi")])).rejects.toMatchObject({ kind: "connection", status: null });
  });
});
