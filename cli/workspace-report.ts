import { summarizeWorkspace, type WorkspaceSummary } from "../db/repositories/workspace-summary.ts";
import { listWorkspaces } from "../db/repositories/workspaces.ts";
import type { Db } from "../db/database.ts";
import type { Workspace } from "../db/schema/core.ts";
import { formatMoney } from "../lib/money.ts";
import { localDate } from "../lib/zoned-time.ts";
import { renderTable } from "./table.ts";

export interface WorkspaceReportRow {
  readonly workspace: Workspace;
  readonly summary: WorkspaceSummary;
}

export async function workspaceReport(db: Db): Promise<WorkspaceReportRow[]> {
  const rows: WorkspaceReportRow[] = [];
  for (const workspace of await listWorkspaces(db)) rows.push({ workspace, summary: await summarizeWorkspace(db, workspace.id) });
  return rows;
}

/** One table of every workspace: what it is and what data it holds. */
export function renderWorkspaceReport(rows: readonly WorkspaceReportRow[]): string {
  return renderTable(
    ["workspace", "name", "kind", "currency", "timezone", "lang", "data from", "data to", "orders", "revenue", "subscriptions", "MRR"],
    rows.map(({ workspace: ws, summary }) => [
      ws.slug,
      ws.name,
      ws.vertical,
      ws.currency,
      ws.timezone,
      ws.locale,
      summary.firstOrderAt ? localDate(summary.firstOrderAt, ws.timezone) : "—",
      summary.lastOrderAt ? localDate(summary.lastOrderAt, ws.timezone) : "—",
      summary.orders.toLocaleString("en"),
      summary.orders > 0 ? formatMoney(summary.revenueCents, ws.currency, ws.locale) : "—",
      summary.subscriptions.toLocaleString("en"),
      summary.subscriptions > 0 ? formatMoney(summary.activeMrrCents, ws.currency, ws.locale) : "—",
    ]),
  );
}
