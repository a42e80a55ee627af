/**
 * The memory suite's cases (`datasets/memory-v1.jsonl`): an earlier conversation between the
 * members ana and beto across channels, a question by one of them, and the message recall should
 * bring back (its index), or, for a privacy case, the other member's private message that must never
 * come back. Validated with zod; every bad line is listed (DatasetError), as for the conversation suite.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { parseJsonlCases } from "./dataset.ts";

export const MEMORY_DATASET = "evals/datasets/memory-v1.jsonl";

export const MEMORY_MEMBERS = ["ana", "beto"] as const;
export type MemoryMember = (typeof MEMORY_MEMBERS)[number];

export const MEMORY_CHANNELS = ["whatsapp", "slack-dm", "slack-channel", "email"] as const;
export type MemoryChannel = (typeof MEMORY_CHANNELS)[number];

/** Private channels keep a message to its member; a Slack channel is the whole workspace's. */
export function isPrivateChannel(channel: MemoryChannel): boolean {
  switch (channel) {
    case "whatsapp":
    case "slack-dm":
    case "email":
      return true;
    case "slack-channel":
      return false;
  }
}

const isoInstant = z.string().refine((text) => !Number.isNaN(Date.parse(text)), "an ISO instant");

const messageSchema = z.object({
  at: isoInstant,
  channel: z.enum(MEMORY_CHANNELS),
  member: z.enum(MEMORY_MEMBERS),
  text: z.string().min(1),
});

export const memoryCaseSchema = z
  .object({
    id: z.string().regex(/^(en|es|pt|x)-m\d{3}$/, "<en|es|pt|x>-m<3 digits>"),
    /** The question's language. */
    language: z.enum(["en", "es", "pt"]),
    /** Asked in one language about something said in another. */
    crossLanguage: z.boolean().default(false),
    /** The moment of the question (recency is measured from it). */
    now: isoInstant,
    conversation: z.array(messageSchema).min(8).max(20),
    question: z.object({ member: z.enum(MEMORY_MEMBERS), text: z.string().min(1) }),
    /** Index in `conversation` of the message to recall; null for a privacy case. */
    expected: z.number().int().nonnegative().nullable(),
    /** Privacy case: the index of the other member's private message that matches and must not be recalled. */
    mustNotRecall: z.number().int().nonnegative().optional(),
    tags: z.array(z.string()).default([]),
  })
  .superRefine((value, ctx) => {
    const at = (index: number) => value.conversation[index];
    if (value.expected !== null) {
      const target = at(value.expected);
      if (!target) ctx.addIssue({ code: "custom", path: ["expected"], message: "no such message" });
      else if (isPrivateChannel(target.channel) && target.member !== value.question.member)
        ctx.addIssue({ code: "custom", path: ["expected"], message: "the expected message is another member's private message" });
    }
    if ((value.expected === null) !== (value.mustNotRecall !== undefined))
      ctx.addIssue({ code: "custom", path: ["mustNotRecall"], message: "a privacy case has expected null and a mustNotRecall index; others neither" });
    if (value.mustNotRecall !== undefined) {
      const secret = at(value.mustNotRecall);
      if (!secret || !isPrivateChannel(secret.channel) || secret.member === value.question.member)
        ctx.addIssue({ code: "custom", path: ["mustNotRecall"], message: "must be the other member's private message" });
    }
    for (const [index, message] of value.conversation.entries())
      if (Date.parse(message.at) > Date.parse(value.now)) ctx.addIssue({ code: "custom", path: ["conversation", index, "at"], message: "after the question's now" });
  });

export type MemoryCase = z.infer<typeof memoryCaseSchema>;

/** Parses JSONL text; blank lines and lines starting with // are skipped (evals/dataset.ts parseJsonlCases). */
export function parseMemoryDataset(text: string, source = "(inline)"): MemoryCase[] {
  return parseJsonlCases(text, memoryCaseSchema, source);
}

export async function loadMemoryDataset(file: string = MEMORY_DATASET): Promise<MemoryCase[]> {
  return parseMemoryDataset(await readFile(file, "utf8"), file);
}
