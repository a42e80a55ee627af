import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/index.ts";
import { chooseEmbedder } from "./choose-embedder.ts";
import { OFFLINE_LEXICAL_ID } from "./lexical-embedder.ts";

describe("chooseEmbedder", () => {
  it("picks the offline embedder when no OpenAI key is set", () => {
    const embedder = chooseEmbedder(loadConfig({}));
    expect(embedder.id).toBe(OFFLINE_LEXICAL_ID);
    expect(embedder.dimensions).toBe(384);
  });

  it("picks OpenAI's text-embedding-3-small at 384 dimensions when the key is set", () => {
    const embedder = chooseEmbedder(loadConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }));
    expect(embedder.id).toBe("openai:text-embedding-3-small@384");
  });
});
