import { ECOMMERCE_METRICS } from "./ecommerce.ts";
import { MARKETING_METRICS } from "./marketing.ts";
import { SAAS_METRICS } from "./saas.ts";
import type { MetricDefinition } from "./types.ts";

/** Every metric the product knows, each defined once. */
export const METRICS: readonly MetricDefinition[] = [...ECOMMERCE_METRICS, ...SAAS_METRICS, ...MARKETING_METRICS];

const byName = new Map(METRICS.map((metric) => [metric.name, metric]));

function normalise(text: string): string {
  return text.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[\s-]+/g, " ");
}

const byAlias = new Map<string, MetricDefinition>();
for (const metric of METRICS) {
  for (const alias of [metric.name, metric.name.replace(/_/g, " "), metric.label, ...metric.aliases]) {
    const key = normalise(alias);
    const taken = byAlias.get(key);
    if (taken && taken !== metric) throw new Error(`metric alias "${alias}" names both ${taken.name} and ${metric.name}`);
    byAlias.set(key, metric);
  }
}

export function metricByName(name: string): MetricDefinition | undefined {
  return byName.get(name);
}

/** A metric by its name, label or one of its aliases in any of our languages, accents and case ignored. */
export function findMetric(nameOrAlias: string): MetricDefinition | undefined {
  return byName.get(nameOrAlias) ?? byAlias.get(normalise(nameOrAlias));
}

/** Every name and alias, for the understanding layer's entity extraction. */
export function metricAliases(): ReadonlyMap<string, MetricDefinition> {
  return byAlias;
}
