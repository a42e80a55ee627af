import { divide, divideMoney, known } from "../values.ts";
import type { MetricDefinition } from "./types.ts";

/**
 * SaaS metrics from every change of every subscription's MRR (subscription_mrr_changes), so new,
 * expansion, contraction, churn and reactivation are exact for any range. Levels (MRR, active
 * subscriptions, ARPA) are taken at the end of the range; rates divide by the level at its start.
 */
const flow = { domain: "saas", unit: "money", defaultGrain: "month", aggregation: "flow", dimensions: [] } as const;

export const SAAS_METRICS: readonly MetricDefinition[] = [
  {
    ...flow, name: "mrr", label: "MRR", aggregation: "state", higherIsBetter: true,
    description: "Monthly recurring revenue at the end of the range (annual plans count a twelfth).",
    formula: "Σ current MRR of active subscriptions at the end of the range",
    aliases: ["monthly recurring revenue", "ingreso recurrente mensual", "receita recorrente mensal"],
    measures: () => ["mrr.mrr_end_cents"],
    compute: (read) => known(read("mrr.mrr_end_cents")),
  },
  {
    ...flow, name: "arr", label: "ARR", aggregation: "state", higherIsBetter: true,
    description: "Annual recurring revenue at the end of the range.",
    formula: "MRR × 12",
    aliases: ["annual recurring revenue", "ingreso recurrente anual", "receita recorrente anual"],
    measures: () => ["mrr.mrr_end_cents"],
    compute: (read) => known(read("mrr.mrr_end_cents") * 12),
  },
  {
    ...flow, name: "new_mrr", label: "New MRR", higherIsBetter: true,
    description: "MRR added by subscriptions that started paying in the range.",
    formula: "Σ MRR of new subscriptions",
    aliases: ["mrr nuevo", "mrr novo"],
    measures: () => ["mrr.new_mrr_cents"],
    compute: (read) => known(read("mrr.new_mrr_cents")),
  },
  {
    ...flow, name: "expansion_mrr", label: "Expansion MRR", higherIsBetter: true,
    description: "MRR added by upgrades and seat increases.",
    formula: "Σ MRR increases of existing subscriptions",
    aliases: ["expansion", "expansión", "expansão"],
    measures: () => ["mrr.expansion_mrr_cents"],
    compute: (read) => known(read("mrr.expansion_mrr_cents")),
  },
  {
    ...flow, name: "contraction_mrr", label: "Contraction MRR", higherIsBetter: false,
    description: "MRR lost to downgrades of subscriptions that stayed.",
    formula: "Σ MRR decreases of subscriptions that did not churn",
    aliases: ["contraction", "contracción", "contração"],
    measures: () => ["mrr.contraction_mrr_cents"],
    compute: (read) => known(read("mrr.contraction_mrr_cents")),
  },
  {
    ...flow, name: "churned_mrr", label: "Churned MRR", higherIsBetter: false,
    description: "MRR lost to cancelled subscriptions.",
    formula: "Σ MRR of subscriptions that churned",
    aliases: ["churn mrr", "mrr perdido", "mrr cancelado"],
    measures: () => ["mrr.churned_mrr_cents"],
    compute: (read) => known(read("mrr.churned_mrr_cents")),
  },
  {
    ...flow, name: "reactivation_mrr", label: "Reactivation MRR", higherIsBetter: true,
    description: "MRR from churned subscriptions that came back.",
    formula: "Σ MRR of reactivated subscriptions",
    aliases: ["reactivation", "reactivación", "reativação"],
    measures: () => ["mrr.reactivation_mrr_cents"],
    compute: (read) => known(read("mrr.reactivation_mrr_cents")),
  },
  {
    ...flow, name: "net_new_mrr", label: "Net new MRR", higherIsBetter: true,
    description: "How much MRR grew in the range.",
    formula: "new + expansion + reactivation − contraction − churned MRR",
    aliases: ["net mrr growth", "mrr neto nuevo", "mrr líquido novo"],
    measures: () => ["mrr.new_mrr_cents", "mrr.expansion_mrr_cents", "mrr.reactivation_mrr_cents", "mrr.contraction_mrr_cents", "mrr.churned_mrr_cents"],
    compute: (read) =>
      known(read("mrr.new_mrr_cents") + read("mrr.expansion_mrr_cents") + read("mrr.reactivation_mrr_cents") - read("mrr.contraction_mrr_cents") - read("mrr.churned_mrr_cents")),
  },
  {
    ...flow, name: "active_subscriptions", label: "Active subscriptions", unit: "count", aggregation: "state", higherIsBetter: true,
    description: "Paying subscriptions at the end of the range.",
    formula: "subscriptions with MRR > 0 at the end of the range",
    aliases: ["subscriptions", "suscripciones activas", "assinaturas ativas", "subscribers"],
    measures: () => ["mrr.active_subscriptions_end"],
    compute: (read) => known(read("mrr.active_subscriptions_end")),
  },
  {
    ...flow, name: "customer_churn_rate", label: "Customer churn rate", unit: "ratio", higherIsBetter: false,
    description: "Share of the subscriptions paying at the start of the range that churned during it.",
    formula: "churned subscriptions ÷ active subscriptions at the start",
    aliases: ["churn rate", "churn", "tasa de cancelación", "tasa de churn", "taxa de churn", "taxa de cancelamento"],
    measures: () => ["mrr.churned_subscriptions", "mrr.active_subscriptions_start"],
    compute: (read) => divide(read("mrr.churned_subscriptions"), read("mrr.active_subscriptions_start"), "no active subscriptions at the start of the range"),
  },
  {
    ...flow, name: "revenue_churn_rate", label: "Revenue churn rate", unit: "ratio", higherIsBetter: false,
    description: "Share of the MRR at the start of the range lost to churn and downgrades during it (gross MRR churn).",
    formula: "(churned MRR + contraction MRR) ÷ MRR at the start",
    aliases: ["mrr churn rate", "gross revenue churn", "churn de ingresos", "churn de receita"],
    measures: () => ["mrr.churned_mrr_cents", "mrr.contraction_mrr_cents", "mrr.mrr_start_cents"],
    compute: (read) => divide(read("mrr.churned_mrr_cents") + read("mrr.contraction_mrr_cents"), read("mrr.mrr_start_cents"), "no MRR at the start of the range"),
  },
  {
    ...flow, name: "arpa", label: "ARPA", aggregation: "state", higherIsBetter: true,
    description: "Average MRR per paying account at the end of the range.",
    formula: "MRR ÷ customers with an active subscription",
    aliases: ["average revenue per account", "arpu", "ingreso promedio por cuenta", "receita média por conta"],
    measures: () => ["mrr.mrr_end_cents", "mrr.active_customers_end"],
    compute: (read) => divideMoney(read("mrr.mrr_end_cents"), read("mrr.active_customers_end"), "no paying accounts at the end of the range"),
  },
  {
    ...flow, name: "trial_conversion", label: "Trial conversion", unit: "ratio", higherIsBetter: true,
    description: "Share of the trials that ended in the range that turned into paying subscriptions.",
    formula: "trials ended in the range that converted ÷ trials ended in the range",
    aliases: ["trial conversion rate", "conversión de prueba", "conversión de trials", "conversão de trial"],
    measures: () => ["mrr.trials_converted", "mrr.trials_ended"],
    compute: (read) => divide(read("mrr.trials_converted"), read("mrr.trials_ended"), "no trials ended in the range"),
  },
];
