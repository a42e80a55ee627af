/** A stored fact as the memory tools show it to the model and the composers. */
import type { Fact } from "../../memory/facts/types.ts";
import type { FactView } from "./memory-data.ts";

export function factView(fact: Fact, askerId: number | null): FactView {
  return {
    id: fact.id,
    statement: fact.statement,
    claim: fact.claim,
    subjects: fact.subjects.map((subject) => ({ kind: subject.kind, label: subject.label, products: subject.productIds.length })),
    saidBy: fact.saidBy.name,
    // The terminal and the local web chat are the machine's owner (no member): their facts are theirs.
    byAsker: fact.saidBy.memberId === askerId,
    channel: fact.channel,
    at: fact.createdAt.toISOString(),
  };
}
