/**
 * The demo: three workspaces with two years of deterministic, realistic data.
 *
 * - demo: Moda Norte, a Mexican apparel brand (MXN, es, America/Mexico_City) with `orders` orders.
 * - demo-br: Flor de Ipê Cosméticos, a Brazilian beauty store (BRL, pt, America/Sao_Paulo), a quarter as many.
 * - demo-saas: Ledgerly, a B2B SaaS (USD, en, America/New_York), ~3,000 sign-ups.
 *
 * The same (seed, end, orders) always writes the same rows: all randomness comes from seeded
 * streams (random.ts) and all time from `end`. The stores' planted events are in the manifest.
 *
 * Conventions later work can rely on:
 * - Rows carry source "demo"; order numbers are MN-100001… (demo) and FI-100001… (demo-br).
 * - Amounts are integer minor units; total = subtotal − discount + shipping; tax_cents is the VAT
 *   included in the total (Mexico 16%; Brazil 0, not itemised). Revenue excludes cancelled orders.
 * - orders.attributes: device, payment_method, customer_type (new | returning).
 * - Web conversions (web_sessions_daily) are the day's non-cancelled online_store and instagram orders.
 * - Orders older than 365 days were sold at the previous list prices (about 6% lower).
 */
import type { Db } from "../db/database.ts";
import { updateWorkspaceSettings } from "../db/repositories/workspaces.ts";
import { rebuildRollups } from "../engines/metrics/rollups/refresh.ts";
import { silentProgress, type Progress } from "../lib/progress.ts";
import { localDays, parseIsoDate, type IsoDate } from "./calendar.ts";
import type { DemoManifest, SaasManifest, WorkspaceManifest } from "./manifest.ts";
import type { PlantedEvent } from "./planted.ts";
import { BR_STORE, MX_STORE, SAAS, type StoreProfile } from "./profiles.ts";
import { seedSaas } from "./saas.ts";
import { seedStore } from "./store.ts";
import { createDemoWorkspace, DemoExistsError, existingDemoWorkspaces, removeDemoWorkspaces } from "./workspaces.ts";

export { defaultDemoEnd } from "./calendar.ts";
export { DEMO_SLUGS } from "./profiles.ts";
export { DemoExistsError, DemoIdentityConflictError } from "./workspaces.ts";
export type { DemoManifest, SaasManifest, StoreManifest, WorkspaceManifest } from "./manifest.ts";
export type { CompetitorUndercutEvent, ConversionDropEvent, PlantedEvent, StockoutEvent } from "./planted.ts";

/** Local days of data in every workspace. */
export const DEMO_DAYS = 730;
export const MIN_DEMO_ORDERS = 100;
export const MAX_DEMO_ORDERS = 5_000_000;

export interface SeedDemoOptions {
  /** Orders of the main store (demo); demo-br gets a quarter as many. */
  readonly orders: number;
  readonly seed: number;
  /** 'YYYY-MM-DD', exclusive: the data covers the 730 local days before it. */
  readonly end: string;
  /** Delete existing demo workspaces first (also how a failed seed is cleaned up). */
  readonly replace?: boolean;
  readonly progress?: Progress;
}

/**
 * Seeds the three demo workspaces and returns the manifest (also stored in their settings.demo).
 * Pass the database itself, not a transaction: writes run in many short statements (two at a time
 * on PostgreSQL) and replacing ends with a VACUUM, which cannot run inside a transaction.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<DemoManifest> {
  validate(options);
  const progress = options.progress ?? silentProgress;
  const existing = await existingDemoWorkspaces(db);
  if (existing.length > 0) {
    if (options.replace !== true) {
      throw new DemoExistsError(`Demo workspaces already exist (${existing.map((w) => w.slug).join(", ")}); seed with replace to recreate them.`);
    }
    progress.start("removing the old demo", existing.length, "workspaces");
    await removeDemoWorkspaces(db, existing);
    progress.advance(existing.length);
    progress.finish();
  }

  const { seed, end, orders } = options;
  // Until the manifest is written, settings.demo says the seed is in progress (or failed midway).
  const seeding = { status: "seeding", seed, end, orders };
  const workspaces: WorkspaceManifest[] = [];
  const planted: PlantedEvent[] = [];
  for (const store of [MX_STORE, BR_STORE] satisfies StoreProfile[]) {
    const days = localDays(end, DEMO_DAYS, store.timezone);
    const workspace = await createDemoWorkspace(db, store, seeding, new Date(days[0]!.startMs).toISOString());
    const result = await seedStore(db, workspace.id, store, days, Math.max(1, Math.round(orders * store.orderShare)), seed, progress);
    progress.start(`${store.slug} rollups`, null, "days");
    const rollups = await rebuildRollups(db, { id: workspace.id, timezone: store.timezone });
    progress.advance(rollups.days);
    progress.finish();
    workspaces.push(result.manifest);
    planted.push(...result.planted);
  }

  const saasDays = localDays(end, DEMO_DAYS, SAAS.timezone);
  const saasWorkspace = await createDemoWorkspace(db, SAAS, seeding, new Date(saasDays[0]!.startMs).toISOString());
  progress.start(`${SAAS.slug} saas`, null, "customers");
  const saas = await seedSaas(db, saasWorkspace.id, saasDays, SAAS.timezone, seed, progress);
  progress.finish();
  const saasManifest: SaasManifest = {
    slug: SAAS.slug,
    name: SAAS.name,
    workspaceId: saasWorkspace.id,
    vertical: "saas",
    currency: SAAS.currency,
    timezone: SAAS.timezone,
    start: saasDays[0]!.date,
    end,
    orders: 0,
    ...saas,
  };
  workspaces.push(saasManifest);

  const manifest: DemoManifest = { version: 1, seed, end, orders, workspaces, planted };
  for (const workspace of workspaces) {
    await updateWorkspaceSettings(db, workspace.workspaceId, { demo: { status: "complete", ...manifest } });
  }
  return manifest;
}

function validate(options: SeedDemoOptions): void {
  const { orders, seed, end } = options;
  if (!Number.isInteger(orders) || orders < MIN_DEMO_ORDERS || orders > MAX_DEMO_ORDERS) {
    throw new RangeError(`orders must be an integer from ${MIN_DEMO_ORDERS} to ${MAX_DEMO_ORDERS.toLocaleString("en")}, got ${orders}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  parseIsoDate(end satisfies IsoDate);
}
