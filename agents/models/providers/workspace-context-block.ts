/**
 * The workspace context as the last block of a system prompt, and back. Real models read it as
 * text; the offline model parses it back with readWorkspaceContext. The JSON sits on one line
 * between fixed marker lines, so nothing inside it (a product called "</workspace-context>") can
 * end the block early.
 */
import { z } from "zod";
import { LANGUAGES } from "../../shared/language.ts";
import type { WorkspaceContext } from "../../shared/workspace-context.ts";

export const CONTEXT_OPEN = "<workspace-context>";
export const CONTEXT_CLOSE = "</workspace-context>";

const names = z.array(z.string());

/** Mirrors WorkspaceContext (agents/shared/workspace-context.ts); readWorkspaceContext's return type keeps the two in step. */
export const workspaceContextSchema = z.object({
  workspace: z.object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    locale: z.enum(LANGUAGES),
    weekStart: z.enum(["monday", "sunday"]),
  }),
  now: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO instant"),
  lexicon: z.object({
    products: z.array(z.object({ id: z.number().int(), title: z.string(), category: z.string().nullable(), skus: names })),
    categories: names,
    campaigns: z.array(z.object({ id: z.number().int(), name: z.string(), platform: z.string() })),
    platforms: names,
    channels: names,
    competitors: names,
    countries: names,
    states: names,
    cities: names,
    attributes: z.record(z.string(), names),
    has: z.object({
      orders: z.boolean(),
      subscriptions: z.boolean(),
      ads: z.boolean(),
      web: z.boolean(),
      inventory: z.boolean(),
      competitors: z.boolean(),
    }),
  }),
  facts: z.array(z.object({ statement: z.string(), saidBy: z.string().nullable(), at: z.string(), about: names })).optional(),
});

/** The block that ends every system prompt: marker line, fenced one-line JSON, marker line. */
export function workspaceContextBlock(context: WorkspaceContext): string {
  return [CONTEXT_OPEN, "```json", JSON.stringify(context), "```", CONTEXT_CLOSE].join("\n");
}

/** The workspace context in a system prompt's text (the last block), or null when absent or malformed. */
export function readWorkspaceContext(systemText: string): WorkspaceContext | null {
  const lines = systemText.split(/\r?\n/);
  const close = lines.lastIndexOf(CONTEXT_CLOSE);
  if (close < 0) return null;
  const open = lines.lastIndexOf(CONTEXT_OPEN, close);
  if (open < 0) return null;
  const inner = lines
    .slice(open + 1, close)
    .filter((line) => !/^```(json)?\s*$/.test(line.trim()))
    .join("\n");
  let json: unknown;
  try {
    json = JSON.parse(inner);
  } catch {
    return null;
  }
  const parsed = workspaceContextSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
