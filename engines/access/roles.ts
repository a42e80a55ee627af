/**
 * What a member may see and decide, by role and workspace settings (which tools a role may call is
 * the tools' side: tools/tool-access.ts).
 *
 * - owner, admin: see costs, profit and margins; may approve changes.
 * - analyst: sees costs; may not approve.
 * - viewer: sees no costs, profit or margins when the workspace sets `hideCostsFromViewers`; may not approve.
 */
import { z } from "zod";
import type { Role } from "../../db/schema/core.ts";

export interface TurnAccess {
  readonly role: Role;
  /** False: product costs, gross profit and margins are withheld (tools answer `forbidden` or value at price). */
  readonly seesCosts: boolean;
}

/** The terminal and the local web chat run as the owner of the machine. */
export const OWNER_ACCESS: TurnAccess = Object.freeze({ role: "owner", seesCosts: true });

/** Metrics computed from product costs. */
export const COST_METRICS: ReadonlySet<string> = new Set(["gross_profit", "gross_margin"]);

const accessSettingsSchema = z.object({ hideCostsFromViewers: z.boolean().default(false) }).loose();

/** The workspace's access settings, from its free-form settings (unknown keys kept, bad values ignored). */
export function hidesCostsFromViewers(settings: unknown): boolean {
  const parsed = accessSettingsSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data.hideCostsFromViewers : false;
}

export function accessFor(role: Role, workspaceSettings: unknown): TurnAccess {
  return { role, seesCosts: role !== "viewer" || !hidesCostsFromViewers(workspaceSettings) };
}

/** Only owners and admins may approve a change (price changes, budget moves). */
export function canApprove(role: Role): boolean {
  switch (role) {
    case "owner":
    case "admin":
      return true;
    case "analyst":
    case "viewer":
      return false;
  }
}

/** The cost metrics among these names that this access may not read. */
export function withheldMetrics(access: TurnAccess, metrics: readonly string[]): string[] {
  return access.seesCosts ? [] : metrics.filter((metric) => COST_METRICS.has(metric));
}
