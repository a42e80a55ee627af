/**
 * The insight a member means by "this": the one named, else the last one sent to them on the
 * channel they are writing from, else on any channel. Not found is a typed error: `not_found` for a
 * named insight never sent to them, `no_data` when nothing was sent yet.
 */
import { lastNotifiedInsight, type NotifiedInsight } from "../../db/repositories/insight-notifications.ts";
import { IDENTITY_CHANNELS } from "../../db/schema/core.ts";
import type { ToolDeps } from "../tool-contract.ts";
import type { NotificationToolName } from "../tool-names.ts";
import { toolError, type ToolOutcome } from "../tool-outcome.ts";

export type LastNotified = { readonly ok: true; readonly found: NotifiedInsight } | { readonly ok: false; readonly outcome: ToolOutcome<never> };

export async function findNotified(deps: ToolDeps, tool: NotificationToolName, memberId: number, insightId: number | null): Promise<LastNotified> {
  const named = insightId === null ? {} : { insightId };
  const onThisChannel = IDENTITY_CHANNELS.some((channel) => channel === deps.actor.channel);
  const found =
    (onThisChannel ? await lastNotifiedInsight(deps.db, deps.workspace.id, memberId, { ...named, channel: deps.actor.channel }) : null) ??
    (await lastNotifiedInsight(deps.db, deps.workspace.id, memberId, named));
  if (found !== null) return { ok: true, found };
  return {
    ok: false,
    outcome:
      insightId === null
        ? toolError(tool, "no_data", "No insight has been sent to the asker yet (no alert, digest or weekly report with insights).")
        : toolError(tool, "not_found", `Insight ${insightId} was never sent to the asker.`),
  };
}
