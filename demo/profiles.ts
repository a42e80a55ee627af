/**
 * The three demo businesses: who they are, who works there, and the commercial rules of the two
 * stores (channels, payment methods, shipping, tax).
 */
import type { Locale, Role, Vertical, WeekStart } from "../db/schema/core.ts";
import type { Market } from "./seasonality.ts";

export const DEMO_SLUGS = ["demo", "demo-br", "demo-saas"] as const;
export type DemoSlug = (typeof DEMO_SLUGS)[number];

export interface DemoMember {
  readonly name: string;
  readonly role: Role;
  readonly language: Locale;
  /** E.164; fictional ranges (US 555-01xx) or numbers no carrier assigns to people. */
  readonly whatsapp: string;
  /** RFC 2606 .example domain: never deliverable. */
  readonly email: string;
  readonly slack: string;
}

export interface WorkspaceProfile {
  readonly slug: DemoSlug;
  readonly name: string;
  readonly vertical: Vertical;
  readonly currency: string;
  readonly timezone: string;
  readonly locale: Locale;
  readonly weekStart: WeekStart;
  readonly members: readonly DemoMember[];
}

export type SalesChannel = "online_store" | "instagram" | "marketplace" | "whatsapp" | "pos";

export interface StoreProfile extends WorkspaceProfile {
  readonly market: Market;
  /** Prefix of order numbers, SKUs and customer ids. */
  readonly code: string;
  /** Share of the requested order count this store gets. */
  readonly orderShare: number;
  readonly channels: readonly (readonly [SalesChannel, number])[];
  /** Payment method weights per channel (codes as a gateway reports them). */
  readonly payments: Readonly<Record<SalesChannel, readonly (readonly [string, number])[]>>;
  /** Methods paid later in cash or by slip, which leave orders pending and sometimes cancelled. */
  readonly deferredPayments: readonly string[];
  readonly freeShippingFromCents: number;
  readonly shippingCents: readonly number[];
  /**
   * VAT included in prices, as a rate: tax_cents = round(total × rate / (1 + rate)). Mexico: IVA 16%.
   * Brazil: 0 — ICMS/PIS/COFINS are built into shelf prices and shops do not itemise them on orders.
   */
  readonly vatRate: number;
  /** Share of visits that buy, on an ordinary day. */
  readonly conversionRate: number;
  readonly competitors: readonly { readonly name: string; readonly domain: string }[];
  /** Share of each category's products the store carries (default 1, the full catalog; smaller stores in benchmarks). */
  readonly catalogShare?: number;
}

const ROLES: readonly Role[] = ["owner", "admin", "analyst", "viewer"];

function members(people: readonly (readonly [string, Locale])[], phones: readonly string[], domain: string, slackPrefix: string): DemoMember[] {
  return people.map(([name, language], i) => ({
    name,
    role: ROLES[i]!,
    language,
    whatsapp: phones[i]!,
    email: `${name.split(" ")[0]!.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()}@${domain}`,
    slack: `${slackPrefix}${String(i + 1).padStart(2, "0")}`,
  }));
}

export const MX_STORE: StoreProfile = {
  slug: "demo",
  name: "Moda Norte",
  vertical: "ecommerce",
  currency: "MXN",
  timezone: "America/Mexico_City",
  locale: "es",
  weekStart: "monday",
  members: members(
    [["Mariana López", "es"], ["Diego Hernández", "es"], ["Emily Carter", "en"], ["Carlos Méndez", "es"]],
    ["+5215550100001", "+5215550100002", "+5215550100003", "+5215550100004"],
    "modanorte.example",
    "UDEMOMX0",
  ),
  market: "MX",
  code: "MN",
  orderShare: 1,
  channels: [["online_store", 0.56], ["instagram", 0.12], ["marketplace", 0.16], ["whatsapp", 0.09], ["pos", 0.07]],
  payments: {
    online_store: [["credit_card", 0.36], ["debit_card", 0.16], ["mercado_pago", 0.15], ["oxxo", 0.14], ["paypal", 0.09], ["spei", 0.06], ["aplazo", 0.04]],
    instagram: [["credit_card", 0.34], ["debit_card", 0.2], ["mercado_pago", 0.2], ["oxxo", 0.16], ["spei", 0.1]],
    marketplace: [["mercado_pago", 1]],
    whatsapp: [["spei", 0.45], ["oxxo", 0.25], ["credit_card", 0.3]],
    pos: [["credit_card", 0.45], ["debit_card", 0.3], ["cash", 0.25]],
  },
  deferredPayments: ["oxxo", "spei"],
  freeShippingFromCents: 99_900,
  shippingCents: [9_900, 9_900, 14_900],
  vatRate: 0.16,
  conversionRate: 0.018,
  competitors: [
    { name: "Liverpool", domain: "liverpool.com.mx" },
    { name: "Shein", domain: "shein.com.mx" },
    { name: "Coppel", domain: "coppel.com" },
    { name: "Mercado Libre", domain: "mercadolibre.com.mx" },
    { name: "Zara", domain: "zara.com/mx" },
  ],
};

export const BR_STORE: StoreProfile = {
  slug: "demo-br",
  name: "Flor de Ipê Cosméticos",
  vertical: "ecommerce",
  currency: "BRL",
  timezone: "America/Sao_Paulo",
  locale: "pt",
  weekStart: "sunday",
  members: members(
    [["Beatriz Almeida", "pt"], ["Rafael Souza", "pt"], ["Camila Ferreira", "pt"], ["Lucas Oliveira", "pt"]],
    ["+5511955500001", "+5511955500002", "+5511955500003", "+5511955500004"],
    "flordeipe.example",
    "UDEMOBR0",
  ),
  market: "BR",
  code: "FI",
  orderShare: 0.25,
  channels: [["online_store", 0.52], ["instagram", 0.16], ["marketplace", 0.18], ["whatsapp", 0.1], ["pos", 0.04]],
  payments: {
    online_store: [["pix", 0.44], ["cartao", 0.42], ["boleto", 0.14]],
    instagram: [["pix", 0.55], ["cartao", 0.4], ["boleto", 0.05]],
    marketplace: [["cartao", 0.55], ["pix", 0.4], ["boleto", 0.05]],
    whatsapp: [["pix", 0.75], ["cartao", 0.2], ["boleto", 0.05]],
    pos: [["cartao", 0.6], ["pix", 0.3], ["dinheiro", 0.1]],
  },
  deferredPayments: ["boleto"],
  freeShippingFromCents: 19_900,
  shippingCents: [1_490, 1_990, 2_490],
  vatRate: 0,
  conversionRate: 0.022,
  competitors: [
    { name: "Sephora", domain: "sephora.com.br" },
    { name: "Beleza na Web", domain: "belezanaweb.com.br" },
    { name: "Época Cosméticos", domain: "epocacosmeticos.com.br" },
    { name: "Mercado Livre", domain: "mercadolivre.com.br" },
    { name: "Amazon", domain: "amazon.com.br" },
  ],
};

export const SAAS: WorkspaceProfile = {
  slug: "demo-saas",
  name: "Ledgerly",
  vertical: "saas",
  currency: "USD",
  timezone: "America/New_York",
  locale: "en",
  weekStart: "monday",
  members: members(
    [["Jordan Blake", "en"], ["Priya Shah", "en"], ["Marcus Lee", "en"], ["Hannah Cole", "en"]],
    ["+12125550101", "+12125550102", "+12125550103", "+12125550104"],
    "ledgerly.example",
    "UDEMOUS0",
  ),
};

/** Devices by channel: in a shop the order is keyed on a terminal; chat and Instagram are phones. */
export function deviceWeights(channel: SalesChannel): readonly (readonly [string, number])[] {
  switch (channel) {
    case "online_store":
      return [["mobile", 0.72], ["desktop", 0.24], ["tablet", 0.04]];
    case "instagram":
      return [["mobile", 0.97], ["desktop", 0.03]];
    case "marketplace":
      return [["mobile", 0.7], ["desktop", 0.3]];
    case "whatsapp":
      return [["mobile", 1]];
    case "pos":
      return [["pos_terminal", 1]];
  }
}
