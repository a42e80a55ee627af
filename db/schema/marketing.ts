import type { Selectable } from "kysely";
import type { CreatedAt, DateOnly, Id } from "./columns.ts";

export const AD_PLATFORMS = ["meta", "google", "tiktok"] as const;
export type AdPlatform = (typeof AD_PLATFORMS)[number];

export interface AdCampaignsTable {
  id: Id;
  workspace_id: number;
  platform: AdPlatform;
  external_id: string;
  name: string;
  objective: string | null;
  status: "active" | "paused" | "archived";
  created_at: CreatedAt;
}

/** One campaign-day as the ad platform reports it (its own attribution). */
export interface AdSpendDailyTable {
  workspace_id: number;
  campaign_id: number;
  date: DateOnly;
  spend_cents: number;
  impressions: number;
  clicks: number;
  conversions: number;
  conversion_value_cents: number;
}

/** Web analytics per day and traffic source (GA4-like). */
export interface WebSessionsDailyTable {
  workspace_id: number;
  date: DateOnly;
  source: string;
  medium: string;
  sessions: number;
  users: number;
  conversions: number;
}

export type AdCampaign = Selectable<AdCampaignsTable>;
