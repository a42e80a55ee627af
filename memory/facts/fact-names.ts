/**
 * The names a fact answers to in a question or an answer: a product's title, a line's name ("classic"
 * for "the Classic line"), a variant's product title and SKU, a campaign's or competitor's name, a
 * topic ("summer sale"). People are left out: a first name alone matches too much.
 */
import { assertNever } from "../../lib/assert-never.ts";
import type { Fact, FactSubject } from "./types.ts";

const VARIANT_LABEL = /^(?<title>.*?)(?: \/ [^(]*)? \(SKU (?<sku>[^)]*)\)$/;

function subjectNames(subject: FactSubject): string[] {
  switch (subject.kind) {
    case "product":
    case "campaign":
    case "competitor":
    case "topic":
      return [subject.label];
    case "product_line":
      return [subject.key.replace(/^line:/, "")];
    case "variant": {
      const match = VARIANT_LABEL.exec(subject.label);
      return [match?.groups?.["title"], match?.groups?.["sku"]].filter((name): name is string => name !== undefined && name.trim() !== "");
    }
    case "member":
      return [];
    default:
      return assertNever(subject.kind, "fact subject kind");
  }
}

export function factNames(fact: Pick<Fact, "subjects">): string[] {
  return [...new Set(fact.subjects.flatMap(subjectNames))];
}
