import { z } from "zod";
import { parseInput } from "../../lib/input-error.ts";
import { isKnownCurrency } from "../../lib/money.ts";
import { isValidTimeZone } from "../../lib/zoned-time.ts";
import type { DbOrTrx } from "../database.ts";
import { LOCALES, VERTICALS, WEEK_STARTS, type Workspace } from "../schema/core.ts";

/** What it takes to create a workspace, validated before it reaches the database. */
export const newWorkspaceInput = z.object({
  name: z.string().trim().min(1, "name is required").max(200).describe("Display name"),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use lower-case letters, digits and dashes, up to 63 characters")
    .describe("Short unique handle used on the command line (--workspace)"),
  vertical: z.enum(VERTICALS).default("ecommerce").describe("ecommerce, saas or both"),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isKnownCurrency, { error: (issue) => `"${String(issue.input)}" is not an ISO 4217 currency code (e.g. MXN, BRL, USD)` })
    .describe("ISO 4217 currency of the books"),
  timezone: z
    .string()
    .trim()
    .refine(isValidTimeZone, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. America/Mexico_City)` })
    .describe("IANA time zone in which days and weeks are cut"),
  locale: z.enum(LOCALES).default("en").describe("Language of answers and reports: en, es or pt"),
  weekStart: z.enum(WEEK_STARTS).default("monday").describe("First day of the week for weekly figures"),
  settings: z.record(z.string(), z.unknown()).default({}).describe("Free-form settings"),
});
export type NewWorkspaceInput = z.input<typeof newWorkspaceInput>;

export class WorkspaceExistsError extends Error {
  override readonly name = "WorkspaceExistsError";
}

export async function createWorkspace(db: DbOrTrx, input: NewWorkspaceInput): Promise<Workspace> {
  const parsed = parseInput(newWorkspaceInput, input, "workspace");
  const existing = await findWorkspaceBySlug(db, parsed.slug);
  if (existing) throw new WorkspaceExistsError(`A workspace with slug "${parsed.slug}" already exists.`);
  return db
    .insertInto("workspaces")
    .values({
      name: parsed.name,
      slug: parsed.slug,
      vertical: parsed.vertical,
      currency: parsed.currency,
      timezone: parsed.timezone,
      locale: parsed.locale,
      week_start: parsed.weekStart,
      settings: JSON.stringify(parsed.settings),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findWorkspaceBySlug(db: DbOrTrx, slug: string): Promise<Workspace | undefined> {
  return db.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findWorkspaceById(db: DbOrTrx, workspaceId: number): Promise<Workspace | undefined> {
  return db.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirst();
}

export async function listWorkspaces(db: DbOrTrx): Promise<Workspace[]> {
  return db.selectFrom("workspaces").selectAll().orderBy("id").execute();
}

export async function deleteWorkspace(db: DbOrTrx, workspaceId: number): Promise<void> {
  await db.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
}

export async function updateWorkspaceSettings(db: DbOrTrx, workspaceId: number, settings: Record<string, unknown>): Promise<void> {
  await db
    .updateTable("workspaces")
    .set({ settings: JSON.stringify(settings), updated_at: new Date() })
    .where("id", "=", workspaceId)
    .execute();
}
