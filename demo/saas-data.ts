/**
 * The SaaS demo's price list and customer names. Annual plans cost ten months (two free), so their
 * MRR is a twelfth of the annual price.
 */
import type { Rng } from "./random.ts";
import { weighted } from "./random.ts";

export interface PlanSpec {
  readonly externalId: string;
  readonly name: string;
  readonly interval: "month" | "year";
  /** 0 Starter, 1 Growth, 2 Scale. */
  readonly tier: number;
  readonly priceCents: number;
}

const MONTHLY = [4_900, 14_900, 39_900];
const TIER_NAMES = ["Starter", "Growth", "Scale"];

export const PLANS: readonly PlanSpec[] = [
  ...TIER_NAMES.map((name, tier) => ({ externalId: `${name.toLowerCase()}_monthly`, name, interval: "month" as const, tier, priceCents: MONTHLY[tier]! })),
  ...TIER_NAMES.map((name, tier) => ({ externalId: `${name.toLowerCase()}_annual`, name: `${name} (annual)`, interval: "year" as const, tier, priceCents: MONTHLY[tier]! * 10 })),
];

export function planFor(tier: number, interval: "month" | "year"): PlanSpec {
  const plan = PLANS.find((p) => p.tier === tier && p.interval === interval);
  if (!plan) throw new Error(`no plan for tier ${tier} ${interval}`);
  return plan;
}

/** Monthly recurring revenue of a plan at a quantity. */
export function mrrOf(plan: PlanSpec, quantity: number): number {
  return plan.interval === "month" ? plan.priceCents * quantity : Math.round((plan.priceCents * quantity) / 12);
}

export const TIER_MIX = weighted([[0, 0.55], [1, 0.33], [2, 0.12]]);
export const COUNTRIES = weighted([["US", 0.55], ["CA", 0.08], ["GB", 0.1], ["DE", 0.05], ["AU", 0.05], ["MX", 0.05], ["BR", 0.04], ["ES", 0.04], ["FR", 0.04]]);

const PREFIXES = [
  "Acme", "Bluebird", "Bright", "Cedar", "Summit", "Northwind", "Pioneer", "Harbor", "Granite", "Maple",
  "Silverline", "Atlas", "Nova", "Apex", "Orbit", "Vertex", "Lumen", "Evergreen", "Redwood", "Keystone",
  "Beacon", "Crescent", "Falcon", "Horizon", "Ironwood", "Juniper", "Lakeside", "Meridian", "Oakridge", "Prairie",
  "Quantum", "Riverside", "Sierra", "Tandem", "Union", "Vista", "Willow", "Zenith", "Copper", "Aspen",
];
const TRADES = [
  "Analytics", "Logistics", "Health", "Foods", "Studio", "Labs", "Dental", "Legal", "Realty", "Supply",
  "Media", "Fitness", "Robotics", "Consulting", "Design", "Energy", "Motors", "Pets", "Travel", "Outdoors",
];
const SUFFIXES = ["Inc.", "LLC", "Co.", "Group", "Partners", "Ltd."];

export function companyName(rng: Rng, serial: number): { name: string; email: string } {
  const prefix = rng.pick(PREFIXES);
  const trade = rng.pick(TRADES);
  return { name: `${prefix} ${trade} ${rng.pick(SUFFIXES)}`, email: `billing@${prefix.toLowerCase()}${trade.toLowerCase()}${serial}.example` };
}
