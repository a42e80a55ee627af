/**
 * Rollup maintenance cost of an import: writes a CSV of `orders` orders (two lines each, spread
 * over the 60 days before the demo's end, half by customers who bought before), imports it into the
 * workspace, and reports the import's phases, the rollup refresh among them. The imported orders
 * are deleted again (and their days refreshed) so the benchmark database stays the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { importCsv } from "../connectors/csv/index.ts";
import type { Db } from "../db/database.ts";
import type { Workspace } from "../db/schema/core.ts";
import { affectedDays } from "../engines/metrics/rollups/affected-days.ts";
import { refreshRollupDays } from "../engines/metrics/rollups/refresh.ts";
import { addDays } from "../lib/calendar-date.ts";
import { phasePrinter, type PhaseTiming } from "./phase-printer.ts";

const HEADER = "order_id;date;customer_email;customer_name;product;category;quantity;unit_price;discount;shipping;status;city;channel";
const PRODUCTS = [
  ["Jeans recto clásico", "Jeans", "899,00"],
  ["Playera básica algodón", "Playeras", "249,00"],
  ["Chamarra bomber", "Chamarras", "1499,00"],
  ["Vestido midi", "Vestidos", "1099,00"],
] as const;

function csvOf(orders: number, end: string, salt: string, customersBefore: readonly string[]): string {
  const lines = [HEADER];
  for (let i = 0; i < orders; i++) {
    const day = addDays(end, -1 - (i % 60));
    const [d, m, y] = [day.slice(8, 10), day.slice(5, 7), day.slice(0, 4)];
    const email = i % 2 === 0 && customersBefore.length > 0 ? customersBefore[i % customersBefore.length]! : `bench-${salt}-${i}@example.mx`;
    for (const line of [0, 1]) {
      const [title, category, price] = PRODUCTS[(i + line) % PRODUCTS.length]!;
      lines.push(`B${salt}-${i};${d}/${m}/${y} ${String(9 + (i % 12)).padStart(2, "0")}:15;${email};Cliente ${i};${title};${category};${1 + (i % 3)};${price};${line === 0 && i % 5 === 0 ? "50,00" : "0"};${line === 0 ? "99,00" : ""};Pagado;Monterrey;Tienda online`);
    }
  }
  return lines.join("\n");
}

export async function measureImportMaintenance(db: Db, workspace: Workspace, orders: number, out: (line: string) => void): Promise<void> {
  const end = await sql<{ day: string }>`select (max(placed_at) at time zone ${workspace.timezone})::date + 1 as day from orders where workspace_id = ${workspace.id}`.execute(db);
  const emails = await sql<{ email: string }>`select email from customers where workspace_id = ${workspace.id} and email is not null order by id limit 2000`.execute(db);
  const salt = Date.now().toString(36);
  const dir = mkdtempSync(path.join(tmpdir(), "bizos-bench-import-"));
  const file = path.join(dir, "orders.csv");
  writeFileSync(file, csvOf(orders, end.rows[0]!.day, salt, emails.rows.map((row) => row.email)));
  const timings: PhaseTiming[] = [];
  out(`import of ${orders.toLocaleString("en")} orders (${(orders * 2).toLocaleString("en")} lines) into ${workspace.slug}:`);
  const startedAt = performance.now();
  try {
    await importCsv(db, workspace, { file, format: "generic", dateFormat: "dmy", decimal: "," }, phasePrinter(out, timings));
    const total = (performance.now() - startedAt) / 1000;
    const rollups = timings.find((timing) => timing.label === "rollups");
    out(`  import total ${total.toFixed(1)} s; rollup refresh ${rollups ? `${(rollups.seconds * 1000).toFixed(0)} ms for ${rollups.done} days` : "not reported"} per ${orders.toLocaleString("en")} orders`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.transaction().execute(async (trx) => {
      const ids = await sql<{ id: number }>`select id from orders where workspace_id = ${workspace.id} and external_id like ${`B${salt}-%`}`.execute(trx);
      const orderIds = ids.rows.map((row) => row.id);
      const days = await affectedDays(trx, workspace.id, workspace.timezone, orderIds);
      await sql`delete from order_items where workspace_id = ${workspace.id} and order_id = any(${orderIds}::bigint[])`.execute(trx);
      await sql`delete from orders where workspace_id = ${workspace.id} and id = any(${orderIds}::bigint[])`.execute(trx);
      await refreshRollupDays(trx, workspace, days);
    });
  }
}
