import { describe, expect, it } from "vitest";
import { DEFAULT_PRICING_RULES, parsePricingRuleSettings, pricingRuleSettingsSchema, resolvePricingRules } from "./rules.ts";

describe("pricing rules", () => {
  it("uses the defaults when nothing is set, every field from 'default'", () => {
    const rules = resolvePricingRules(null, null, null);
    expect(rules).toEqual(DEFAULT_PRICING_RULES);
    expect(rules.strategy).toEqual({ kind: "match_lowest" });
    expect([rules.minMarginPct, rules.maxChangePctPerDay, rules.outlierRatio, rules.coolDownHours, rules.competitorMaxAgeDays]).toEqual([20, 10, 0.5, 72, 14]);
    expect(new Set(Object.values(rules.sources))).toEqual(new Set(["default"]));
  });

  it("merges workspace ← category ← product, most specific last, and records who set each field", () => {
    const rules = resolvePricingRules(
      { strategy: { kind: "beat_lowest", percent: 2 }, minMarginPct: 30, floorCents: 10000, rounding: "whole" },
      { minMarginPct: 40, ceilingCents: 90000 },
      { strategy: { kind: "hold_margin", marginPct: 55 }, floorCents: null },
    );
    expect(rules.strategy).toEqual({ kind: "hold_margin", marginPct: 55 });
    expect(rules.minMarginPct).toBe(40);
    expect(rules.ceilingCents).toBe(90000);
    // null at the product switches the workspace's absolute floor off.
    expect(rules.floorCents).toBeNull();
    expect(rules.rounding).toBe("whole");
    expect(rules.maxChangePctPerDay).toBe(10);
    expect(rules.sources).toMatchObject({ strategy: "product", floorCents: "product", minMarginPct: "category", ceilingCents: "category", rounding: "workspace", maxChangePctPerDay: "default" });
  });

  it("validates settings: beat_lowest needs a percent or an amount, percentages and money in range", () => {
    expect(pricingRuleSettingsSchema.safeParse({ strategy: { kind: "beat_lowest" } }).success).toBe(false);
    expect(pricingRuleSettingsSchema.safeParse({ strategy: { kind: "beat_lowest", amountCents: 1000 } }).success).toBe(true);
    expect(pricingRuleSettingsSchema.safeParse({ strategy: { kind: "undercut" } }).success).toBe(false);
    expect(pricingRuleSettingsSchema.safeParse({ floorCents: 12.5 }).success).toBe(false);
    expect(pricingRuleSettingsSchema.safeParse({ maxChangePctPerDay: 0 }).success).toBe(false);
    expect(pricingRuleSettingsSchema.safeParse({ outlierRatio: 1.5 }).success).toBe(false);
    expect(pricingRuleSettingsSchema.safeParse({ rounding: "95" }).success).toBe(false);
  });

  it("reads stored settings tolerantly: invalid fields are dropped and reported, valid ones kept", () => {
    const parsed = parsePricingRuleSettings({ minMarginPct: 25, floorCents: "cheap", rounding: "90", somethingNew: true });
    expect(parsed.settings).toEqual({ minMarginPct: 25, rounding: "90" });
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatch(/^floorCents: /);
    expect(parsePricingRuleSettings([1, 2]).issues).toEqual(["settings: not an object"]);
    expect(parsePricingRuleSettings({ coolDownHours: 24 })).toEqual({ settings: { coolDownHours: 24 }, issues: [] });
  });
});
