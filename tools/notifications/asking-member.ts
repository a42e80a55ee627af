/**
 * The member behind a turn, for the notifications tools: they act only on the asker's own settings
 * and notifications. No member (the terminal, the local web chat) or one not in this workspace is a
 * typed `invalid_request` (NO_MEMBER) the answer explains.
 */
import { memberSettings, type MemberSettings } from "../../engines/notifications/member-preferences.ts";
import type { ToolDeps } from "../tool-contract.ts";
import type { NotificationToolName } from "../tool-names.ts";
import { toolError, type ToolOutcome } from "../tool-outcome.ts";
import { NO_MEMBER } from "./contracts.ts";

export type AskingMember = { readonly ok: true; readonly settings: MemberSettings } | { readonly ok: false; readonly outcome: ToolOutcome<never> };

export async function askingMember(deps: ToolDeps, tool: NotificationToolName): Promise<AskingMember> {
  const memberId = deps.actor.memberId;
  const settings = memberId === null ? null : await memberSettings(deps.db, deps.workspace.id, memberId);
  return settings === null ? { ok: false, outcome: toolError(tool, "invalid_request", NO_MEMBER) } : { ok: true, settings };
}
