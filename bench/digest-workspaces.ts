/**
 * The digest benchmark's data: many small store workspaces (bench-digest-0001…), each with the demo
 * store's realistic data at a small size (a share of its catalog, a few hundred orders over the
 * demo's 730 days, its own seed; alternately the Mexican and the Brazilian store) and three members — an owner (es), an admin
 * (en) and an analyst (pt) with WhatsApp, email and Slack identities unique across workspaces.
 *
 * Kept between runs in its own database (PostgreSQL bizos_bench_digest, PGlite .data/bench/digest).
 * Each workspace's settings.benchDigest records what it was seeded with; a workspace seeded with the
 * same parameters is reused, one with others (or left half-seeded) is replaced, missing ones are added.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle, type Dialect } from "../db/connection.ts";
import type { Db } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createMember, linkIdentity } from "../db/repositories/members.ts";
import { createWorkspace, updateWorkspaceSettings } from "../db/repositories/workspaces.ts";
import type { IdentityChannel, Locale, Role } from "../db/schema/core.ts";
import { DEMO_DAYS } from "../demo/index.ts";
import { localDays } from "../demo/calendar.ts";
import { deleteWorkspaces } from "../demo/load.ts";
import { BR_STORE, MX_STORE, type StoreProfile } from "../demo/profiles.ts";
import { seedStore } from "../demo/store.ts";
import { rebuildRollups } from "../engines/metrics/rollups/refresh.ts";
import { silentProgress } from "../lib/progress.ts";

export const SLUG_PREFIX = "bench-digest-";

export interface DigestDatabaseOptions {
  readonly dialect: Dialect;
  /** Server URL for PostgreSQL (the database name is replaced). */
  readonly url: string;
  /** Drop the database (or PGlite directory) and start empty. */
  readonly fresh: boolean;
  readonly poolMax: number;
}

/** Opens the digest benchmark's own database, migrated to the latest schema. */
export async function openDigestDatabase(options: DigestDatabaseOptions): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (options.dialect === "postgres") {
    const name = "bizos_bench_digest";
    const admin = new pg.Client({ connectionString: new URL("/postgres", options.url).toString() });
    await admin.connect();
    try {
      if (options.fresh) await admin.query(`drop database if exists "${name}" with (force)`);
      const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (!exists.rowCount) await admin.query(`create database "${name}"`);
    } finally {
      await admin.end();
    }
    handle = openPostgres(new URL(`/${name}`, options.url).toString(), options.poolMax);
  } else {
    const dir = path.resolve(".data", "bench", "digest");
    if (options.fresh && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    handle = await openPglite({ dataDir: dir });
  }
  await migrateToLatest(handle.db);
  return handle;
}

export interface DigestWorkspacesOptions {
  readonly workspaces: number;
  readonly ordersEach: number;
  /** Share of the demo catalog each store carries (0.1: about 23 products, 65 variants). */
  readonly catalogShare: number;
  /** Base seed: workspace i is seeded with seed + i. */
  readonly seed: number;
  /** 'YYYY-MM-DD', exclusive end of the data (the demo's 730 days before it). */
  readonly end: string;
  /** Workspaces seeded at the same time. */
  readonly concurrency: number;
  /** Called after each workspace seeded (not for reused ones). */
  readonly onSeeded?: (done: number, total: number) => void;
}

export interface BenchMember {
  readonly id: number;
  readonly role: Role;
  readonly language: Locale;
}

export interface BenchWorkspace {
  readonly id: number;
  readonly slug: string;
  readonly timezone: string;
  readonly currency: string;
  readonly members: readonly BenchMember[];
}

export interface DigestWorkspaces {
  readonly workspaces: readonly BenchWorkspace[];
  readonly reused: number;
  readonly seeded: number;
  readonly replaced: number;
}

const markerSchema = z.object({
  status: z.enum(["seeding", "complete"]),
  index: z.number(),
  ordersEach: z.number(),
  catalogShare: z.number(),
  seed: z.number(),
  end: z.string(),
});
type Marker = z.infer<typeof markerSchema>;

const settingsSchema = z.object({ benchDigest: markerSchema }).loose();

const PEOPLE: readonly { readonly role: Role; readonly language: Locale; readonly name: string }[] = [
  { role: "owner", language: "es", name: "Dueña" },
  { role: "admin", language: "en", name: "Admin" },
  { role: "analyst", language: "pt", name: "Analista" },
];

export function benchSlug(index: number): string {
  return `${SLUG_PREFIX}${String(index).padStart(4, "0")}`;
}

/** Every other workspace is the Brazilian store, so both currencies and time zones are in the run. */
function storeFor(index: number): StoreProfile {
  return index % 2 === 0 ? BR_STORE : MX_STORE;
}

/**
 * Addresses unique across workspaces: WhatsApp +1 555 5xx xxxx style numbers (fictional), RFC 2606
 * .example emails and Slack ids carrying the workspace number and the member's place.
 */
function identities(index: number, place: number): readonly (readonly [IdentityChannel, string])[] {
  const serial = `${String(index).padStart(5, "0")}${place}`;
  return [
    ["whatsapp", `+1555${serial}`],
    ["email", `${PEOPLE[place]!.role}-${index}@bench-digest.example`],
    ["slack", `UBD${serial}`],
  ];
}

function sameParameters(marker: Marker, wanted: Marker): boolean {
  return marker.status === "complete" && marker.index === wanted.index && marker.ordersEach === wanted.ordersEach && marker.catalogShare === wanted.catalogShare && marker.seed === wanted.seed && marker.end === wanted.end;
}

/** Makes sure workspaces 1…N exist seeded with these parameters; returns them with their members. */
export async function ensureDigestWorkspaces(db: Db, options: DigestWorkspacesOptions): Promise<DigestWorkspaces> {
  const rows = await db.selectFrom("workspaces").select(["id", "slug", "settings"]).where("slug", "like", `${SLUG_PREFIX}%`).execute();
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const stale: number[] = [];
  const missing: number[] = [];
  let reused = 0;
  for (let index = 1; index <= options.workspaces; index++) {
    const row = bySlug.get(benchSlug(index));
    const wanted: Marker = { status: "complete", index, ordersEach: options.ordersEach, catalogShare: options.catalogShare, seed: options.seed + index, end: options.end };
    const parsed = row ? settingsSchema.safeParse(row.settings) : null;
    if (row && parsed?.success && sameParameters(parsed.data.benchDigest, wanted)) {
      reused += 1;
      continue;
    }
    if (row) stale.push(row.id);
    missing.push(index);
  }
  await deleteWorkspaces(db, stale);

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < missing.length) {
      const index = missing[next++]!;
      await seedWorkspace(db, index, options);
      done += 1;
      options.onSeeded?.(done, missing.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return { workspaces: await loadBenchWorkspaces(db, options.workspaces), reused, seeded: missing.length, replaced: stale.length };
}

async function seedWorkspace(db: Db, index: number, options: DigestWorkspacesOptions): Promise<void> {
  const store: StoreProfile = { ...storeFor(index), catalogShare: options.catalogShare };
  const marker: Marker = { status: "seeding", index, ordersEach: options.ordersEach, catalogShare: options.catalogShare, seed: options.seed + index, end: options.end };
  const workspace = await createWorkspace(db, {
    name: `${store.name} ${index}`,
    slug: benchSlug(index),
    vertical: "ecommerce",
    currency: store.currency,
    timezone: store.timezone,
    locale: store.locale,
    weekStart: store.weekStart,
    settings: { benchDigest: marker },
  });
  for (const [place, person] of PEOPLE.entries()) {
    const member = await createMember(db, { workspaceId: workspace.id, name: `${person.name} ${index}`, role: person.role, language: person.language });
    for (const [channel, address] of identities(index, place)) await linkIdentity(db, { workspaceId: workspace.id, memberId: member.id, channel, address });
  }
  const days = localDays(options.end, DEMO_DAYS, store.timezone);
  await seedStore(db, workspace.id, store, days, options.ordersEach, marker.seed, silentProgress);
  await rebuildRollups(db, { id: workspace.id, timezone: store.timezone });
  await updateWorkspaceSettings(db, workspace.id, { benchDigest: { ...marker, status: "complete" } });
}

/** Workspaces 1…N with their members, in order. */
export async function loadBenchWorkspaces(db: Db, count: number): Promise<BenchWorkspace[]> {
  const slugs = Array.from({ length: count }, (_, i) => benchSlug(i + 1));
  if (slugs.length === 0) return [];
  const workspaces = await db.selectFrom("workspaces").select(["id", "slug", "timezone", "currency"]).where("slug", "in", slugs).orderBy("slug").execute();
  const members = await db
    .selectFrom("members")
    .select(["id", "workspace_id", "role", "language"])
    .where("workspace_id", "in", workspaces.map((w) => w.id))
    .orderBy("id")
    .execute();
  const byWorkspace = new Map<number, BenchMember[]>();
  for (const m of members) {
    const list = byWorkspace.get(m.workspace_id) ?? [];
    list.push({ id: m.id, role: m.role, language: m.language });
    byWorkspace.set(m.workspace_id, list);
  }
  return workspaces.map((w) => ({ ...w, members: byWorkspace.get(w.id) ?? [] }));
}
