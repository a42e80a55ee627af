/** price_changes: the workspace's price-change proposals and where each stands. */
import { listProposals } from "../../db/repositories/price-proposals.ts";
import type { ProposalStatus } from "../../db/schema/operations.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData } from "../tool-outcome.ts";
import type { priceChangesSchema } from "./pricing-contracts.ts";
import type { PriceChangesData } from "./pricing-data.ts";
import { proposalData } from "./proposal-data.ts";
import { resolveCatalog } from "./resolve-catalog.ts";

const STATUSES: Readonly<Record<"pending" | "applied" | "all", readonly ProposalStatus[] | null>> = {
  pending: ["pending_approval", "approved", "applying"],
  applied: ["applied", "rolled_back"],
  all: null,
};

export const createPriceChangesTool: ToolFactory<typeof priceChangesSchema, PriceChangesData> = (deps) => async (args) => {
  const { db, workspace, access } = deps;
  let productIds: readonly number[] | null = null;
  if (args.products.length > 0) {
    const resolved = await resolveCatalog(db, workspace.id, "price_changes", { products: args.products, category: null });
    if (!resolved.ok) return resolved.outcome;
    productIds = resolved.selection.touchedProductIds;
  }
  const { rows, total } = await listProposals(db, workspace.id, { statuses: STATUSES[args.status], productIds, limit: args.top });
  return toolData(
    "price_changes",
    { status: args.status, total, proposals: rows.map((row) => proposalData(row, { seesCosts: access.seesCosts, currency: workspace.currency })) },
    [],
  );
};
