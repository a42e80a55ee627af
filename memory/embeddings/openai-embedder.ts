/**
 * OpenAI embeddings (text-embedding-3-small, shortened by the API to the store's 384 dimensions).
 * This file is the one HTTP choke point for the embeddings endpoint: it zod-parses the answer and
 * maps failures to ProviderError (429 → rate_limited, 5xx and no answer → transient, 401/403 → auth,
 * anything else → permanent), so the re-embedding job can retry or stop without knowing OpenAI.
 */
import { z } from "zod";
import { ProviderError, retryAfterMs } from "../../lib/provider-error.ts";
import { EMBEDDING_DIMENSIONS, unitOrZero, type Embedder } from "./embedder.ts";

export const OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";
const DEFAULT_BASE_URL = "https://api.openai.com/v1";
/** Inputs per request: well under the API's 2,048, so one slow request never holds a whole backlog. */
const BATCH_SIZE = 256;
const RATE_LIMIT_FALLBACK_MS = 10_000;

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

const errorSchema = z.object({ error: z.object({ message: z.string(), code: z.string().nullable().optional() }) });

export interface OpenAIEmbedderOptions {
  readonly apiKey: string;
  /** Null or absent: the public API. Ends in /v1 (as OPENAI_BASE_URL). */
  readonly baseURL?: string | null;
  readonly model?: string;
  readonly timeoutMs?: number;
  /** Tests pass their own; production uses the global fetch. */
  readonly fetch?: typeof fetch;
}

export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions = EMBEDDING_DIMENSIONS;
  private readonly endpoint: string;
  private readonly model: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: OpenAIEmbedderOptions) {
    this.model = options.model ?? OPENAI_EMBEDDING_MODEL;
    this.id = `openai:${this.model}@${this.dimensions}`;
    this.endpoint = `${(options.baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, "")}/embeddings`;
    this.apiKey = options.apiKey;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const vectors: number[][] = texts.map(() => new Array<number>(this.dimensions).fill(0));
    // The API refuses empty input; such texts keep the all-zero vector (never recalled).
    const pending = texts.map((text, index) => ({ text, index })).filter((item) => item.text.trim() !== "");
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      const embeddings = await this.request(batch.map((item) => item.text));
      batch.forEach((item, i) => {
        const embedding = embeddings[i];
        if (embedding) vectors[item.index] = embedding;
      });
    }
    return vectors;
  }

  /** One POST /embeddings; the vectors in input order, unit length. */
  private async request(input: readonly string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ model: this.model, input, dimensions: this.dimensions, encoding_format: "float" }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ProviderError("openai", { kind: "transient" }, `embeddings request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw failureOf(response, body);
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success) throw new ProviderError("openai", { kind: "transient" }, "embeddings answer has an unexpected shape");
    const byIndex = new Map(parsed.data.data.map((item) => [item.index, item.embedding]));
    return input.map((_, i) => {
      const embedding = byIndex.get(i);
      if (embedding?.length !== this.dimensions) {
        throw new ProviderError("openai", { kind: "permanent" }, `embedding ${i} missing or not ${this.dimensions}-dimensional`);
      }
      return unitOrZero(Float64Array.from(embedding));
    });
  }
}

function failureOf(response: Response, body: unknown): ProviderError {
  const parsed = errorSchema.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
  const code = parsed.success ? (parsed.data.error.code ?? null) : null;
  const status = response.status;
  if (status === 429) return new ProviderError("openai", { kind: "rate_limited", retryAfterMs: retryAfterMs(response.headers.get("retry-after"), RATE_LIMIT_FALLBACK_MS) }, message, code);
  if (status === 401 || status === 403) return new ProviderError("openai", { kind: "auth" }, message, code);
  if (status >= 500) return new ProviderError("openai", { kind: "transient" }, message, code);
  return new ProviderError("openai", { kind: "permanent" }, message, code);
}
