import { metricQuerySchema } from "../../engines/metrics/query/query-schema.ts";
import type { ToolContract } from "../tool-contract.ts";

export const queryMetricsContract = {
  name: "query_metrics",
  description:
    "Read business metrics (sales, orders, AOV, customers, margin, refunds, MRR, churn, ad spend, ROAS, sessions…) for a time range, " +
    "optionally as a trend (grain), filtered, broken down by a dimension (top N + other) and compared with the previous period or last year. " +
    "Every number you say must come from this tool's result.",
  schema: metricQuerySchema,
} as const satisfies ToolContract<typeof metricQuerySchema>;
