/**
 * Members' notification settings as stored (member_preferences.settings, jsonb): read and written as
 * given, tenant-scoped. engines/notifications/member-preferences.ts parses them (defaults for what is
 * absent), validates changes and decides what to store; this file only moves the jsonb.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../database.ts";
import type { IdentityChannel, Member } from "../schema/core.ts";

export class MemberNotFoundError extends Error {
  override readonly name = "MemberNotFoundError";
}

/** A member's stored settings, or null when they never changed any. */
export async function findPreferenceSettings(db: DbOrTrx, workspaceId: number, memberId: number): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom("member_preferences").select("settings").where("workspace_id", "=", workspaceId).where("member_id", "=", memberId).executeTakeFirst();
  return row?.settings ?? null;
}

/** Replaces a member's stored settings. Throws MemberNotFoundError for a member not in this workspace. */
export async function savePreferenceSettings(db: DbOrTrx, workspaceId: number, memberId: number, settings: Readonly<Record<string, unknown>>): Promise<void> {
  const member = await db.selectFrom("members").select("id").where("workspace_id", "=", workspaceId).where("id", "=", memberId).executeTakeFirst();
  if (!member) throw new MemberNotFoundError(`member ${memberId} is not in this workspace`);
  const json = JSON.stringify(settings);
  await db
    .insertInto("member_preferences")
    .values({ workspace_id: workspaceId, member_id: memberId, settings: json })
    .onConflict((oc) =>
      oc
        .column("member_id")
        .doUpdateSet({ settings: json, updated_at: sql<Date>`now()` })
        .where("member_preferences.workspace_id", "=", workspaceId),
    )
    .execute();
}

/** Every member of the workspace with their stored settings (null for those who changed none), in one query. */
export async function listPreferenceSettings(db: DbOrTrx, workspaceId: number): Promise<Map<number, Record<string, unknown> | null>> {
  const rows = await db
    .selectFrom("members")
    .leftJoin("member_preferences", (join) => join.onRef("member_preferences.member_id", "=", "members.id").on("member_preferences.workspace_id", "=", workspaceId))
    .select(["members.id as memberId", "member_preferences.settings as settings"])
    .where("members.workspace_id", "=", workspaceId)
    .orderBy("members.id")
    .execute();
  return new Map(rows.map((row) => [row.memberId, row.settings]));
}

const CHANNEL_ORDER: readonly IdentityChannel[] = ["whatsapp", "slack", "email"];

/** A member of the workspace with their stored settings and linked channels, or null when not in it. */
export interface StoredMemberSettings {
  readonly member: Member;
  readonly settings: Record<string, unknown> | null;
  /** Linked channels, most recently written from first (then WhatsApp, Slack, email), as the senders order them. */
  readonly linked: IdentityChannel[];
}

export async function findMemberSettings(db: DbOrTrx, workspaceId: number, memberId: number): Promise<StoredMemberSettings | null> {
  const member = await db.selectFrom("members").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", memberId).executeTakeFirst();
  if (!member) return null;
  const [settings, identities] = await Promise.all([
    findPreferenceSettings(db, workspaceId, memberId),
    db.selectFrom("channel_identities").select(["channel", "last_inbound_at"]).where("workspace_id", "=", workspaceId).where("member_id", "=", memberId).execute(),
  ]);
  const ordered = identities.sort((a, b) => (b.last_inbound_at?.getTime() ?? 0) - (a.last_inbound_at?.getTime() ?? 0) || CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel));
  return { member, settings, linked: [...new Set(ordered.map((identity) => identity.channel))] };
}
