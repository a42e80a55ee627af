/**
 * undo_price_change: proposes restoring the price an applied change replaced. From the model it
 * always waits for an approver's reply (a person's own "undo 4F2K" reply is handled by the approvals
 * desk, which may apply it at once).
 */
import { canApprove } from "../../engines/access/roles.ts";
import { DEFAULT_PROPOSAL_TTL_MS } from "../../engines/approvals/create-proposal.ts";
import { requestUndo } from "../../engines/approvals/undo.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { undoPriceChangeSchema } from "./pricing-contracts.ts";
import type { ProposePriceChangeData } from "./pricing-data.ts";
import { proposalData } from "./proposal-data.ts";

const TOOL = "undo_price_change";

export const createUndoPriceChangeTool: ToolFactory<typeof undoPriceChangeSchema, ProposePriceChangeData> = (deps) => async (args) => {
  const { db, workspace, access, actor, clock } = deps;
  const code = args.code.trim().toUpperCase();
  const outcome = await requestUndo(db, {
    decider: { workspaceId: workspace.id, memberId: actor.memberId, role: access.role },
    code,
    channel: actor.channel,
    text: `undo ${code}`,
    ttlMs: DEFAULT_PROPOSAL_TTL_MS,
    approveNow: false,
    now: clock.now(),
  });
  const shaped = (view: Parameters<typeof proposalData>[0]) => proposalData(view, { seesCosts: access.seesCosts, currency: workspace.currency });
  switch (outcome.kind) {
    case "unknown_code":
      return toolError(TOOL, "not_found", `No price change has the code ${outcome.code}.`);
    case "is_undo":
      return toolError(TOOL, "invalid_request", `${code} is itself an undo; to go back, propose the price again.`);
    case "not_applied":
      return toolError(TOOL, "invalid_request", `${code} was not applied (it is ${outcome.proposal.status.replace("_", " ")}), so there is nothing to undo.`);
    case "open":
    case "created": {
      const undo = outcome.undo;
      const approvers = outcome.kind === "created" ? await deps.approvals.request({ workspace, proposal: undo, askerMemberId: actor.memberId, askerChannel: actor.channel }) : [];
      const data: ProposePriceChangeData = {
        proposal: shaped(undo),
        approvers: approvers.filter((a) => a.memberId !== actor.memberId).map((a) => ({ name: a.name, channel: a.channel })),
        askerCanApprove: canApprove(access.role),
        warnings: [],
      };
      return toolData(TOOL, data, []);
    }
  }
};
