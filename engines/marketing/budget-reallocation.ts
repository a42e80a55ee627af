/**
 * Budget reallocation (pure): move part of the least efficient spenders' budget to the most
 * efficient ones, and estimate what that changes.
 *
 * Efficiency is platform ROAS (conversion value ÷ spend) over the period; with no conversion value
 * at all, conversions per unit of spend. With A = the spend-weighted average efficiency:
 * - donors: efficiency below A; each gives shiftPercent of its spend;
 * - receivers: efficiency × RECEIVER_MARGINAL_EFFICIENCY above A (so a move gains even after
 *   diminishing returns); the moved money is split between them in proportion to their spend, at
 *   most MAX_RECEIVER_INCREASE of each one's spend (the total moved shrinks to fit).
 * Expected change: a donor loses the cut × its average conversions and value per unit of spend
 * (its last units of budget are likely worse than its average, so this overstates the loss); a
 * receiver gains the addition × its average rates × RECEIVER_MARGINAL_EFFICIENCY. Total spend is
 * unchanged to the cent.
 */
export const RECEIVER_MARGINAL_EFFICIENCY = 0.7;
export const MAX_RECEIVER_INCREASE = 0.5;

export interface SpendEntry {
  readonly key: string;
  readonly label: string;
  readonly spendCents: number;
  readonly conversions: number;
  readonly conversionValueCents: number;
}

export type AllocationRole = "donor" | "receiver" | "unchanged";

export interface AllocationLine {
  readonly key: string;
  readonly label: string;
  readonly role: AllocationRole;
  readonly spendCents: number;
  readonly newSpendCents: number;
  readonly changeCents: number;
  /** Conversion value ÷ spend, or null without spend. */
  readonly roas: number | null;
  readonly cpaCents: number | null;
  readonly expectedConversionsChange: number;
  readonly expectedValueChangeCents: number;
}

export interface Transfer {
  readonly fromKey: string;
  readonly fromLabel: string;
  readonly toKey: string;
  readonly toLabel: string;
  readonly amountCents: number;
}

export interface Reallocation {
  readonly basis: "roas" | "conversions_per_spend";
  readonly shiftPercent: number;
  readonly totalSpendCents: number;
  readonly averageRoas: number | null;
  readonly movedCents: number;
  readonly lines: readonly AllocationLine[];
  readonly transfers: readonly Transfer[];
  readonly expectedConversionsChange: number;
  readonly expectedValueChangeCents: number;
  readonly assumptions: { readonly receiverMarginalEfficiency: number; readonly donorLossEfficiency: number; readonly maxReceiverIncrease: number };
}

/** Splits `total` cents over weights by largest remainder, so the parts add up exactly. */
export function splitCents(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index]! += 1;
    left--;
  }
  return parts;
}

export function reallocateBudget(entries: readonly SpendEntry[], shiftPercent: number): Reallocation {
  const active = entries.filter((e) => e.spendCents > 0);
  const totalSpendCents = active.reduce((sum, e) => sum + e.spendCents, 0);
  const totalValue = active.reduce((sum, e) => sum + e.conversionValueCents, 0);
  const basis = totalValue > 0 ? "roas" : "conversions_per_spend";
  const efficiency = (e: SpendEntry) => (basis === "roas" ? e.conversionValueCents : e.conversions) / e.spendCents;
  const average = totalSpendCents > 0 ? (basis === "roas" ? totalValue : active.reduce((s, e) => s + e.conversions, 0)) / totalSpendCents : 0;

  const donors = active.filter((e) => efficiency(e) < average).sort((a, b) => efficiency(a) - efficiency(b));
  const receivers = active.filter((e) => efficiency(e) * RECEIVER_MARGINAL_EFFICIENCY > average).sort((a, b) => efficiency(b) - efficiency(a));
  const wanted = donors.reduce((sum, e) => sum + Math.floor((e.spendCents * shiftPercent) / 100), 0);
  const room = receivers.reduce((sum, e) => sum + Math.floor(e.spendCents * MAX_RECEIVER_INCREASE), 0);
  const movedCents = receivers.length > 0 && donors.length > 0 ? Math.min(wanted, room) : 0;

  const cuts = new Map<string, number>();
  const adds = new Map<string, number>();
  splitCents(movedCents, donors.map((e) => e.spendCents)).forEach((cents, i) => cuts.set(donors[i]!.key, cents));
  splitCents(movedCents, receivers.map((e) => e.spendCents)).forEach((cents, i) => adds.set(receivers[i]!.key, cents));

  const lines = entries.map((e): AllocationLine => {
    const cut = cuts.get(e.key) ?? 0;
    const add = adds.get(e.key) ?? 0;
    const change = add - cut;
    const perCentConversions = e.spendCents > 0 ? e.conversions / e.spendCents : 0;
    const perCentValue = e.spendCents > 0 ? e.conversionValueCents / e.spendCents : 0;
    const factor = change > 0 ? RECEIVER_MARGINAL_EFFICIENCY : 1;
    return {
      key: e.key,
      label: e.label,
      role: change < 0 ? "donor" : change > 0 ? "receiver" : "unchanged",
      spendCents: e.spendCents,
      newSpendCents: e.spendCents + change,
      changeCents: change,
      roas: e.spendCents > 0 ? round(e.conversionValueCents / e.spendCents, 6) : null,
      cpaCents: e.conversions > 0 ? Math.round(e.spendCents / e.conversions) : null,
      expectedConversionsChange: round(change * perCentConversions * factor, 2),
      expectedValueChangeCents: Math.round(change * perCentValue * factor),
    };
  });
  return {
    basis,
    shiftPercent,
    totalSpendCents,
    averageRoas: totalSpendCents > 0 ? round(totalValue / totalSpendCents, 6) : null,
    movedCents,
    lines,
    transfers: transfersOf(lines),
    expectedConversionsChange: round(lines.reduce((sum, l) => sum + l.expectedConversionsChange, 0), 2),
    expectedValueChangeCents: lines.reduce((sum, l) => sum + l.expectedValueChangeCents, 0),
    assumptions: { receiverMarginalEfficiency: RECEIVER_MARGINAL_EFFICIENCY, donorLossEfficiency: 1, maxReceiverIncrease: MAX_RECEIVER_INCREASE },
  };
}

/** Pairs cuts with additions in order (weakest donor to strongest receiver first). */
function transfersOf(lines: readonly AllocationLine[]): Transfer[] {
  const donors = lines.filter((l) => l.changeCents < 0).map((l) => ({ line: l, left: -l.changeCents })).sort((a, b) => (a.line.roas ?? 0) - (b.line.roas ?? 0));
  const receivers = lines.filter((l) => l.changeCents > 0).map((l) => ({ line: l, left: l.changeCents })).sort((a, b) => (b.line.roas ?? 0) - (a.line.roas ?? 0));
  const out: Transfer[] = [];
  let r = 0;
  for (const donor of donors) {
    while (donor.left > 0 && r < receivers.length) {
      const receiver = receivers[r]!;
      const amount = Math.min(donor.left, receiver.left);
      out.push({ fromKey: donor.line.key, fromLabel: donor.line.label, toKey: receiver.line.key, toLabel: receiver.line.label, amountCents: amount });
      donor.left -= amount;
      receiver.left -= amount;
      if (receiver.left === 0) r++;
    }
  }
  return out;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
