/** Outcome data back as the types the memory tools wrote (it crossed the graph as unknown), checked with zod. */
import { z } from "zod";
import type { ForgetData, RecallData, RememberData } from "../../../tools/memory/memory-data.ts";

const subject = z.object({ kind: z.string(), label: z.string() });

const claim = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("no_discount") }),
  z.object({ kind: z.literal("cost"), costCents: z.number(), currency: z.string() }),
  z.object({ kind: z.literal("decision") }),
  z.object({ kind: z.literal("note") }),
]);

const fact = z.object({
  id: z.number(),
  statement: z.string(),
  claim,
  subjects: z.array(subject.extend({ products: z.number().optional() })),
  saidBy: z.string().nullable(),
  byAsker: z.boolean(),
  channel: z.string(),
  at: z.string(),
});

const recallData = z.object({
  query: z.string(),
  range: z.object({ start: z.string(), end: z.string(), label: z.string() }).nullable(),
  subject: z.enum(["product", "campaign", "competitor"]).nullable().optional(),
  memories: z.array(
    z.object({
      kind: z.enum(["message", "fact", "summary", "tool_result"]),
      text: z.string(),
      speaker: z.enum(["member", "assistant", "tool", "unknown"]),
      speakerName: z.string().nullable(),
      byAsker: z.boolean(),
      channel: z.string().nullable(),
      at: z.string(),
      private: z.boolean(),
      subjects: z.array(subject),
    }),
  ),
});

export function readRecallData(data: unknown): RecallData | null {
  const parsed = recallData.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function readRememberData(data: unknown): RememberData | null {
  const parsed = z.object({ fact, created: z.boolean() }).safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function readForgetData(data: unknown): ForgetData | null {
  const parsed = z.object({ forgotten: fact }).safeParse(data);
  return parsed.success ? parsed.data : null;
}
