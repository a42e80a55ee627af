import type { DbOrTrx } from "../database.ts";
import type { IdentityChannel, Locale, Member, Role } from "../schema/core.ts";

export class IdentityError extends Error {
  override readonly name = "IdentityError";
}

/**
 * Canonical form of a channel address: WhatsApp phones in E.164 ("+52 1 55…" → "+52155…"),
 * emails lower-cased, Slack user ids upper-cased. Throws IdentityError on an address that
 * cannot be one of that channel's.
 */
export function normalizeIdentity(channel: IdentityChannel, raw: string): string {
  const value = raw.trim();
  switch (channel) {
    case "whatsapp": {
      const digits = value.replace(/[\s().-]/g, "");
      const e164 = digits.startsWith("+") ? digits : `+${digits}`;
      if (!/^\+[1-9]\d{7,14}$/.test(e164)) throw new IdentityError(`"${raw}" is not a phone number in E.164 form (e.g. +5215512345678)`);
      return e164;
    }
    case "email": {
      const email = value.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new IdentityError(`"${raw}" is not an email address`);
      return email;
    }
    case "slack": {
      const id = value.toUpperCase();
      if (!/^[UW][A-Z0-9]{2,}$/.test(id)) throw new IdentityError(`"${raw}" is not a Slack user id (e.g. U012AB3CD)`);
      return id;
    }
  }
}

export interface NewMemberInput {
  readonly workspaceId: number;
  readonly name: string;
  readonly role: Role;
  readonly language: Locale;
}

export async function createMember(db: DbOrTrx, input: NewMemberInput): Promise<Member> {
  return db
    .insertInto("members")
    .values({ workspace_id: input.workspaceId, name: input.name, role: input.role, language: input.language })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listMembers(db: DbOrTrx, workspaceId: number): Promise<Member[]> {
  return db.selectFrom("members").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
}

/** Links a member to a channel address; an address already linked to anyone is refused. */
export async function linkIdentity(
  db: DbOrTrx,
  input: { readonly workspaceId: number; readonly memberId: number; readonly channel: IdentityChannel; readonly address: string },
): Promise<string> {
  const externalId = normalizeIdentity(input.channel, input.address);
  const member = await db
    .selectFrom("members")
    .select("id")
    .where("workspace_id", "=", input.workspaceId)
    .where("id", "=", input.memberId)
    .executeTakeFirst();
  if (!member) throw new IdentityError(`member ${input.memberId} is not in this workspace`);
  const inserted = await db
    .insertInto("channel_identities")
    .values({ workspace_id: input.workspaceId, member_id: input.memberId, channel: input.channel, external_id: externalId })
    .onConflict((oc) => oc.columns(["channel", "external_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new IdentityError(`${input.channel} address ${externalId} is already linked to a member`);
  return externalId;
}

/** Who is writing: the member (and workspace) behind a channel address, if any. */
export async function findMemberByIdentity(
  db: DbOrTrx,
  channel: IdentityChannel,
  address: string,
): Promise<(Member & { readonly workspace_slug: string }) | undefined> {
  let externalId: string;
  try {
    externalId = normalizeIdentity(channel, address);
  } catch {
    return undefined;
  }
  return db
    .selectFrom("channel_identities as ci")
    .innerJoin("members as m", "m.id", "ci.member_id")
    .innerJoin("workspaces as w", "w.id", "m.workspace_id")
    .selectAll("m")
    .select("w.slug as workspace_slug")
    .where("ci.channel", "=", channel)
    .where("ci.external_id", "=", externalId)
    .executeTakeFirst();
}

/** A member's linked address on a channel, with when they last wrote there. */
export interface MemberAddress {
  readonly memberId: number;
  readonly channel: IdentityChannel;
  readonly address: string;
  readonly lastInboundAt: Date | null;
}

/** The linked addresses of these members of the workspace. */
export async function listMemberAddresses(db: DbOrTrx, workspaceId: number, memberIds: readonly number[]): Promise<MemberAddress[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom("channel_identities")
    .select(["member_id", "channel", "external_id", "last_inbound_at"])
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "in", [...memberIds])
    .orderBy("member_id")
    .orderBy("channel")
    .execute();
  return rows.map((row) => ({ memberId: row.member_id, channel: row.channel, address: row.external_id, lastInboundAt: row.last_inbound_at }));
}
