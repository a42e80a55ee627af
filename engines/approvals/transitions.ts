/**
 * The life of a price-change proposal:
 *
 *   proposed → pending_approval → approved | rejected | expired
 *   approved → applying → applied | failed
 *   applied → rolled_back            (an approved undo restored the previous price)
 *
 * A person's reply moves pending_approval to approved or rejected; the expiry tick moves it to
 * expired; the apply job moves approved through applying to applied or failed (failed also when it
 * refuses because the store's price moved or a rule now fails). Nothing else moves a proposal.
 */
import { PROPOSAL_STATUSES, type ProposalStatus } from "../../db/schema/operations.ts";

const NEXT: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  proposed: ["pending_approval"],
  pending_approval: ["approved", "rejected", "expired"],
  approved: ["applying"],
  applying: ["applied", "failed"],
  applied: ["rolled_back"],
  rejected: [],
  expired: [],
  failed: [],
  rolled_back: [],
};

export function canMove(from: ProposalStatus, to: ProposalStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses a proposal may be in to move to `to`. */
export function statusesBefore(to: ProposalStatus): ProposalStatus[] {
  return PROPOSAL_STATUSES.filter((from) => NEXT[from].includes(to));
}

/** Final: nothing will happen to it any more (an applied change can still be undone by a new proposal). */
export function isSettled(status: ProposalStatus): boolean {
  return NEXT[status].length === 0 || status === "applied";
}
