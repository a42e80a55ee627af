/**
 * Ad platforms and campaigns as people name them: "Facebook Ads", "Insta", "AdWords", "la campaña
 * de retargeting", resolved against the workspace's campaigns for the marketing tools.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { readCampaignNames, type CampaignName } from "../../engines/marketing/campaign-names.ts";
import { normalizeName, resolveName } from "../loose-match.ts";
import type { ToolName } from "../tool-names.ts";
import { toolError, type ToolOutcome } from "../tool-outcome.ts";

/** What people call each platform (normalised: lower case, no accents). */
const PLATFORM_ALIASES: Readonly<Record<string, readonly string[]>> = {
  meta: ["meta", "facebook", "fb", "instagram", "insta", "ig", "meta business", "facebook instagram"],
  google: ["google", "adwords", "google adwords", "youtube", "performance max", "pmax", "google shopping", "google search"],
  tiktok: ["tiktok", "tik tok", "tiktok for business"],
};

const TRAILING = / (ads|anuncios|anuncio|publicidad|advertising)$/;

/** The platform value a spoken name means (meta, google, tiktok…), or null. */
export function platformOf(spoken: string): string | null {
  const name = normalizeName(spoken).replace(TRAILING, "").replace(/^(ads|anuncios) (de|en|em|on) /, "");
  for (const [platform, aliases] of Object.entries(PLATFORM_ALIASES)) if (aliases.includes(name)) return platform;
  return null;
}

export interface AdSelection {
  readonly campaigns: readonly CampaignName[];
  /** Platforms with campaigns in the workspace. */
  readonly available: readonly string[];
  readonly platforms: readonly string[];
  readonly campaignPicks: readonly CampaignName[];
}

export async function resolveAdNames(
  db: DbOrTrx,
  workspaceId: number,
  tool: ToolName,
  args: { readonly platforms: readonly string[]; readonly campaigns: readonly string[] },
): Promise<{ ok: true; selection: AdSelection } | { ok: false; outcome: ToolOutcome<never> }> {
  const campaigns = await readCampaignNames(db, workspaceId);
  if (campaigns.length === 0) return { ok: false, outcome: toolError(tool, "no_data", "No ad platform is connected: there are no ad campaigns in this workspace.") };
  const available = [...new Set(campaigns.map((c) => c.platform))].sort();
  const platforms = new Set<string>();
  for (const spoken of args.platforms) {
    const platform = platformOf(spoken) ?? available.find((p) => normalizeName(p) === normalizeName(spoken)) ?? null;
    if (platform === null) return { ok: false, outcome: toolError(tool, "not_found", `"${spoken}" is not an ad platform this workspace uses.`, available) };
    if (!available.includes(platform)) return { ok: false, outcome: toolError(tool, "not_found", `This workspace has no ${platform} campaigns.`, available) };
    platforms.add(platform);
  }
  const pool = platforms.size > 0 ? campaigns.filter((c) => platforms.has(c.platform)) : campaigns;
  const candidates = pool.map((c) => ({ names: [c.name, c.externalId, String(c.id)], label: c.name, value: c }));
  const picks = new Map<number, CampaignName>();
  for (const spoken of args.campaigns) {
    const resolution = resolveName(spoken, candidates, (c) => String(c.id));
    switch (resolution.kind) {
      case "not_found":
        return { ok: false, outcome: toolError(tool, "not_found", `No campaign matches "${spoken}".`, resolution.suggestions) };
      case "ambiguous":
        return { ok: false, outcome: toolError(tool, "ambiguous", `Several campaigns match "${spoken}": which one?`, resolution.suggestions) };
      case "found":
        for (const c of resolution.values) picks.set(c.id, c);
    }
  }
  return { ok: true, selection: { campaigns, available, platforms: [...platforms].sort(), campaignPicks: [...picks.values()] } };
}
