/**
 * The dimensions metrics can be filtered and broken down by. Custom dimensions are order
 * attributes, named `attr.<key>` (e.g. attr.device); their keys are letters, digits and _.
 */
export const COMMERCE_ORDER_DIMENSIONS = ["source_channel", "country", "state", "city", "customer_type"] as const;
export const COMMERCE_LINE_DIMENSIONS = ["product", "variant", "category"] as const;
export const AD_DIMENSIONS = ["platform", "campaign"] as const;
export const WEB_DIMENSIONS = ["source", "medium", "source_medium"] as const;

export type CommerceOrderDimension = (typeof COMMERCE_ORDER_DIMENSIONS)[number];
export type CommerceLineDimension = (typeof COMMERCE_LINE_DIMENSIONS)[number];
export type AttributeDimension = `attr.${string}`;
export type AdDimension = (typeof AD_DIMENSIONS)[number];
export type WebDimension = (typeof WEB_DIMENSIONS)[number];
export type DimensionName = CommerceOrderDimension | CommerceLineDimension | AttributeDimension | AdDimension | WebDimension;

export interface DimensionDefinition {
  readonly name: string;
  readonly label: string;
  readonly description: string;
}

const FIXED: readonly DimensionDefinition[] = [
  { name: "source_channel", label: "Sales channel", description: "Where the order was placed: online_store, instagram, marketplace, pos, whatsapp…" },
  { name: "country", label: "Country", description: "Shipping country of the order (ISO code)." },
  { name: "state", label: "State", description: "Shipping state or province of the order." },
  { name: "city", label: "City", description: "Shipping city of the order." },
  { name: "customer_type", label: "Customer type", description: "new (the customer's first order), returning, or guest (no customer)." },
  { name: "product", label: "Product", description: "The product of an order line." },
  { name: "variant", label: "Variant / SKU", description: "The variant (SKU) of an order line." },
  { name: "category", label: "Category", description: "The product category of an order line." },
  { name: "platform", label: "Ad platform", description: "meta, google or tiktok." },
  { name: "campaign", label: "Campaign", description: "An ad campaign." },
  { name: "source", label: "Traffic source", description: "Web analytics source (google, instagram, (direct)…)." },
  { name: "medium", label: "Traffic medium", description: "Web analytics medium (organic, cpc, referral…)." },
  { name: "source_medium", label: "Source / medium", description: "Web analytics source and medium together, e.g. 'google / cpc'." },
];

const ATTRIBUTE_KEY = /^[A-Za-z0-9_]{1,64}$/;

export function isAttributeDimension(name: string): name is AttributeDimension {
  return name.startsWith("attr.") && ATTRIBUTE_KEY.test(name.slice(5));
}

/** The attribute key of a custom dimension (`attr.device` → `device`). */
export function attributeKey(name: AttributeDimension): string {
  return name.slice(5);
}

export function isDimensionName(name: string): name is DimensionName {
  return isAttributeDimension(name) || FIXED.some((dimension) => dimension.name === name);
}

export function dimensionDefinition(name: DimensionName): DimensionDefinition {
  if (isAttributeDimension(name)) {
    return { name, label: attributeKey(name).replace(/_/g, " "), description: `Custom order attribute "${attributeKey(name)}".` };
  }
  const found = FIXED.find((dimension) => dimension.name === name);
  if (!found) throw new Error(`unknown dimension ${name}`);
  return found;
}

export function listDimensions(): readonly DimensionDefinition[] {
  return FIXED;
}

export function isLineDimension(name: DimensionName): name is CommerceLineDimension {
  return (COMMERCE_LINE_DIMENSIONS as readonly string[]).includes(name);
}

export function isOrderDimension(name: DimensionName): name is CommerceOrderDimension | AttributeDimension {
  return isAttributeDimension(name) || (COMMERCE_ORDER_DIMENSIONS as readonly string[]).includes(name);
}
