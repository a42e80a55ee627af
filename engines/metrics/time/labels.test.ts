import { describe, expect, it } from "vitest";
import { describeSpan, formatDate, formatSpan } from "./labels.ts";

describe("labels", () => {
  it("names the year once in a span", () => {
    expect(formatDate("2026-11-20")).toBe("Nov 20, 2026");
    expect(formatSpan("2026-11-20", "2026-11-21")).toBe("Nov 20, 2026");
    expect(formatSpan("2026-11-01", "2026-11-22")).toBe("Nov 1 – 21, 2026");
    expect(formatSpan("2026-10-22", "2026-11-21")).toBe("Oct 22 – Nov 20, 2026");
    expect(formatSpan("2025-12-22", "2026-01-21")).toBe("Dec 22, 2025 – Jan 20, 2026");
  });

  it("names whole months, quarters and years, and spells out to-date spans", () => {
    expect(describeSpan("2026-10-01", "2026-11-01", { unit: "month", count: 1, toDate: false })).toBe("Oct 2026");
    expect(describeSpan("2025-11-01", "2026-02-01", { unit: "month", count: 3, toDate: false })).toBe("Nov 2025 – Jan 2026");
    expect(describeSpan("2025-10-01", "2026-04-01", { unit: "quarter", count: 2, toDate: false })).toBe("Q4 2025 – Q1 2026");
    expect(describeSpan("2024-01-01", "2026-01-01", { unit: "year", count: 2, toDate: false })).toBe("2024 – 2025");
    expect(describeSpan("2026-10-01", "2026-11-01", { unit: "month", count: 1, toDate: true })).toBe("Oct 1 – 31, 2026");
    expect(describeSpan("2026-11-09", "2026-11-16", { unit: "week", count: 1, toDate: false })).toBe("Nov 9 – 15, 2026");
  });
});
