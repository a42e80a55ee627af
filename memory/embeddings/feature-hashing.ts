/**
 * Signed feature hashing: a named feature ("c:promotion", "s:vend", "g:#ven") lands on one of the
 * vector's dimensions with a sign, both taken from a 32-bit FNV-1a hash. The sign makes collisions
 * cancel out on average instead of piling up, so 384 dimensions hold a few dozen features per
 * message with little interference. Deterministic across processes and machines.
 */

/** FNV-1a over UTF-16 code units, with a final avalanche so nearby strings spread. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Adds `weight` for the feature into `vector` at its hashed dimension, with its hashed sign. */
export function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const h = hash32(feature);
  const index = h % vector.length;
  const sign = (h & 0x80000000) === 0 ? 1 : -1;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}
