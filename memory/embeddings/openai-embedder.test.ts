import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { OpenAIEmbedder } from "./openai-embedder.ts";

interface Seen {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: { model: string; input: string[]; dimensions: number; encoding_format: string };
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** A stand-in for POST /v1/embeddings on 127.0.0.1 that records each request. */
async function fakeOpenAI(reply: (seen: Seen) => Reply): Promise<{ baseURL: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: Seen = { path: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Seen["body"] };
      seen.push(request);
      const answer = reply(request);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return { baseURL: `http://127.0.0.1:${address.port}/v1`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A 384-dimensional vector of length `scale` pointing along `axis`, as the API would send (unscaled on purpose). */
function along(axis: number, scale = 2): number[] {
  const vector = new Array<number>(384).fill(0);
  vector[axis] = scale;
  return vector;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("OpenAI embedder", () => {
  it("asks for text-embedding-3-small at 384 dimensions and returns unit vectors in input order", async () => {
    const fake = await fakeOpenAI(({ body }) => ({
      status: 200,
      // Answered out of order: the embedder must place each vector by its index.
      body: { object: "list", model: body.model, data: body.input.map((_, index) => ({ object: "embedding", index, embedding: along(index) })).reverse() },
    }));
    close = fake.close;
    const embedder = new OpenAIEmbedder({ apiKey: "sk-test", baseURL: `${fake.baseURL}/` });
    const vectors = await embedder.embed(["summer sale", "", "rebajas de verano"]);

    expect(fake.seen).toHaveLength(1);
    expect(fake.seen[0]?.path).toBe("/v1/embeddings");
    expect(fake.seen[0]?.headers.authorization).toBe("Bearer sk-test");
    expect(fake.seen[0]?.body).toEqual({ model: "text-embedding-3-small", input: ["summer sale", "rebajas de verano"], dimensions: 384, encoding_format: "float" });
    expect(vectors[0]?.[0]).toBe(1);
    expect(vectors[1]?.every((value) => value === 0)).toBe(true);
    expect(vectors[2]?.[1]).toBe(1);
  });

  it("reports a 429 as rate_limited with the server's retry-after, and a 401 as auth", async () => {
    let status = 429;
    const fake = await fakeOpenAI(() => ({ status, body: { error: { message: "slow down", code: "rate_limit_exceeded" } }, headers: { "retry-after": "7" } }));
    close = fake.close;
    const embedder = new OpenAIEmbedder({ apiKey: "sk-test", baseURL: fake.baseURL });

    const limited = await embedder.embed(["hola"]).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ProviderError);
    expect((limited as ProviderError).failure).toEqual({ kind: "rate_limited", retryAfterMs: 7000 });

    status = 401;
    const refused = await embedder.embed(["hola"]).catch((error: unknown) => error);
    expect((refused as ProviderError).failure).toEqual({ kind: "auth" });
  });

  it("refuses an answer whose vectors are not 384-dimensional", async () => {
    const fake = await fakeOpenAI(() => ({ status: 200, body: { data: [{ index: 0, embedding: [0.1, 0.2] }] } }));
    close = fake.close;
    const failure = await new OpenAIEmbedder({ apiKey: "sk-test", baseURL: fake.baseURL }).embed(["x"]).catch((error: unknown) => error);
    expect((failure as ProviderError).failure.kind).toBe("permanent");
  });
});
