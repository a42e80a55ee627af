import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { addDays, weekdayOf } from "../../lib/calendar-date.ts";
import { fixedClock } from "../../lib/clock.ts";
import { describeDatabase } from "../../test/database.ts";
import { rebuildRollups } from "../metrics/rollups/refresh.ts";
import { detectInsights } from "./detect-insights.ts";
import { HISTORY_DAYS, HORIZON_DAYS } from "./detect-trends.ts";
import { trendBreakEvidence } from "./evidence.ts";
import { WINDOW_DAYS, Z_MIN } from "./trend-break.ts";

const TODAY = "2026-11-21";
const clock = fixedClock(`${TODAY}T18:00:00Z`);
const FIRST = addDays(TODAY, -(HISTORY_DAYS + WINDOW_DAYS));
const WINDOW_START = addDays(TODAY, -WINDOW_DAYS);
/** Orders a day by weekday (Sunday first): even, so half of them is whole. */
const ORDERS = [4, 6, 6, 8, 6, 8, 4];
const ORDER_CENTS = 50_000;

interface WindowPlan {
  /** Orders a day in the window, from the day's usual count. */
  readonly orders: (usual: number) => number;
  readonly orderCents: number;
}

const dates = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
};
const usual = (date: string) => ORDERS[weekdayOf(date)] ?? 0;
const windowDates = dates(WINDOW_START, TODAY);

/** A store in Mexico City (UTC−6 all year) with the usual orders every day before the window and `plan`'s in it. */
async function store(db: Db, slug: string, plan: WindowPlan): Promise<Workspace> {
  const workspace = await createWorkspace(db, { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const rows = dates(FIRST, TODAY).flatMap((date) => {
    const inWindow = date >= WINDOW_START;
    const count = inWindow ? plan.orders(usual(date)) : usual(date);
    const cents = inWindow ? plan.orderCents : ORDER_CENTS;
    return Array.from({ length: count }, (_, k) => ({
      workspace_id: workspace.id,
      source: "test",
      external_id: `${date}-${k}`,
      customer_id: null,
      placed_at: `${date}T12:${String(k).padStart(2, "0")}:00-06:00`,
      status: "paid" as const,
      currency: "MXN",
      subtotal_cents: cents,
      discount_cents: 0,
      shipping_cents: 0,
      tax_cents: 0,
      total_cents: cents,
    }));
  });
  await db.insertInto("orders").values(rows).execute();
  await rebuildRollups(db, workspace);
  return workspace;
}

async function trendBreaks(db: Db, workspace: Workspace, at = clock) {
  const result = await detectInsights(db, workspace, at, { detectors: ["trends"] });
  expect(result.failures).toEqual([]);
  expect(result.types).toEqual(["trend_break"]);
  return result.candidates;
}

describeDatabase("trend_break detection", ({ db }) => {
  it("finds orders halved for two weeks, with the planted figures, and keeps it one insight the next day", async () => {
    const workspace = await store(db(), "halved", { orders: (n) => n / 2, orderCents: ORDER_CENTS });
    const found = await trendBreaks(db(), workspace);
    expect(found.map((c) => c.fingerprint).sort()).toEqual(["trend_break:net_sales:down", "trend_break:orders:down"]);

    const expectedOrders = windowDates.reduce((sum, d) => sum + usual(d), 0) / WINDOW_DAYS;
    const actualOrders = windowDates.reduce((sum, d) => sum + usual(d) / 2, 0) / WINDOW_DAYS;
    // No noise in the history: σ is the Poisson floor 1/√λ, λ = the orders of a usual window.
    const z = 0.5 / (1 / Math.sqrt(((ORDERS.reduce((a, b) => a + b, 0) / 7) * WINDOW_DAYS)));
    const confidence = Math.round((1 - 2 ** -((z / Z_MIN) ** 2)) * 1000) / 1000;
    const orders = found.find((c) => c.fingerprint === "trend_break:orders:down")!;
    expect(trendBreakEvidence.parse(orders.evidence)).toEqual({
      metric: "orders",
      label: "Orders",
      unit: "count",
      currency: "MXN",
      start: WINDOW_START,
      end: TODAY,
      actualPerDay: actualOrders,
      expectedPerDay: expectedOrders,
      changePct: -0.5,
      direction: "down",
      daysOnSide: WINDOW_DAYS,
    });
    expect(orders).toMatchObject({ type: "trend_break", subject: "metric:orders", severity: "critical", urgent: true, confidence });
    expect(orders.impactCents).toBe(Math.round((expectedOrders - actualOrders) * ORDER_CENTS * HORIZON_DAYS));
    expect(orders.action).toMatchObject({ kind: "question", question: { en: "Why have orders been below trend since Nov 7?", es: "¿Por qué están los pedidos por debajo de la tendencia desde el 7 nov?" } });

    const sales = found.find((c) => c.fingerprint === "trend_break:net_sales:down")!;
    expect(sales.evidence).toMatchObject({ unit: "money", actualPerDay: actualOrders * ORDER_CENTS, expectedPerDay: expectedOrders * ORDER_CENTS, changePct: -0.5 });
    expect(sales.impactCents).toBe((expectedOrders - actualOrders) * ORDER_CENTS * HORIZON_DAYS);

    // The next day has no new data yet: the same window, the same fingerprints and figures.
    const nextDay = await trendBreaks(db(), workspace, fixedClock(`${addDays(TODAY, 1)}T18:00:00Z`));
    expect(nextDay.map((c) => [c.fingerprint, c.evidence])).toEqual(found.map((c) => [c.fingerprint, c.evidence]));
  });

  it("finds the average order value dropping while orders hold, judged as a ratio of the window's sums", async () => {
    const cheaper = 30_000;
    const workspace = await store(db(), "cheaper", { orders: (n) => n, orderCents: cheaper });
    const found = await trendBreaks(db(), workspace);
    expect(found.map((c) => c.fingerprint).sort()).toEqual(["trend_break:aov:down", "trend_break:net_sales:down"]);
    const aov = found.find((c) => c.fingerprint === "trend_break:aov:down")!;
    expect(trendBreakEvidence.parse(aov.evidence)).toMatchObject({ unit: "money", actualPerDay: cheaper, expectedPerDay: ORDER_CENTS, changePct: cheaper / ORDER_CENTS - 1, aggregate: "window" });
    const windowOrders = windowDates.reduce((sum, d) => sum + usual(d), 0);
    expect(aov.impactCents).toBe((ORDER_CENTS - cheaper) * (windowOrders / WINDOW_DAYS) * HORIZON_DAYS);
    // −40% but only 3.7σ from the floor: a warning, not an alert.
    expect(aov).toMatchObject({ severity: "warning", urgent: false });
  });

  it("finds nothing when the window goes on as before", async () => {
    const workspace = await store(db(), "steady", { orders: (n) => n, orderCents: ORDER_CENTS });
    expect(await trendBreaks(db(), workspace)).toEqual([]);
  });
});
