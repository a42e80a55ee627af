/**
 * The offline default embedder: no network, no model file, deterministic. A message becomes a sum of
 * weighted features hashed into 384 signed dimensions (feature-hashing.ts):
 *
 * - concepts (concept-lexicon.ts), which carry meaning across English, Spanish and Portuguese
 *   ("rebajas de verano" and "summer sale" share `promotion` and `summer`);
 * - word stems (text-features.ts), which carry the exact topic within a language, inflections included;
 * - character trigrams of each word, which absorb typos and catch cognates the lexicon lacks
 *   ("inventario"/"inventory", "cliente"/"client").
 *
 * Weighted concept > stem > trigram, because a shared concept is the strongest evidence that two
 * messages talk about the same thing. memory/EMBEDDINGS.md has the measurements behind the weights.
 */
import { findConcepts } from "./concepts.ts";
import { EMBEDDING_DIMENSIONS, unitOrZero, type Embedder } from "./embedder.ts";
import { addFeature } from "./feature-hashing.ts";
import { isStopWord, stem, words } from "./text-features.ts";

/** Bump the version whenever features, weights or the lexicon change: stored vectors are then stale. */
export const OFFLINE_LEXICAL_ID = "offline-lexical-v1";

export interface LexicalWeights {
  /** Per concept found. */
  readonly concept: number;
  /** Per word stem (function words excluded). */
  readonly stem: number;
  /** Per word, spread over its character trigrams. */
  readonly trigram: number;
}

export const DEFAULT_LEXICAL_WEIGHTS: LexicalWeights = { concept: 1, stem: 0.6, trigram: 0.35 };

/** Words shorter than this get no trigrams: they are whole in their stem feature already. */
const TRIGRAM_MIN_LENGTH = 4;

function addTrigrams(vector: Float64Array, word: string, weight: number): void {
  const padded = `#${word}#`;
  const count = padded.length - 2;
  const each = weight / Math.sqrt(count);
  for (let i = 0; i < count; i++) addFeature(vector, `g:${padded.slice(i, i + 3)}`, each);
}

/** The feature vector of one text, before normalisation. */
export function lexicalFeatures(text: string, weights: LexicalWeights, dimensions: number): Float64Array {
  const vector = new Float64Array(dimensions);
  const tokens = words(text);
  const stems = tokens.map(stem);
  if (weights.concept > 0) {
    for (const hit of findConcepts(stems)) addFeature(vector, `c:${hit.concept}`, weights.concept * hit.weight);
  }
  tokens.forEach((word, i) => {
    if (isStopWord(word)) return;
    if (weights.stem > 0) addFeature(vector, `s:${stems[i] ?? word}`, weights.stem);
    if (weights.trigram > 0 && word.length >= TRIGRAM_MIN_LENGTH && !/\d/.test(word)) addTrigrams(vector, word, weights.trigram);
  });
  return vector;
}

export class LexicalEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly weights: LexicalWeights;

  /** Other weights than the defaults are for measuring (bench/embeddings.ts); they get their own id. */
  constructor(options: { readonly weights?: LexicalWeights; readonly dimensions?: number } = {}) {
    this.weights = options.weights ?? DEFAULT_LEXICAL_WEIGHTS;
    this.dimensions = options.dimensions ?? EMBEDDING_DIMENSIONS;
    const custom = options.weights !== undefined || options.dimensions !== undefined;
    this.id = custom ? `${OFFLINE_LEXICAL_ID}+c${this.weights.concept}s${this.weights.stem}g${this.weights.trigram}d${this.dimensions}` : OFFLINE_LEXICAL_ID;
  }

  embed(texts: readonly string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => unitOrZero(lexicalFeatures(text, this.weights, this.dimensions))));
  }
}
