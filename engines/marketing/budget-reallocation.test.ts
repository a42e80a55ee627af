import { describe, expect, it } from "vitest";
import { reallocateBudget, splitCents, type SpendEntry } from "./budget-reallocation.ts";

const ENTRIES: SpendEntry[] = [
  { key: "a", label: "Prospecting", spendCents: 1_000_000, conversions: 40, conversionValueCents: 2_000_000 }, // ROAS 2
  { key: "b", label: "Retargeting", spendCents: 500_000, conversions: 50, conversionValueCents: 2_500_000 }, // ROAS 5
  { key: "c", label: "Brand search", spendCents: 300_000, conversions: 36, conversionValueCents: 1_800_000 }, // ROAS 6
  { key: "d", label: "Awareness", spendCents: 200_001, conversions: 4, conversionValueCents: 200_000 }, // ROAS ≈ 1
  { key: "e", label: "Paused", spendCents: 0, conversions: 0, conversionValueCents: 0 },
];

describe("reallocateBudget", () => {
  it("moves a share of the weakest spenders to the strongest, conserving spend to the cent", () => {
    // Average ROAS = 6,500,000 / 2,000,001 ≈ 3.25. Donors: a (2) and d (≈1). Receivers need ROAS × 0.7 > 3.25: b (3.5) and c (4.2).
    const result = reallocateBudget(ENTRIES, 20);
    const byKey = new Map(result.lines.map((line) => [line.key, line]));
    expect(byKey.get("a")!.changeCents).toBe(-200_000);
    expect(byKey.get("d")!.changeCents).toBe(-40_000);
    expect(result.movedCents).toBe(240_000);
    // Split by spend 5:3 → 150,000 and 90,000.
    expect(byKey.get("b")!.changeCents).toBe(150_000);
    expect(byKey.get("c")!.changeCents).toBe(90_000);
    expect(byKey.get("e")!.role).toBe("unchanged");
    expect(result.lines.reduce((sum, line) => sum + line.newSpendCents, 0)).toBe(result.totalSpendCents);
    expect(result.lines.reduce((sum, line) => sum + line.changeCents, 0)).toBe(0);
    // Value: −200,000×2 − 40,000×(200,000/200,001) + 0.7×(150,000×5 + 90,000×6) = −400,000 − 39,999.8 + 903,000
    expect(result.expectedValueChangeCents).toBe(-400_000 - 40_000 + 903_000);
    // Conversions: −200,000×40/1e6 − 40,000×4/200,001 + 0.7×(150,000×50/500,000 + 90,000×36/300,000) = −8 − 0.8 + 18.06
    expect(result.expectedConversionsChange).toBeCloseTo(9.26, 2);
    expect(result.transfers.reduce((sum, t) => sum + t.amountCents, 0)).toBe(240_000);
    expect(result.transfers[0]).toMatchObject({ fromKey: "d", toKey: "c" });
  });

  it("caps what receivers take and suggests nothing when spend is balanced", () => {
    const capped = reallocateBudget([
      { key: "big", label: "Big", spendCents: 1_000_000, conversions: 10, conversionValueCents: 1_000_000 },
      { key: "small", label: "Small", spendCents: 10_000, conversions: 10, conversionValueCents: 100_000 },
    ], 50);
    expect(capped.movedCents).toBe(5_000);
    const flat = reallocateBudget([
      { key: "x", label: "X", spendCents: 100, conversions: 1, conversionValueCents: 300 },
      { key: "y", label: "Y", spendCents: 100, conversions: 1, conversionValueCents: 300 },
    ], 20);
    expect(flat.movedCents).toBe(0);
    expect(flat.transfers).toEqual([]);
  });

  it("splits cents exactly", () => {
    expect(splitCents(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitCents(0, [1, 2])).toEqual([0, 0]);
  });
});
