/**
 * Which embedder the product uses: OpenAI's when OPENAI_API_KEY is set (better paraphrase recall,
 * one network call per batch), else the offline lexical embedder, which needs nothing. Stored vectors
 * carry the embedder's id, so a change of choice shows up as vectors to re-embed.
 */
import type { ProviderEndpoint } from "../../config/index.ts";
import type { Embedder } from "./embedder.ts";
import { LexicalEmbedder } from "./lexical-embedder.ts";
import { OpenAIEmbedder } from "./openai-embedder.ts";

/** The slice of AppConfig the choice reads. */
export interface EmbedderConfig {
  readonly models: { readonly openai: ProviderEndpoint };
}

export function chooseEmbedder(config: EmbedderConfig, options: { readonly fetch?: typeof fetch } = {}): Embedder {
  const { apiKey, baseURL } = config.models.openai;
  if (apiKey === null) return new LexicalEmbedder();
  return new OpenAIEmbedder({ apiKey, baseURL, ...(options.fetch ? { fetch: options.fetch } : {}) });
}
