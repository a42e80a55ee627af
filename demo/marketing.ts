/**
 * Ad campaigns with daily platform metrics, and web sessions by source/medium. Both follow the
 * day's expected demand (the traffic that came); web conversions are the orders actually bought on
 * the site, so on the planted drop day sessions are normal and conversions are not.
 */
import type { Db } from "../db/database.ts";
import type { LocalDay } from "./calendar.ts";
import { insertForIds, insertRows, type Row } from "./load.ts";
import { campaignsOf, TRAFFIC_SOURCES, type CampaignSpec } from "./marketing-data.ts";
import { DROP_FACTOR } from "./planted.ts";
import type { StoreProfile } from "./profiles.ts";
import { apportion, rngFor } from "./random.ts";
import type { DemandPlan } from "./seasonality.ts";

export interface MarketingInput {
  readonly store: StoreProfile;
  readonly days: readonly LocalDay[];
  readonly demand: DemandPlan;
  /** Web orders actually placed per day. */
  readonly webOrders: Int32Array;
  /** Average order value of the store, minor units. */
  readonly aovCents: number;
  readonly dropDay: number;
}

export interface MarketingResult {
  readonly campaigns: number;
  /** Sessions and web conversions on the drop day. */
  readonly dropSessions: number;
  readonly dropConversions: number;
}

export async function seedMarketing(
  db: Db,
  workspaceId: number,
  input: MarketingInput,
  seed: number,
  onRows?: (rows: number) => void,
): Promise<MarketingResult> {
  const { store, days, demand } = input;
  const specs = campaignsOf(store.market);
  const activeDays = specs.map((spec) => activity(spec, input));
  const idRng = rngFor(seed, store.slug, "campaign-ids");
  const campaignRows = specs.map((spec, i) => {
    const first = activeDays[i]!.indexOf(true);
    const externalId = spec.platform === "meta" ? `1202${String(idRng.int(10 ** 13, 10 ** 14 - 1))}` : String(idRng.int(10 ** 9, 10 ** 10 - 1) + 10 ** 10);
    return {
      workspace_id: workspaceId,
      platform: spec.platform,
      external_id: externalId,
      name: spec.name,
      objective: spec.objective,
      status: activeDays[i]![days.length - 1] ? "active" : "paused",
      created_at: new Date(days[Math.max(first, 0)]!.startMs - 3 * 86_400_000).toISOString(),
    };
  });
  const ids = await insertForIds(
    db,
    "ad_campaigns",
    { workspace_id: "bigint", platform: "text", external_id: "text", name: "text", objective: "text", status: "text", created_at: "timestamptz" },
    campaignRows,
    ["id", "external_id"],
  );

  const spendRows: Row[] = [];
  specs.forEach((spec, i) => {
    const campaignId = ids.get(campaignRows[i]!.external_id);
    if (campaignId === undefined) throw new Error(`campaign ${spec.name} was not written`);
    const rng = rngFor(seed, store.slug, "ads", i);
    for (const day of days) {
      if (!activeDays[i]![day.index]) continue;
      const event = demand.eventFactor[day.index]! > 1.3;
      const expectedRevenue = demand.expected[day.index]! * input.aovCents;
      // Always-on budgets get raised for events too, though less than demand rises.
      const spend = Math.max(100, Math.round(expectedRevenue * spec.share * (event && spec.runs.kind === "always" ? 1.15 : 1) * rng.noise(0.12)));
      const roas = spec.roas * rng.noise(0.18) * (event ? 1.15 : 1) * (day.index === input.dropDay ? DROP_FACTOR : 1);
      const value = Math.round(spend * roas);
      const conversions = Math.round(value / (input.aovCents * rng.noise(0.1)));
      const clicks = Math.max(conversions, Math.round(spend / (spec.cpcCents * rng.noise(0.1))));
      const impressions = Math.max(clicks, Math.round(clicks / (spec.ctr * rng.noise(0.15))));
      spendRows.push({
        workspace_id: workspaceId,
        campaign_id: campaignId,
        date: day.date,
        spend_cents: spend,
        impressions,
        clicks,
        conversions,
        conversion_value_cents: value,
      });
    }
  });
  await insertRows(
    db,
    "ad_spend_daily",
    { workspace_id: "bigint", campaign_id: "bigint", date: "date", spend_cents: "bigint", impressions: "bigint", clicks: "bigint", conversions: "integer", conversion_value_cents: "bigint" },
    spendRows,
    onRows,
  );

  const { rows: sessionRows, dropSessions, dropConversions } = sessions(workspaceId, input, seed);
  await insertRows(
    db,
    "web_sessions_daily",
    { workspace_id: "bigint", date: "date", source: "text", medium: "text", sessions: "integer", users: "integer", conversions: "integer" },
    sessionRows,
    onRows,
  );
  return { campaigns: specs.length, dropSessions, dropConversions };
}

function activity(spec: CampaignSpec, input: MarketingInput): boolean[] {
  const { days, demand } = input;
  const runs = spec.runs;
  switch (runs.kind) {
    case "always":
      return days.map(() => true);
    case "until":
      return days.map((day) => day.index < days.length - runs.daysBeforeEnd);
    case "events": {
      const on = days.map(() => false);
      for (const window of demand.windows) {
        if (!runs.keys.includes(window.key)) continue;
        for (const day of days) if (day.date >= window.start && day.date <= window.end) for (let k = 0; k <= runs.leadDays; k++) if (day.index - k >= 0) on[day.index - k] = true;
      }
      return on;
    }
  }
}

function sessions(workspaceId: number, input: MarketingInput, seed: number): { rows: Row[]; dropSessions: number; dropConversions: number } {
  const { store, days, demand } = input;
  const rng = rngFor(seed, store.slug, "sessions");
  const webShare = store.channels.filter(([channel]) => channel === "online_store" || channel === "instagram").reduce((acc, [, w]) => acc + w, 0);
  const rows: Row[] = [];
  let dropSessions = 0;
  let dropConversions = 0;
  for (const day of days) {
    // Sale days convert better: people arrive ready to buy.
    const rate = store.conversionRate * (demand.eventFactor[day.index]! >= 1.5 ? 1.3 : 1);
    const total = (demand.expected[day.index]! * webShare) / rate;
    const perSource = TRAFFIC_SOURCES.map((s) => Math.max(1, Math.round(total * s.share * rng.noise(0.06))));
    const conversions = apportion(
      input.webOrders[day.index]!,
      perSource.map((n, i) => n * TRAFFIC_SOURCES[i]!.conversion),
    );
    TRAFFIC_SOURCES.forEach((source, i) => {
      const sessionCount = Math.max(perSource[i]!, conversions[i]!);
      rows.push({
        workspace_id: workspaceId,
        date: day.date,
        source: source.source,
        medium: source.medium,
        sessions: sessionCount,
        users: Math.max(1, Math.round(sessionCount * rng.between(0.76, 0.86))),
        conversions: conversions[i]!,
      });
      if (day.index === input.dropDay) {
        dropSessions += sessionCount;
        dropConversions += conversions[i]!;
      }
    });
  }
  return { rows, dropSessions, dropConversions };
}
