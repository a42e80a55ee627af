import { describe, expect, it } from "vitest";
import { insightScore, scoreCandidates } from "./rank.ts";
import type { InsightCandidate } from "./types.ts";

function candidate(fingerprint: string, severity: InsightCandidate["severity"], confidence: number, impactCents: number | null): InsightCandidate {
  return { type: "stockout_risk", severity, fingerprint, subject: fingerprint, impactCents, confidence, title: "", summary: "", evidence: {}, action: { kind: "question", question: { en: "", es: "", pt: "" } }, urgent: false };
}

describe("insightScore", () => {
  it("is severity weight × confidence × log10(10 + impact in major units)", () => {
    expect(insightScore({ severity: "critical", confidence: 1, impactCents: 99_000 }, "MXN")).toBe(3 * 3);
    expect(insightScore({ severity: "info", confidence: 0.5, impactCents: null }, "MXN")).toBe(0.5);
    // Currencies without minor units count whole units: the same money scores the same.
    expect(insightScore({ severity: "warning", confidence: 1, impactCents: 990 }, "CLP")).toBe(insightScore({ severity: "warning", confidence: 1, impactCents: 99_000 }, "USD"));
    expect(insightScore({ severity: "warning", confidence: 2, impactCents: -5 }, "USD")).toBe(2);
  });

  it("ranks a critical finding above a warning with up to ~10× its money, and far larger money above both", () => {
    const ranked = scoreCandidates(
      [
        candidate("warning-5x", "warning", 0.9, 5_000_000),
        candidate("critical", "critical", 0.9, 1_000_000),
        candidate("critical-tiny", "critical", 0.9, 10_000),
        candidate("info-1000x", "info", 1, 1_000_000_000),
      ],
      "MXN",
    );
    expect(ranked.map((c) => c.fingerprint)).toEqual(["critical", "warning-5x", "info-1000x", "critical-tiny"]);
    expect(ranked.map((c) => c.score)).toEqual([...ranked.map((c) => c.score)].sort((a, b) => b - a));
  });
});
