/**
 * Finds the concepts of the concept lexicon (CONCEPTS) in a message: forms of one word by stem, forms of several
 * words on consecutive words. Built once per process from the lexicon.
 */
import { CONCEPTS, WEAK_CONCEPTS } from "./concept-lexicon.ts";
import { stem, words } from "./text-features.ts";

export interface ConceptHit {
  readonly concept: string;
  /** Share of the form's weight: 1 for a form of one concept, less for an ambiguous one. */
  readonly weight: number;
  /** Index of the form's first and one-past-last word in the message. */
  readonly start: number;
  readonly end: number;
}

/** Longest form in words. */
const MAX_PHRASE = 4;

interface ConceptIndex {
  /** Stem key ("out of stock" → "out of stock" stemmed, words joined by spaces) → concepts. */
  readonly forms: ReadonlyMap<string, readonly string[]>;
}

function buildIndex(): ConceptIndex {
  const forms = new Map<string, string[]>();
  for (const [concept, list] of Object.entries(CONCEPTS)) {
    for (const form of list.split("|")) {
      const key = words(form).map(stem).join(" ");
      if (key === "") continue;
      const concepts = forms.get(key) ?? [];
      if (!concepts.includes(concept)) concepts.push(concept);
      forms.set(key, concepts);
    }
  }
  return { forms };
}

let index: ConceptIndex | undefined;

/**
 * The concepts in a message given as stems (all words, function words included), longest forms
 * first: the words of a matched phrase are not matched again on their own ("sold out" is a
 * stockout, not also a sale).
 */
export function findConcepts(stems: readonly string[]): ConceptHit[] {
  index ??= buildIndex();
  const hits: ConceptHit[] = [];
  const taken = new Array<boolean>(stems.length).fill(false);
  for (let size = Math.min(MAX_PHRASE, stems.length); size >= 1; size--) {
    for (let start = 0; start + size <= stems.length; start++) {
      if (taken.slice(start, start + size).some(Boolean)) continue;
      const concepts = index.forms.get(stems.slice(start, start + size).join(" "));
      if (concepts === undefined) continue;
      for (let i = start; i < start + size; i++) taken[i] = true;
      const share = 1 / Math.sqrt(concepts.length);
      for (const concept of concepts) hits.push({ concept, weight: share * (WEAK_CONCEPTS.get(concept) ?? 1), start, end: start + size });
    }
  }
  return hits;
}
