/** Alternatives a tool offered (metric names, dimensions, RFM segments, members) in the asker's language. */
import { isRfmSegment } from "../../../engines/metrics/analysis/rfm-segments.ts";
import { metricByName } from "../../../engines/metrics/definitions/registry.ts";
import type { Language } from "../../shared/language.ts";
import { segmentLabel } from "../analytics/rfm-labels.ts";
import { dimensionLabel, metricLabel } from "./labels.ts";

export function optionLabel(option: string, language: Language): string {
  const metric = metricByName(option);
  if (metric) return metricLabel(metric.name, metric.label, language);
  if (isRfmSegment(option)) return segmentLabel(option, language).toLowerCase();
  const dimension = dimensionLabel(option, language);
  return dimension === option.replace(/_/g, " ") ? option : dimension;
}
