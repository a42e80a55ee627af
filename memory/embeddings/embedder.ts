/**
 * The embeddings provider interface: turns texts into unit-length vectors that the memory store
 * (memory_embeddings, pgvector cosine) compares. Every vector is stored with the embedder's id, so a
 * change of provider or of the offline model's version can be found and re-embedded.
 */
import { EMBEDDING_DIMENSIONS } from "../../db/migrations/20261121110600_memory.ts";

export { EMBEDDING_DIMENSIONS };

export interface Embedder {
  /** Model and version, stored per vector (e.g. "offline-lexical-v1", "openai:text-embedding-3-small@384"). */
  readonly id: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order (a text with nothing to embed gets all zeros: see `unitOrZero`). */
  embed(texts: readonly string[]): Promise<number[][]>;
}

/**
 * Scales a vector to unit length in place and returns it. A vector with no features (an empty
 * message, only punctuation) stays all zeros: cosine distance to it is undefined, and pgvector
 * answers NaN, which sorts last, so such memories are never recalled rather than recalled at random.
 */
export function unitOrZero(vector: Float64Array): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = norm > 0 ? (vector[i] ?? 0) / norm : 0;
  return out;
}

/** Cosine similarity of two vectors of the same length (1 = same direction). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`cannot compare vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
