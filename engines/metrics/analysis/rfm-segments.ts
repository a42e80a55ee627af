/**
 * The RFM segment grid: a customer's segment follows from their recency score R and FM, the average
 * of their frequency and monetary scores. Scores are 1–5, 5 best.
 */

/** Every segment, in the order reports list them (best customers first). */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cannot_lose_them",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** A score from 1 (worst) to 5 (best). */
export type RfmScore = 1 | 2 | 3 | 4 | 5;

/** English name and what the segment means, for reports. */
export const RFM_SEGMENT_INFO: Readonly<Record<RfmSegment, { readonly label: string; readonly description: string }>> = {
  champions: { label: "Champions", description: "bought recently, buy often and spend the most" },
  loyal: { label: "Loyal", description: "buy often and spend well, fairly recently" },
  potential_loyalists: { label: "Potential loyalists", description: "recent customers with average frequency and spend" },
  new_customers: { label: "New customers", description: "bought very recently, once or little" },
  promising: { label: "Promising", description: "recent buyers who have not spent much yet" },
  need_attention: { label: "Need attention", description: "average recency, frequency and spend" },
  about_to_sleep: { label: "About to sleep", description: "below-average recency, low frequency and spend" },
  at_risk: { label: "At risk", description: "bought often and spent well, but not for a long time" },
  cannot_lose_them: { label: "Cannot lose them", description: "were among the best customers and have not come back for a long time" },
  hibernating: { label: "Hibernating", description: "last bought long ago, low frequency and spend" },
  lost: { label: "Lost", description: "the lowest recency, frequency and spend" },
};

/**
 * The grid, GRID[R − 1][FM − 1]: the common RFM segment map (R against the F–M average).
 *
 * | R \ FM | 1              | 2                   | 3                   | 4         | 5                |
 * | ------ | -------------- | ------------------- | ------------------- | --------- | ---------------- |
 * | 5      | new customers  | potential loyalists | potential loyalists | champions | champions        |
 * | 4      | promising      | potential loyalists | potential loyalists | loyal     | loyal            |
 * | 3      | about to sleep | about to sleep      | need attention      | loyal     | loyal            |
 * | 2      | hibernating    | hibernating         | at risk             | at risk   | cannot lose them |
 * | 1      | lost           | hibernating         | at risk             | at risk   | cannot lose them |
 */
const GRID: readonly (readonly RfmSegment[])[] = [
  ["lost", "hibernating", "at_risk", "at_risk", "cannot_lose_them"],
  ["hibernating", "hibernating", "at_risk", "at_risk", "cannot_lose_them"],
  ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  ["promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"],
  ["new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions"],
];

/** FM: the average of F and M, halves rounded up ((4 + 5) / 2 = 4.5 → 5). */
export function fmScore(f: RfmScore, m: RfmScore): RfmScore {
  return toScore(Math.floor((f + m + 1) / 2));
}

/** The segment of a customer with these scores. */
export function rfmSegment(r: RfmScore, f: RfmScore, m: RfmScore): RfmSegment {
  const segment = GRID[r - 1]?.[fmScore(f, m) - 1];
  if (!segment) throw new Error(`no RFM segment for R${r} F${f} M${m}`);
  return segment;
}

/** Narrows a database integer to a score, failing loudly on anything else. */
export function toScore(value: number): RfmScore {
  switch (value) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return value;
    default:
      throw new Error(`RFM score out of range: ${value}`);
  }
}

export const RFM_SCORES: readonly RfmScore[] = [1, 2, 3, 4, 5];

/** Every (R, F, M) triple of a segment, encoded R × 100 + F × 10 + M (for SQL filters). */
export function segmentScoreCodes(segment: RfmSegment): number[] {
  const codes: number[] = [];
  for (const r of RFM_SCORES) {
    for (const f of RFM_SCORES) {
      for (const m of RFM_SCORES) if (rfmSegment(r, f, m) === segment) codes.push(r * 100 + f * 10 + m);
    }
  }
  return codes;
}

export function isRfmSegment(value: string): value is RfmSegment {
  return (RFM_SEGMENTS as readonly string[]).includes(value);
}
