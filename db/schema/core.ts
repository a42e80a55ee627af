import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";
import type { CreatedAt, Id, JsonWithDefault, UpdatedAt } from "./columns.ts";

export const VERTICALS = ["ecommerce", "saas", "both"] as const;
export type Vertical = (typeof VERTICALS)[number];
export const LOCALES = ["en", "es", "pt"] as const;
export type Locale = (typeof LOCALES)[number];
export const WEEK_STARTS = ["monday", "sunday", "saturday"] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];
export const ROLES = ["owner", "admin", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const IDENTITY_CHANNELS = ["slack", "whatsapp", "email"] as const;
export type IdentityChannel = (typeof IDENTITY_CHANNELS)[number];

/** The tenant. Every other business table carries workspace_id. */
export interface WorkspacesTable {
  id: Id;
  slug: string;
  name: string;
  vertical: Vertical;
  /** ISO 4217 code; all money in this workspace is in its minor units. */
  currency: string;
  /** IANA time zone; days, weeks and months are cut in it. */
  timezone: string;
  locale: Locale;
  week_start: WeekStart;
  /** Free-form settings (demo manifest, feature flags). */
  settings: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembersTable {
  id: Id;
  workspace_id: number;
  name: string;
  role: Role;
  language: Locale;
  created_at: CreatedAt;
}

/** A member's address on one channel; unique per channel so an inbound message resolves to one member. */
export interface ChannelIdentitiesTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  channel: IdentityChannel;
  /** Slack user id, WhatsApp phone in E.164, or lower-cased email address. */
  external_id: string;
  /** When the person last wrote on this channel (WhatsApp's 24-hour customer-service window). */
  last_inbound_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

export type Workspace = Selectable<WorkspacesTable>;
export type NewWorkspace = Insertable<WorkspacesTable>;
export type WorkspaceUpdate = Updateable<WorkspacesTable>;
export type Member = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type ChannelIdentity = Selectable<ChannelIdentitiesTable>;
export type NewChannelIdentity = Insertable<ChannelIdentitiesTable>;
