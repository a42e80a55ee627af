/**
 * Button clicks (Slack block_actions, WhatsApp reply buttons) routed by action id prefix to the
 * feature that owns them ("approve:4F2K" → approvals). Handlers run only for a known member of the
 * workspace, and reply with a message or nothing; an id nobody handles gets "that button is no
 * longer active".
 */
import type { Member, Workspace } from "../../db/schema/core.ts";
import type { TurnAccess } from "../../engines/access/roles.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import type { ActionEvent } from "./inbound-message.ts";

export interface ActionContext {
  readonly action: ActionEvent;
  readonly member: Member;
  readonly workspace: Workspace;
  readonly access: TurnAccess;
}

export type ActionHandler = (context: ActionContext) => Promise<OutboundMessage | null>;

export interface ActionRouter {
  /** Handles action ids starting with `prefix` (e.g. "approve:"); a second handler for one prefix is a bug. */
  register(prefix: string, handler: ActionHandler): void;
  /** The handler for this action id, if any (the longest matching prefix). */
  find(actionId: string): ActionHandler | undefined;
}

export function createActionRouter(): ActionRouter {
  const handlers = new Map<string, ActionHandler>();
  return {
    register(prefix, handler) {
      if (prefix.length === 0) throw new Error("an action prefix must not be empty");
      if (handlers.has(prefix)) throw new Error(`a handler for action prefix "${prefix}" is already registered`);
      handlers.set(prefix, handler);
    },
    find(actionId) {
      let best: string | undefined;
      for (const prefix of handlers.keys()) if (actionId.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
      return best === undefined ? undefined : handlers.get(best);
    },
  };
}
