/**
 * Measures: the numbers facts provide, from which every metric is computed. A `sum` measure adds
 * up across days and members, so it can come from a rollup; a `distinct` measure counts distinct
 * things (customers, orders containing a product) and always comes from a raw scan; a `state`
 * measure is a level at a point in time (MRR at the end of the range).
 */
export const FACTS = ["orders", "lines", "ads", "web", "mrr"] as const;
export type FactName = (typeof FACTS)[number];

export type MeasureKind = "sum" | "distinct" | "state";

export const ORDER_MEASURES = {
  orders: "sum",
  gross_sales_cents: "sum",
  discounts_cents: "sum",
  refunds_cents: "sum",
  shipping_cents: "sum",
  tax_cents: "sum",
  new_customers: "sum",
  new_customer_sales_cents: "sum",
  returning_customer_sales_cents: "sum",
  customers: "distinct",
  repeat_customers: "distinct",
} as const satisfies Record<string, MeasureKind>;

export const LINE_MEASURES = {
  lines: "sum",
  units: "sum",
  gross_sales_cents: "sum",
  discounts_cents: "sum",
  refunds_cents: "sum",
  cost_cents: "sum",
  costed_sales_cents: "sum",
  new_customer_sales_cents: "sum",
  returning_customer_sales_cents: "sum",
  orders: "distinct",
  customers: "distinct",
  new_customers: "distinct",
  repeat_customers: "distinct",
} as const satisfies Record<string, MeasureKind>;

export const AD_MEASURES = {
  spend_cents: "sum",
  impressions: "sum",
  clicks: "sum",
  conversions: "sum",
  conversion_value_cents: "sum",
} as const satisfies Record<string, MeasureKind>;

export const WEB_MEASURES = {
  sessions: "sum",
  users: "sum",
  conversions: "sum",
} as const satisfies Record<string, MeasureKind>;

export const MRR_MEASURES = {
  new_mrr_cents: "sum",
  expansion_mrr_cents: "sum",
  contraction_mrr_cents: "sum",
  churned_mrr_cents: "sum",
  reactivation_mrr_cents: "sum",
  new_subscriptions: "sum",
  churned_subscriptions: "sum",
  reactivated_subscriptions: "sum",
  trials_ended: "sum",
  trials_converted: "sum",
  mrr_start_cents: "state",
  mrr_end_cents: "state",
  active_subscriptions_start: "state",
  active_subscriptions_end: "state",
  active_customers_end: "state",
} as const satisfies Record<string, MeasureKind>;

export type OrderMeasure = keyof typeof ORDER_MEASURES;
export type LineMeasure = keyof typeof LINE_MEASURES;
export type AdMeasure = keyof typeof AD_MEASURES;
export type WebMeasure = keyof typeof WEB_MEASURES;
export type MrrMeasure = keyof typeof MRR_MEASURES;

/** A measure named with its fact: "orders.gross_sales_cents". */
export type MeasureRef =
  | `orders.${OrderMeasure}`
  | `lines.${LineMeasure}`
  | `ads.${AdMeasure}`
  | `web.${WebMeasure}`
  | `mrr.${MrrMeasure}`;

const KINDS: Readonly<Record<FactName, Readonly<Record<string, MeasureKind>>>> = {
  orders: ORDER_MEASURES,
  lines: LINE_MEASURES,
  ads: AD_MEASURES,
  web: WEB_MEASURES,
  mrr: MRR_MEASURES,
};

export function splitMeasure(ref: MeasureRef): { fact: FactName; measure: string } {
  const dot = ref.indexOf(".");
  const fact = ref.slice(0, dot);
  const found = FACTS.find((name) => name === fact);
  if (!found) throw new Error(`measure ${ref} names no fact`);
  return { fact: found, measure: ref.slice(dot + 1) };
}

export function measureKind(ref: MeasureRef): MeasureKind {
  const { fact, measure } = splitMeasure(ref);
  return measureKindOf(fact, measure);
}

export function measureKindOf(fact: FactName, measure: string): MeasureKind {
  const kind = KINDS[fact][measure];
  if (!kind) throw new Error(`unknown measure ${fact}.${measure}`);
  return kind;
}
