/** The case schema: a tool case answers, or clarifies when the tool itself asks back; it never refuses. */
import { describe, expect, it } from "vitest";
import { evalCaseSchema } from "./case-schema.ts";

const base = { id: "pt-900", language: "pt", workspace: "demo-br", question: "muda o preço do shampoo liso perfeito pra 34,90" } as const;
const propose = { agent: "commerce_ops", tool: "propose_price_change", args: { product: "Shampoo Liso Perfeito", priceCents: 3490 } } as const;

describe("evalCaseSchema", () => {
  it("takes a tool case that answers or that the tool turns into a question", () => {
    expect(evalCaseSchema.safeParse({ ...base, expect: { ...propose, kind: "answer" } }).success).toBe(true);
    expect(evalCaseSchema.safeParse({ ...base, expect: { ...propose, kind: "clarify" } }).success).toBe(true);
  });

  it("rejects a tool case that refuses, and pricing arguments the tool's schema rejects", () => {
    expect(evalCaseSchema.safeParse({ ...base, expect: { ...propose, kind: "refuse" } }).success).toBe(false);
    expect(evalCaseSchema.safeParse({ ...base, expect: { ...propose, args: { product: "Shampoo Liso Perfeito", priceCents: 34.9 }, kind: "answer" } }).success).toBe(false);
    expect(evalCaseSchema.safeParse({ ...base, expect: { agent: "analytics", tool: "price_changes", kind: "answer" } }).success).toBe(false);
  });
});
