/**
 * The stores' ad campaigns and traffic sources. Budgets are a share of the day's expected revenue,
 * so spend follows seasonality; ROAS is what the platform reports with its own attribution (Meta
 * prospecting ~2.5, retargeting ~5, brand search ~6). CPCs are local: MXN 3–9, BRL 0.6–1.5.
 */
import type { AdPlatform } from "../db/schema/marketing.ts";
import type { Market } from "./seasonality.ts";

export type CampaignRuns =
  | { readonly kind: "always" }
  /** Around retail events (keys of the seasonality calendar), starting a few days before. */
  | { readonly kind: "events"; readonly keys: readonly string[]; readonly leadDays: number }
  /** Ran from the start until some days before the end, then paused. */
  | { readonly kind: "until"; readonly daysBeforeEnd: number };

export interface CampaignSpec {
  readonly platform: AdPlatform;
  readonly name: string;
  readonly objective: "sales" | "traffic" | "awareness";
  /** Daily budget as a share of the day's expected revenue. */
  readonly share: number;
  readonly roas: number;
  readonly cpcCents: number;
  readonly ctr: number;
  readonly runs: CampaignRuns;
}

const always = { kind: "always" } as const;

const MX: readonly CampaignSpec[] = [
  { platform: "meta", name: "Prospección | Advantage+ Shopping", objective: "sales", share: 0.035, roas: 2.4, cpcCents: 450, ctr: 0.011, runs: always },
  { platform: "meta", name: "Retargeting | Catálogo dinámico", objective: "sales", share: 0.015, roas: 5.2, cpcCents: 380, ctr: 0.016, runs: always },
  {
    platform: "meta", name: "Temporada | Hot Sale y Buen Fin", objective: "sales", share: 0.04, roas: 3.6, cpcCents: 520, ctr: 0.014,
    runs: { kind: "events", keys: ["hot_sale", "buen_fin", "black_friday"], leadDays: 3 },
  },
  { platform: "meta", name: "Awareness | Reels colección", objective: "awareness", share: 0.012, roas: 1.6, cpcCents: 250, ctr: 0.006, runs: { kind: "until", daysBeforeEnd: 300 } },
  { platform: "google", name: "Search | Marca", objective: "sales", share: 0.008, roas: 5.8, cpcCents: 300, ctr: 0.09, runs: always },
  { platform: "google", name: "Performance Max | Catálogo", objective: "sales", share: 0.03, roas: 3.4, cpcCents: 520, ctr: 0.012, runs: always },
  { platform: "google", name: "Search | Genérico jeans y vestidos", objective: "traffic", share: 0.012, roas: 1.9, cpcCents: 900, ctr: 0.035, runs: { kind: "until", daysBeforeEnd: 90 } },
  {
    platform: "google", name: "Shopping | Día de las Madres y Navidad", objective: "sales", share: 0.02, roas: 3.9, cpcCents: 600, ctr: 0.015,
    runs: { kind: "events", keys: ["dia_madres", "navidad"], leadDays: 5 },
  },
];

const BR: readonly CampaignSpec[] = [
  { platform: "meta", name: "Prospecção | Advantage+ Shopping", objective: "sales", share: 0.035, roas: 2.5, cpcCents: 110, ctr: 0.012, runs: always },
  { platform: "meta", name: "Remarketing | Catálogo", objective: "sales", share: 0.015, roas: 5.0, cpcCents: 90, ctr: 0.017, runs: always },
  {
    platform: "meta", name: "Black Friday | Esquenta", objective: "sales", share: 0.06, roas: 4.2, cpcCents: 130, ctr: 0.018,
    runs: { kind: "events", keys: ["black_friday"], leadDays: 7 },
  },
  {
    platform: "meta", name: "Datas comemorativas | Presentes", objective: "sales", share: 0.04, roas: 3.5, cpcCents: 120, ctr: 0.015,
    runs: { kind: "events", keys: ["dia_das_maes", "namorados", "natal"], leadDays: 4 },
  },
  { platform: "google", name: "Pesquisa | Marca", objective: "sales", share: 0.008, roas: 6.0, cpcCents: 60, ctr: 0.1, runs: always },
  { platform: "google", name: "Performance Max | Catálogo", objective: "sales", share: 0.03, roas: 3.3, cpcCents: 120, ctr: 0.012, runs: always },
  { platform: "google", name: "Shopping | Genérico", objective: "traffic", share: 0.012, roas: 1.8, cpcCents: 150, ctr: 0.02, runs: { kind: "until", daysBeforeEnd: 120 } },
];

export function campaignsOf(market: Market): readonly CampaignSpec[] {
  switch (market) {
    case "MX":
      return MX;
    case "BR":
      return BR;
  }
}

export interface TrafficSource {
  readonly source: string;
  readonly medium: string;
  /** Share of sessions. */
  readonly share: number;
  /** Conversion rate relative to the site average: returning direct and e-mail visitors buy more. */
  readonly conversion: number;
}

export const TRAFFIC_SOURCES: readonly TrafficSource[] = [
  { source: "google", medium: "organic", share: 0.27, conversion: 1.0 },
  { source: "google", medium: "cpc", share: 0.17, conversion: 1.1 },
  { source: "facebook", medium: "paid", share: 0.15, conversion: 0.7 },
  { source: "instagram", medium: "social", share: 0.13, conversion: 0.6 },
  { source: "direct", medium: "(none)", share: 0.2, conversion: 1.5 },
  { source: "email", medium: "newsletter", share: 0.08, conversion: 1.6 },
];
