/**
 * The baseline the offline embedder is measured against (bench/embeddings.ts): every word, lower
 * case and without accents, hashed into 384 signed dimensions with equal weight. No stemming, no
 * function-word list, no concepts: what the plain "hashing trick" gives.
 */
import { EMBEDDING_DIMENSIONS, unitOrZero, type Embedder } from "./embedder.ts";
import { addFeature } from "./feature-hashing.ts";
import { words } from "./text-features.ts";

export class WordHashEmbedder implements Embedder {
  readonly id = "baseline-word-hash-v1";
  readonly dimensions = EMBEDDING_DIMENSIONS;

  embed(texts: readonly string[]): Promise<number[][]> {
    return Promise.resolve(
      texts.map((text) => {
        const vector = new Float64Array(this.dimensions);
        for (const word of words(text)) addFeature(vector, `w:${word}`, 1);
        return unitOrZero(vector);
      }),
    );
  }
}
