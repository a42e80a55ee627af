/**
 * rfm_segments: RFM customer segmentation as a tool. With a segment, also its top customers by net
 * revenue (who to call, who to win back). Segment names are accepted in English, Spanish and Portuguese.
 */
import type { z } from "zod";
import { RFM_SEGMENTS, rfmAnalysis, rfmCustomers, type RfmCustomer, type RfmReport, type RfmSegment } from "../../engines/metrics/analysis/rfm.ts";
import { freshnessOf } from "../../engines/metrics/query/freshness.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import { rfmSegmentsContract } from "./analysis-contracts.ts";
import { closestNames } from "./metric-facts.ts";

export type RfmSegmentsArgs = z.output<typeof rfmSegmentsContract.schema>;

export interface RfmSegmentsData {
  readonly report: RfmReport;
  /** The segment asked about, or null for all. */
  readonly focus: RfmSegment | null;
  /** The focus segment's customers, highest net revenue first (at most CUSTOMER_LIMIT); null without a focus. */
  readonly customers: readonly RfmCustomer[] | null;
}

export const CUSTOMER_LIMIT = 10;
const TOOL = rfmSegmentsContract.name;

/** Other names people use for the segments (lower case, accents stripped, spaces as _). */
const SEGMENT_ALIASES: Readonly<Record<string, RfmSegment>> = {
  campeones: "champions", campeoes: "champions", best: "champions", mejores: "champions", melhores: "champions",
  leales: "loyal", fieles: "loyal", leais: "loyal", fieis: "loyal", loyal_customers: "loyal",
  leales_potenciales: "potential_loyalists", potenciales: "potential_loyalists", potenciais: "potential_loyalists",
  nuevos: "new_customers", nuevos_clientes: "new_customers", novos: "new_customers", novos_clientes: "new_customers", new: "new_customers",
  prometedores: "promising", promissores: "promising",
  necesitan_atencion: "need_attention", precisam_de_atencao: "need_attention", needs_attention: "need_attention",
  por_dormir: "about_to_sleep", a_punto_de_dormir: "about_to_sleep", quase_dormindo: "about_to_sleep",
  en_riesgo: "at_risk", em_risco: "at_risk", risk: "at_risk",
  no_podemos_perderlos: "cannot_lose_them", nao_podemos_perder: "cannot_lose_them", cant_lose_them: "cannot_lose_them",
  hibernando: "hibernating", dormidos: "hibernating",
  perdidos: "lost",
};

function normalise(text: string): string {
  return text.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[\s-]+/g, "_");
}

export function segmentOf(name: string): RfmSegment | null {
  const key = normalise(name);
  return RFM_SEGMENTS.find((segment) => segment === key) ?? SEGMENT_ALIASES[key] ?? null;
}

export const createRfmSegmentsTool: ToolFactory<typeof rfmSegmentsContract.schema, RfmSegmentsData> = (deps) => async (args) => {
  const focus = args.segment === null ? null : segmentOf(args.segment);
  if (args.segment !== null && focus === null) {
    const close = closestNames(args.segment, RFM_SEGMENTS);
    return toolError(TOOL, "not_found", `There is no RFM segment "${args.segment}". Segments: ${RFM_SEGMENTS.join(", ")}.`, close.length > 0 ? close : RFM_SEGMENTS);
  }
  const freshness = await freshnessOf(deps.db, deps.workspace.id, ["orders"]);
  if (freshness.every((entry) => entry.latestData === null)) return toolError(TOOL, "no_data", "The workspace has no orders yet, so there are no customers to segment.");
  const scope = { workspaceId: deps.workspace.id, timeZone: deps.workspace.timezone };
  const options = { asOf: deps.clock.now(), lookbackDays: args.lookbackDays };
  const report = await rfmAnalysis(deps.db, scope, options);
  const customers = focus === null ? null : await rfmCustomers(deps.db, scope, { ...options, segment: focus, limit: CUSTOMER_LIMIT });
  return toolData(TOOL, { report, focus, customers }, freshness);
};
