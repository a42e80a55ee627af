/**
 * Facts the sources already report per day: ad platforms (spend, clicks… per campaign-day, dated
 * in the workspace's calendar) and web analytics (sessions per day and source/medium). They are
 * their own rollups, so every query reads O(days × campaigns) rows.
 */
import { sql, type RawBuilder } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import type { DimensionName } from "../definitions/dimensions.ts";
import { aggregate } from "./aggregate-sql.ts";
import type { FactRequest, FactResult, FactSource } from "./types.ts";

function sum(measure: string): RawBuilder<unknown> {
  return sql`sum(${sql.ref(measure)})`;
}

const AD_DIMENSION_SQL: Partial<Record<DimensionName, RawBuilder<unknown>>> = {
  platform: sql`s.platform`,
  campaign: sql`s.campaign_id::text`,
};

export const adFacts: FactSource = {
  name: "ads",
  supports: (dimension) => dimension in AD_DIMENSION_SQL,
  async load(db: DbOrTrx, request: FactRequest): Promise<FactResult> {
    const source = {
      from: sql`(select a.date as day, c.platform, a.campaign_id, a.spend_cents, a.impressions, a.clicks, a.conversions, a.conversion_value_cents
        from ad_spend_daily a join ad_campaigns c on c.id = a.campaign_id
        where a.workspace_id = ${request.scope.workspaceId} and a.date >= ${request.start}::date and a.date < ${request.end}::date) as s`,
      dimension: (name: DimensionName) => {
        const column = AD_DIMENSION_SQL[name];
        if (!column) throw new Error(`ads cannot split by ${name}`);
        return column;
      },
      measure: sum,
    };
    return { rows: await aggregate(db, source, request, request.measures), path: "daily" };
  },
};

const WEB_DIMENSION_SQL: Partial<Record<DimensionName, RawBuilder<unknown>>> = {
  source: sql`s.source`,
  medium: sql`s.medium`,
  source_medium: sql`(s.source || ' / ' || s.medium)`,
};

export const webFacts: FactSource = {
  name: "web",
  supports: (dimension) => dimension in WEB_DIMENSION_SQL,
  async load(db: DbOrTrx, request: FactRequest): Promise<FactResult> {
    const source = {
      from: sql`(select date as day, source, medium, sessions, users, conversions from web_sessions_daily
        where workspace_id = ${request.scope.workspaceId} and date >= ${request.start}::date and date < ${request.end}::date) as s`,
      dimension: (name: DimensionName) => {
        const column = WEB_DIMENSION_SQL[name];
        if (!column) throw new Error(`web analytics cannot split by ${name}`);
        return column;
      },
      measure: sum,
    };
    return { rows: await aggregate(db, source, request, request.measures), path: "daily" };
  },
};
