/** The shape of {@link AnomalyFindings} as stored JSON, to validate findings read back from the database. */
import { z } from "zod";
import { isDimensionName, type DimensionName } from "../definitions/dimensions.ts";
import type { AnomalyFindings } from "./metric-anomalies.ts";

const dimension = z.custom<DimensionName>((value) => typeof value === "string" && isDimensionName(value));
const movement = z.enum(["with", "against", "flat"]);

const contribution = z.object({
  member: z.string(),
  actual: z.number(),
  expected: z.number(),
  deviation: z.number(),
  share: z.number(),
  deviationPct: z.number().nullable(),
  movement,
  driver: z.boolean(),
});

const drivers = z.object({
  dimension,
  result: z.object({
    direction: z.enum(["up", "down"]),
    totalActual: z.number(),
    totalExpected: z.number(),
    totalDeviation: z.number(),
    basis: z.enum(["net", "gross"]),
    contributions: z.array(contribution),
    drivers: z.array(z.string()),
    shortHistoryMembers: z.array(z.string()),
  }),
  labels: z.record(z.string(), z.string()),
});

const anomaly = z.object({
  date: z.string(),
  actual: z.number(),
  expected: z.number(),
  lower: z.number(),
  upper: z.number(),
  deviation: z.number(),
  deviationPct: z.number().nullable(),
  score: z.number(),
  direction: z.enum(["up", "down"]),
  severity: z.enum(["low", "medium", "high"]),
  confidence: z.number(),
  drivers: drivers.nullable(),
});

export const anomalyFindingsSchema: z.ZodType<AnomalyFindings> = z.object({
  metric: z.string(),
  window: z.object({ start: z.string(), last: z.string() }),
  evaluatedDays: z.number().int(),
  skippedReason: z.enum(["empty_series", "insufficient_history"]).nullable(),
  anomalies: z.array(anomaly),
  dimensionsExamined: z.array(dimension),
});
