import { HumanMessage, SystemMessage, ToolMessage, type AIMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startLocalJsonServer, type JsonReply, type LocalJsonServer, type RecordedRequest } from "./local-json-server.ts";
import { acceptsTemperature, createOpenAIChatModel } from "./openai-chat-model.ts";
import { ModelProviderError } from "./provider-error.ts";

const API_KEY = "sk-openai-test";

const toolCallSchema = z.object({ id: z.string().min(1), type: z.literal("function"), function: z.object({ name: z.string(), arguments: z.string() }) });
const messageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.enum(["system", "developer"]), content: z.string() }),
  z.object({ role: z.literal("user"), content: z.union([z.string(), z.array(z.unknown())]) }),
  z.object({ role: z.literal("assistant"), content: z.string().nullable().optional(), tool_calls: z.array(toolCallSchema).optional() }),
  z.object({ role: z.literal("tool"), content: z.string(), tool_call_id: z.string().min(1) }),
]);
const requestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  tools: z
    .array(z.object({ type: z.literal("function"), function: z.object({ name: z.string(), description: z.string().optional(), parameters: z.object({ type: z.literal("object") }).loose() }) }))
    .optional(),
  temperature: z.number().min(0).max(2).optional(),
  stream: z.literal(false).optional(),
});

function apiError(status: number, message: string, headers?: Record<string, string>): JsonReply {
  return { status, body: { error: { message, type: "invalid_request_error", code: null, param: null } }, ...(headers ? { headers } : {}) };
}

/** A stand-in for POST /v1/chat/completions that checks the contract before answering. */
function chatCompletions(answer: (body: z.output<typeof requestSchema>, index: number) => JsonReply) {
  return (request: RecordedRequest, index: number): JsonReply => {
    if (request.method !== "POST" || request.path !== "/v1/chat/completions") return apiError(404, `no route ${request.path}`);
    if (request.headers.authorization !== `Bearer ${API_KEY}`) return apiError(401, "Incorrect API key provided");
    const parsed = requestSchema.safeParse(request.body);
    if (!parsed.success) return apiError(400, z.prettifyError(parsed.error));
    // Every assistant tool call must be answered by a tool message before the next assistant turn.
    const open = new Set<string>();
    for (const message of parsed.data.messages) {
      if (message.role === "assistant") {
        if (open.size > 0) return apiError(400, "An assistant message with 'tool_calls' must be followed by tool messages");
        for (const call of message.tool_calls ?? []) open.add(call.id);
      } else if (message.role === "tool") {
        if (!open.delete(message.tool_call_id)) return apiError(400, "tool message without a preceding tool_calls entry");
      }
    }
    return answer(parsed.data, index);
  };
}

function completion(id: string, message: Record<string, unknown>, finishReason: string): JsonReply {
  return {
    status: 200,
    body: {
      id,
      object: "chat.completion",
      created: 1_780_000_000,
      model: "gpt-4.1-mini-2025-04-14",
      choices: [{ index: 0, message: { role: "assistant", refusal: null, ...message }, finish_reason: finishReason, logprobs: null }],
      usage: { prompt_tokens: 80, completion_tokens: 20, total_tokens: 100 },
    },
  };
}

const inventoryStatus = tool(() => "unused", {
  name: "inventory_status",
  description: "Stock on hand and days of cover.",
  schema: z.object({ product: z.string().describe("Product title or SKU.") }),
});

let server: LocalJsonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createOpenAIChatModel", () => {
  it("runs a tool-calling round trip against Chat Completions", async () => {
    server = await startLocalJsonServer(
      chatCompletions((_body, index) =>
        index === 0
          ? completion(
              "chatcmpl-1",
              { content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "inventory_status", arguments: '{"product":"Basic tee"}' } }] },
              "tool_calls",
            )
          : completion("chatcmpl-2", { content: "You have 14 Basic tees, about 5 days of cover." }, "stop"),
      ),
    );
    const model = createOpenAIChatModel({ apiKey: API_KEY, baseURL: `${server.url}/v1`, model: "gpt-4.1-mini", maxRetries: 0 }).bindTools([inventoryStatus]);
    const history = [new SystemMessage("You are the commerce operations agent."), new HumanMessage("How many basic tees are left?")];

    const first = (await model.invoke(history)) as AIMessage;
    expect(first.tool_calls).toEqual([{ type: "tool_call", id: "call_1", name: "inventory_status", args: { product: "Basic tee" } }]);

    const result = new ToolMessage({ content: '{"ok":true,"data":{"onHand":14}}', tool_call_id: "call_1" });
    const second = (await model.invoke([...history, first, result])) as AIMessage;
    expect(second.content).toBe("You have 14 Basic tees, about 5 days of cover.");
    expect(second.usage_metadata).toMatchObject({ input_tokens: 80, output_tokens: 20, total_tokens: 100 });

    const [firstRequest, secondRequest] = server.requests.map((request) => requestSchema.parse(request.body));
    expect(firstRequest?.temperature).toBe(0);
    expect(firstRequest?.tools?.[0]?.function).toMatchObject({
      name: "inventory_status",
      parameters: { type: "object", properties: { product: { type: "string", description: "Product title or SKU." } } },
    });
    expect(secondRequest?.messages.at(-1)).toEqual({ role: "tool", content: '{"ok":true,"data":{"onHand":14}}', tool_call_id: "call_1" });
  });

  it("turns a 429 into a rate-limit error with the retry delay", async () => {
    server = await startLocalJsonServer(() => apiError(429, "Rate limit reached for gpt-4.1-mini", { "retry-after-ms": "1500" }));
    const model = createOpenAIChatModel({ apiKey: API_KEY, baseURL: `${server.url}/v1`, model: "gpt-4.1-mini", maxRetries: 0 });
    const error = await model.invoke([new HumanMessage("hi")]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelProviderError);
    expect(error).toMatchObject({ provider: "openai", kind: "rate_limited", status: 429, retryAfterMs: 1500 });
  });

  it("sends temperature only to models that accept it", () => {
    expect(acceptsTemperature("gpt-4.1-mini")).toBe(true);
    expect(acceptsTemperature("gpt-4o")).toBe(true);
    expect(acceptsTemperature("gpt-5-mini")).toBe(false);
    expect(acceptsTemperature("gpt-5-chat-latest")).toBe(true);
    expect(acceptsTemperature("gpt-6-luna")).toBe(false);
    expect(acceptsTemperature("o3")).toBe(false);
    expect(createOpenAIChatModel({ apiKey: API_KEY, model: "gpt-5.5" }).temperature).toBeUndefined();
  });
});
