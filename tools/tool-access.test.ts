import { listOnlyApprovalSink } from "../engines/approvals/approval-requests.ts";
import { expect, it } from "vitest";
import { updateWorkspaceSettings, findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import type { Db } from "../db/database.ts";
import type { Role } from "../db/schema/core.ts";
import { seedDemo } from "../demo/index.ts";
import { accessFor, canApprove, OWNER_ACCESS, type TurnAccess } from "../engines/access/roles.ts";
import { fixedClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { describeDatabase } from "../test/database.ts";
import { toolsByName } from "./index.ts";
import type { ToolName } from "./tool-names.ts";
import { TOOL_ERROR_CODES, type ToolOutcome } from "./tool-outcome.ts";
import { LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";

const NOW = "2026-11-21T18:00:00Z";

async function demo(db: Db) {
  await seedDemo(db, { orders: 900, seed: 5, end: "2026-11-21" });
  const workspace = await findWorkspaceBySlug(db, "demo");
  if (!workspace) throw new Error("demo workspace missing");
  return workspace;
}

function isOutcome(value: unknown): value is ToolOutcome {
  return typeof value === "object" && value !== null && "ok" in value && "tool" in value;
}

async function call(db: Db, access: TurnAccess, tool: ToolName, args: Record<string, unknown>): Promise<ToolOutcome> {
  const workspace = (await findWorkspaceBySlug(db, "demo"))!;
  const tools = toolsByName({ db, workspace, access, actor: { memberId: null, channel: "cli" }, approvals: listOnlyApprovalSink(db), clock: fixedClock(NOW), logger: silentLogger, embedder: new LexicalEmbedder() });
  const content: unknown = JSON.parse(String(await tools[tool].invoke(args)));
  if (!isOutcome(content)) throw new Error(`not a tool outcome: ${JSON.stringify(content)}`);
  return content;
}

const errorCode = (outcome: ToolOutcome) => (outcome.ok ? null : outcome.error.code);

describeDatabase("tool access by role", ({ db }) => {
  it("refuses viewers the spend tools with a typed forbidden result, and lets every other role use them", { timeout: 120_000 }, async () => {
    const workspace = await demo(db());
    const viewer = accessFor("viewer", workspace.settings);
    expect(TOOL_ERROR_CODES).toContain("forbidden");
    expect(errorCode(await call(db(), viewer, "reorder_suggestions", {}))).toBe("forbidden");
    expect(errorCode(await call(db(), viewer, "budget_reallocation", {}))).toBe("forbidden");
    for (const role of ["owner", "admin", "analyst"] satisfies Role[]) {
      expect(errorCode(await call(db(), accessFor(role, workspace.settings), "reorder_suggestions", {}))).toBe(null);
    }
    // A viewer still reads the store's numbers.
    expect(errorCode(await call(db(), viewer, "query_metrics", { metrics: ["net_sales"], range: "last week" }))).toBe(null);
  });

  it("withholds costs, profit and margins from viewers only when the workspace says so", { timeout: 120_000 }, async () => {
    const workspace = await demo(db());
    const margin = { metrics: ["net_sales", "gross_margin"], range: "last month" };
    expect(errorCode(await call(db(), accessFor("viewer", workspace.settings), "query_metrics", margin))).toBe(null);

    await updateWorkspaceSettings(db(), workspace.id, { ...workspace.settings, hideCostsFromViewers: true });
    const hiding = (await findWorkspaceBySlug(db(), "demo"))!;
    const viewer = accessFor("viewer", hiding.settings);
    expect(viewer.seesCosts).toBe(false);
    expect(errorCode(await call(db(), viewer, "query_metrics", margin))).toBe("forbidden");
    expect(errorCode(await call(db(), viewer, "forecast_metric", { metric: "gross_profit" }))).toBe("forbidden");
    expect(errorCode(await call(db(), viewer, "query_metrics", { metrics: ["net_sales"], range: "last month" }))).toBe(null);
    expect(accessFor("analyst", hiding.settings).seesCosts).toBe(true);
    expect(errorCode(await call(db(), accessFor("analyst", hiding.settings), "query_metrics", margin))).toBe(null);

    // Overstock is valued at price for a viewer who may not see costs, at cost for the owner.
    const overstock = { view: "overstock", top: 50 };
    const asOwner = await call(db(), OWNER_ACCESS, "inventory_status", overstock);
    const asViewer = await call(db(), viewer, "inventory_status", overstock);
    if (!asOwner.ok || !asViewer.ok) throw new Error("inventory_status failed");
    const items = (outcome: ToolOutcome) => (outcome.ok ? (outcome.data as { items: { variantId: number; excessUnits: number; priceCents: number; excessValueCents: number }[] }).items : []);
    const excess = items(asViewer).filter((item) => item.excessUnits > 0);
    expect(excess.length).toBeGreaterThan(0);
    for (const item of excess) expect(item.excessValueCents).toBe(item.excessUnits * item.priceCents);
    const ownerValues = new Map(items(asOwner).map((item) => [item.variantId, item.excessValueCents]));
    expect(excess.some((item) => ownerValues.get(item.variantId) !== item.excessValueCents)).toBe(true);
  });

  it("lets only owners and admins approve", () => {
    expect((["owner", "admin", "analyst", "viewer"] satisfies Role[]).filter(canApprove)).toEqual(["owner", "admin"]);
  });
});
