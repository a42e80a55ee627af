import { listOnlyApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { expect, it } from "vitest";
import { OWNER_ACCESS } from "../../engines/access/roles.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import { seedDemo } from "../../demo/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import type { ToolDeps } from "../tool-contract.ts";
import type { ToolOutcome } from "../tool-outcome.ts";
import { platformOf } from "./ad-names.ts";
import { createBudgetReallocationTool } from "./budget-reallocation.ts";
import { budgetReallocationSchema, marketingPerformanceSchema } from "./contracts.ts";
import { createMarketingPerformanceTool } from "./marketing-performance.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";

const END = "2026-11-21";

function data<T>(outcome: ToolOutcome<T>): T {
  if (!outcome.ok) throw new Error(`tool failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

it("maps what people call ad platforms", () => {
  expect(["Meta", "Facebook Ads", "instagram", "IG ads"].map(platformOf)).toEqual(["meta", "meta", "meta", "meta"]);
  expect(["Google Ads", "AdWords", "google"].map(platformOf)).toEqual(["google", "google", "google"]);
  expect(["TikTok", "Tik Tok Ads"].map(platformOf)).toEqual(["tiktok", "tiktok"]);
  expect(platformOf("Pinterest")).toBeNull();
});

describeDatabase("marketing tools on the demo store", ({ db }) => {
  it("report ads by platform and campaign, and move budget without changing the total", { timeout: 240_000 }, async () => {
    await seedDemo(db(), { orders: 2000, seed: 7, end: END });
    const workspace = (await findWorkspaceBySlug(db(), "demo"))!;
    const deps: ToolDeps = { db: db(), workspace, access: OWNER_ACCESS, actor: { memberId: null, channel: "cli" }, approvals: listOnlyApprovalSink(db()), clock: fixedClock(`${END}T18:00:00Z`), logger: silentLogger, embedder: new LexicalEmbedder() };
    const performance = createMarketingPerformanceTool(deps);

    const byPlatform = await performance(marketingPerformanceSchema.parse({ comparison: "previous" }));
    const platforms = data(byPlatform);
    expect(byPlatform.ok && byPlatform.freshness.map((f) => f.source).sort()).toEqual(["ads", "orders"]);
    expect(platforms.rows.map((row) => row.key).sort()).toEqual(["google", "meta"]);
    const spend = platforms.rows.reduce((sum, row) => sum + (row.spendCents ?? 0), 0);
    expect(spend).toBe(platforms.totals.spendCents);
    expect(platforms.blended.adSpendCents).toBe(platforms.totals.spendCents);
    expect(platforms.blended.mer).toBeGreaterThan(0);
    expect(platforms.blended.cacCents).toBeGreaterThan(0);
    expect(platforms.comparison?.kind).toBe("previous");
    expect(platforms.totals.previous?.spendCents).toBeGreaterThan(0);
    for (const row of platforms.rows) expect(row.roas).toBeGreaterThan(0);

    const meta = data(await performance(marketingPerformanceSchema.parse({ by: "campaign", platforms: ["Facebook Ads"] })));
    expect(meta.platforms).toEqual(["meta"]);
    expect(meta.rows.length).toBeGreaterThan(0);
    expect(meta.rows.every((row) => row.platform === "meta")).toBe(true);
    expect(meta.totals.spendCents).toBe(platforms.rows.find((row) => row.key === "meta")!.spendCents);

    const retargeting = data(await performance(marketingPerformanceSchema.parse({ by: "campaign", campaigns: ["retargeting"] })));
    expect(retargeting.campaigns.map((c) => c.name)).toEqual(["Retargeting | Catálogo dinámico"]);
    expect(retargeting.rows).toHaveLength(1);

    const vague = await performance(marketingPerformanceSchema.parse({ campaigns: ["search"] }));
    expect(vague.ok ? null : vague.error.code).toBe("ambiguous");
    expect(vague.ok ? [] : vague.error.suggestions).toEqual(expect.arrayContaining(["Search | Marca"]));
    const tiktok = await performance(marketingPerformanceSchema.parse({ platforms: ["TikTok"] }));
    expect(tiktok.ok ? null : tiktok.error.code).toBe("not_found");
    expect(tiktok.ok ? [] : tiktok.error.suggestions).toEqual(["google", "meta"]);
    const unknown = await performance(marketingPerformanceSchema.parse({ campaigns: ["black friday en japon"] }));
    expect(unknown.ok ? null : unknown.error.code).toBe("not_found");

    const realloc = createBudgetReallocationTool(deps);
    const plan = data(await realloc(budgetReallocationSchema.parse({ range: "last 90 days" })));
    expect(plan.lines.reduce((sum, line) => sum + line.newSpendCents, 0)).toBe(plan.totalSpendCents);
    expect(plan.lines.reduce((sum, line) => sum + line.changeCents, 0)).toBe(0);
    expect(plan.movedCents).toBeGreaterThan(0);
    expect(plan.expectedRevenueChangeCents).toBeGreaterThan(0);
    const donors = plan.lines.filter((line) => line.role === "donor");
    const receivers = plan.lines.filter((line) => line.role === "receiver");
    expect(Math.max(...donors.map((line) => line.roas ?? 0))).toBeLessThan(Math.min(...receivers.map((line) => line.roas ?? 0)));
    for (const line of donors) expect(-line.changeCents).toBeLessThanOrEqual(Math.ceil(line.spendCents * 0.2));
    expect(plan.transfers.reduce((sum, t) => sum + t.amountCents, 0)).toBe(plan.movedCents);
    expect(plan.assumptions.receiverMarginalEfficiency).toBe(0.7);

    const saas = (await findWorkspaceBySlug(db(), "demo-saas"))!;
    const none = await createMarketingPerformanceTool({ ...deps, workspace: saas })(marketingPerformanceSchema.parse({}));
    expect(none.ok ? null : none.error.code).toBe("no_data");
  });
});
