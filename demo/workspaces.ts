/**
 * Creating and removing the demo workspaces with their members and channel identities.
 */
import type { Db } from "../db/database.ts";
import type { Workspace } from "../db/schema/core.ts";
import { createWorkspace, findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { deleteWorkspaces } from "./load.ts";
import { DEMO_SLUGS, type WorkspaceProfile } from "./profiles.ts";

export class DemoExistsError extends Error {
  override readonly name = "DemoExistsError";
}

export class DemoIdentityConflictError extends Error {
  override readonly name = "DemoIdentityConflictError";
}

/** Demo workspaces present in the database. */
export async function existingDemoWorkspaces(db: Db): Promise<Workspace[]> {
  const found: Workspace[] = [];
  for (const slug of DEMO_SLUGS) {
    const workspace = await findWorkspaceBySlug(db, slug);
    if (workspace) found.push(workspace);
  }
  return found;
}

export async function removeDemoWorkspaces(db: Db, workspaces: readonly Workspace[]): Promise<void> {
  await deleteWorkspaces(
    db,
    workspaces.map((w) => w.id),
  );
}

/**
 * Creates a workspace marked as being seeded (settings.demo.status), its four members and their
 * WhatsApp, e-mail and Slack identities.
 */
export async function createDemoWorkspace(db: Db, profile: WorkspaceProfile, seeding: Record<string, unknown>, createdAt: string): Promise<Workspace> {
  await assertIdentitiesFree(db, profile);
  const workspace = await createWorkspace(db, {
    name: profile.name,
    slug: profile.slug,
    vertical: profile.vertical,
    currency: profile.currency,
    timezone: profile.timezone,
    locale: profile.locale,
    weekStart: profile.weekStart,
    settings: { demo: seeding },
  });
  for (const member of profile.members) {
    const row = await db
      .insertInto("members")
      .values({ workspace_id: workspace.id, name: member.name, role: member.role, language: member.language, created_at: createdAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("channel_identities")
      .values([
        { workspace_id: workspace.id, member_id: row.id, channel: "whatsapp", external_id: member.whatsapp, created_at: createdAt },
        { workspace_id: workspace.id, member_id: row.id, channel: "email", external_id: member.email, created_at: createdAt },
        { workspace_id: workspace.id, member_id: row.id, channel: "slack", external_id: member.slack, created_at: createdAt },
      ])
      .execute();
  }
  return workspace;
}

/** Identities are unique across workspaces; say which one is taken instead of failing on a constraint. */
async function assertIdentitiesFree(db: Db, profile: WorkspaceProfile): Promise<void> {
  const wanted = profile.members.flatMap((m) => [m.whatsapp, m.email, m.slack]);
  const taken = await db.selectFrom("channel_identities").select(["channel", "external_id"]).where("external_id", "in", wanted).execute();
  if (taken.length > 0) {
    const list = taken.map((t) => `${t.channel} ${t.external_id}`).join(", ");
    throw new DemoIdentityConflictError(`The demo's member identities are already used by another workspace: ${list}.`);
  }
}
