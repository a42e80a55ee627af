/**
 * Conversation memory in English, Spanish and Portuguese: recall questions (recall_memory with what to
 * look for, the time named and the kind of thing referred to), facts to keep (remember_fact, asked for
 * or simply stated), "forget that" (forget_memory); and the questions that must not become facts.
 */
import { describe, expect, it } from "vitest";
import { SPORTS_STORE, US_STORE } from "./fixtures.ts";
import { run, schemaIssues, summarize, type CaseOptions, type Expected } from "./test-helpers.ts";

const BR = { context: SPORTS_STORE } as const;
const US = { context: US_STORE } as const;
const agent = "memory";

const CASES: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["what did we decide about the summer sale?", US, { lang: "en", kind: "tool", agent, tool: "recall_memory", args: { query: "summer sale", range: null, about: "anything", subject: null } }],
  ["¿qué te pregunté ayer sobre Meta?", {}, { lang: "es", kind: "tool", agent, tool: "recall_memory", args: { query: "Meta", range: { kind: "yesterday" }, about: "conversation" } }],
  ["the product we talked about", US, { lang: "en", kind: "tool", agent, tool: "recall_memory", args: { subject: "product" } }],
  ["¿de qué producto hablamos ayer?", {}, { lang: "es", kind: "tool", agent, tool: "recall_memory", args: { subject: "product", range: { kind: "yesterday" } } }],
  ["o que decidimos sobre a promoção de verão?", BR, { lang: "pt", kind: "tool", agent, tool: "recall_memory", args: { query: "promoção de verão", about: "anything" } }],
  ["o que eu te perguntei ontem sobre o Meta?", BR, { lang: "pt", kind: "tool", agent, tool: "recall_memory", args: { query: "Meta", range: { kind: "yesterday" }, about: "conversation" } }],
  ["¿recuerdas qué decidimos del envío gratis?", {}, { lang: "es", kind: "tool", agent, tool: "recall_memory", args: { query: "envío gratis" } }],
  ["do you remember what I said about shipping?", US, { lang: "en", kind: "tool", agent, tool: "recall_memory", args: { query: "shipping" } }],
  ["remember that we never discount the Classic line", US, { lang: "en", kind: "tool", agent, tool: "remember_fact", args: { statement: "we never discount the Classic line" } }],
  ["we never discount the Classic line", US, { lang: "en", kind: "tool", agent, tool: "remember_fact", args: { statement: "we never discount the Classic line" } }],
  ["our cost for SKU 123 went up to 210", US, { lang: "en", kind: "tool", agent, tool: "remember_fact", args: { statement: "our cost for SKU 123 went up to 210" } }],
  ["nuestro costo del SKU 123 subió a 210", {}, { lang: "es", kind: "tool", agent, tool: "remember_fact", args: { statement: "nuestro costo del SKU 123 subió a 210" } }],
  ["anota que nunca hacemos descuentos en la línea Clásica", {}, { lang: "es", kind: "tool", agent, tool: "remember_fact", args: { statement: "nunca hacemos descuentos en la línea Clásica" } }],
  ["o custo do SKU 123 subiu para 210", BR, { lang: "pt", kind: "tool", agent, tool: "remember_fact", args: { statement: "o custo do SKU 123 subiu para 210" } }],
  ["lembre que nunca damos desconto na linha Classic", BR, { lang: "pt", kind: "tool", agent, tool: "remember_fact", args: { statement: "nunca damos desconto na linha Classic" } }],
  ["what did Ana ask about Meta?", US, { lang: "en", kind: "tool", agent, tool: "recall_memory", args: { query: "Meta", about: "conversation" } }],
  ["¿qué dijo Beto sobre el envío?", {}, { lang: "es", kind: "tool", agent, tool: "recall_memory", args: { query: "envío", about: "anything" } }],
  ["o que a Carla disse sobre o frete?", BR, { kind: "tool", agent, tool: "recall_memory", args: { query: "frete" } }],
  ["forget that", US, { lang: "en", kind: "tool", agent, tool: "forget_memory", args: { about: null } }],
  ["olvídalo", {}, { lang: "es", kind: "tool", agent, tool: "forget_memory", args: { about: null } }],
  ["esquece isso", BR, { lang: "pt", kind: "tool", agent, tool: "forget_memory", args: { about: null } }],
  ["forget what I said about the Classic line", US, { lang: "en", kind: "tool", agent, tool: "forget_memory", args: { about: "the Classic line" } }],
  ["olvida lo que dije sobre la línea Clásica", {}, { lang: "es", kind: "tool", agent, tool: "forget_memory", args: { about: "la línea Clásica" } }],
];

/** Questions and orders that are not memory: they keep their own tools. */
const NOT_MEMORY: ReadonlyArray<readonly [string, CaseOptions, string]> = [
  ["how much did we sell yesterday?", US, "query_metrics"],
  ["¿cuánto vendimos ayer?", {}, "query_metrics"],
  ["quanto vendemos ontem?", BR, "query_metrics"],
  ["what is our cost for SKU 123?", US, "not remember_fact"],
  ["¿nunca hacemos descuentos?", {}, "not remember_fact"],
];

describe("memory intents", () => {
  it.each(CASES)("%s", (text, options, expected) => {
    const understanding = run(text, options);
    expect(summarize(understanding)).toMatchObject(expected);
    expect(schemaIssues(understanding)).toEqual([]);
  });

  it.each(NOT_MEMORY)("%s is not a memory order", (text, options, expected) => {
    const intent = run(text, options).intent;
    if (expected === "not remember_fact") {
      expect(intent.kind === "tool" && intent.tool === "remember_fact").toBe(false);
    } else {
      expect(intent).toMatchObject({ kind: "tool", tool: expected });
    }
  });
});
