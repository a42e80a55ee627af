/**
 * budget_reallocation: a suggestion (nothing changes) to move ad budget from the least to the most
 * efficient platforms or campaigns, from the metrics engine's spend, conversions and ROAS.
 */
import { reallocateBudget, type SpendEntry } from "../../engines/marketing/budget-reallocation.ts";
import { queryMetrics } from "../../engines/metrics/query/execute.ts";
import { roundHalfAway } from "../../engines/metrics/values.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import { resolveAdNames } from "./ad-names.ts";
import type { budgetReallocationSchema } from "./contracts.ts";
import { metricError } from "./marketing-performance.ts";

export interface BudgetLineData {
  readonly key: string;
  readonly label: string;
  readonly platform: string | null;
  readonly role: "donor" | "receiver" | "unchanged";
  readonly spendCents: number;
  readonly newSpendCents: number;
  readonly changeCents: number;
  readonly conversions: number;
  readonly roas: number | null;
  readonly cpaCents: number | null;
  readonly expectedConversionsChange: number;
  readonly expectedRevenueChangeCents: number;
}

export interface BudgetReallocationData {
  readonly by: "platform" | "campaign";
  readonly range: { readonly start: string; readonly end: string; readonly label: string; readonly days: number };
  readonly shiftPercent: number;
  /** What efficiency was ranked by: platform ROAS, or conversions per spend when no value is reported. */
  readonly basis: "roas" | "conversions_per_spend";
  readonly totalSpendCents: number;
  readonly averageRoas: number | null;
  /** Budget moved over a period as long as the range (0: nothing worth moving). */
  readonly movedCents: number;
  readonly expectedConversionsChange: number;
  readonly expectedRevenueChangeCents: number;
  /** Every member with spend, donors first. */
  readonly lines: readonly BudgetLineData[];
  readonly transfers: readonly { readonly from: string; readonly to: string; readonly amountCents: number }[];
  readonly assumptions: {
    /** Receivers' extra budget converts at this share of their average rate (diminishing returns). */
    readonly receiverMarginalEfficiency: number;
    /** Donors lose conversions at this share of their average rate. */
    readonly donorLossEfficiency: number;
    /** A receiver gets at most this fraction more budget. */
    readonly maxReceiverIncrease: number;
    readonly attribution: "platform";
  };
}

export const createBudgetReallocationTool: ToolFactory<typeof budgetReallocationSchema, BudgetReallocationData> = (deps) => async (args) => {
  const { db, workspace, clock } = deps;
  const tool = "budget_reallocation";
  const names = await resolveAdNames(db, workspace.id, tool, { platforms: [], campaigns: [] });
  if (!names.ok) return names.outcome;
  const query = await queryMetrics(
    db,
    workspace,
    { metrics: ["ad_spend", "ad_conversions", "roas"], range: args.range, breakdown: { dimension: args.by, top: 100, sortBy: "ad_spend", direction: "desc" } },
    { clock },
  );
  if (!query.ok) return metricError(tool, query.error);
  const result = query.value;
  const platformOf = new Map(names.selection.campaigns.map((c) => [String(c.id), c.platform]));
  const nameOf = new Map(names.selection.campaigns.map((c) => [String(c.id), c.name]));
  const entries: SpendEntry[] = [];
  for (const row of result.breakdown?.rows ?? []) {
    const spendCents = row.values.ad_spend?.value ?? 0;
    if (row.other || spendCents <= 0) continue;
    const roas = row.values.roas?.value ?? 0;
    entries.push({
      key: row.member,
      label: args.by === "campaign" ? (nameOf.get(row.member) ?? row.label) : row.label,
      spendCents,
      conversions: row.values.ad_conversions?.value ?? 0,
      // The engine reports ROAS (value ÷ spend, 6 decimals); value back in whole cents.
      conversionValueCents: roundHalfAway(roas * spendCents),
    });
  }
  if (entries.length === 0) return toolError(tool, "no_data", `There was no ad spend in ${result.range.label}.`);
  if (entries.length === 1) {
    return toolError(tool, "invalid_request", `Only one ${args.by} had spend in ${result.range.label}: there is nothing to move budget between.`, args.by === "campaign" ? ["platform"] : ["campaign"]);
  }
  const plan = reallocateBudget(entries, args.shiftPercent);
  const conversionsOf = new Map(entries.map((e) => [e.key, e.conversions]));
  const roleOrder = { donor: 0, receiver: 1, unchanged: 2 } as const;
  const lines = plan.lines
    .map((line): BudgetLineData => ({
      key: line.key,
      label: line.label,
      platform: args.by === "platform" ? line.key : (platformOf.get(line.key) ?? null),
      role: line.role,
      spendCents: line.spendCents,
      newSpendCents: line.newSpendCents,
      changeCents: line.changeCents,
      conversions: conversionsOf.get(line.key) ?? 0,
      roas: line.roas,
      cpaCents: line.cpaCents,
      expectedConversionsChange: line.expectedConversionsChange,
      expectedRevenueChangeCents: line.expectedValueChangeCents,
    }))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || b.spendCents - a.spendCents);
  const { start, end, label, days } = result.range;
  const data: BudgetReallocationData = {
    by: args.by,
    range: { start, end, label, days },
    shiftPercent: args.shiftPercent,
    basis: plan.basis,
    totalSpendCents: plan.totalSpendCents,
    averageRoas: plan.averageRoas,
    movedCents: plan.movedCents,
    expectedConversionsChange: plan.expectedConversionsChange,
    expectedRevenueChangeCents: plan.expectedValueChangeCents,
    lines,
    transfers: plan.transfers.map((t) => ({ from: t.fromLabel, to: t.toLabel, amountCents: t.amountCents })),
    assumptions: { ...plan.assumptions, attribution: "platform" },
  };
  return toolData(tool, data, result.freshness);
};
