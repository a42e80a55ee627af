/**
 * Stock policy for one SKU from its demand forecast: days of stock, the chance of running out
 * within a horizon, the reorder point and quantity (a periodic-review, order-up-to policy), and
 * overstock.
 *
 * - Demand over h days is taken as normal with mean Σ daily forecasts and standard deviation
 *   σ_daily × √h (days independent). Stockout risk = P(demand over h > on hand).
 * - Safety stock = z × σ_daily × √lead time, z = Φ⁻¹(service level) (1.645 at 95%).
 * - Reorder point = expected demand over the lead time + safety stock: order when stock falls to it.
 * - Reorder quantity = enough to cover the lead time and the review period, plus safety stock,
 *   minus what is on hand (never negative): the order-up-to level.
 * - Overstock: more days of stock than max(OVERSTOCK_MIN_DAYS, OVERSTOCK_COVER_MULTIPLE × cover).
 */
import { normalCdf, normalQuantile } from "./normal-distribution.ts";

export const DEFAULT_LEAD_TIME_DAYS = 14;
export const DEFAULT_REVIEW_PERIOD_DAYS = 30;
export const DEFAULT_SERVICE_LEVEL = 0.95;
export const OVERSTOCK_MIN_DAYS = 120;
export const OVERSTOCK_COVER_MULTIPLE = 3;

export interface PolicySettings {
  readonly leadTimeDays: number;
  readonly reviewPeriodDays: number;
  /** Probability of not running out during a lead time, e.g. 0.95. */
  readonly serviceLevel: number;
}

export const DEFAULT_POLICY: PolicySettings = {
  leadTimeDays: DEFAULT_LEAD_TIME_DAYS,
  reviewPeriodDays: DEFAULT_REVIEW_PERIOD_DAYS,
  serviceLevel: DEFAULT_SERVICE_LEVEL,
};

export interface PolicyInput {
  readonly onHand: number;
  /** Mean units per day over the coming days. */
  readonly dailyDemand: number;
  readonly sigmaPerDay: number;
  /** Expected units over the risk horizon (weekday-aware), and that horizon. */
  readonly horizonDemand: number;
  readonly horizonDays: number;
}

export interface StockPolicy {
  /** on hand ÷ daily demand; null when nothing is expected to sell. */
  readonly daysOfStock: number | null;
  /** P(demand over the horizon > on hand), 0..1; 1 when already out with demand expected. */
  readonly stockoutProbability: number;
  readonly outOfStock: boolean;
  readonly safetyStock: number;
  readonly reorderPoint: number;
  /** True when on hand is at or below the reorder point (and something sells). */
  readonly reorderNow: boolean;
  readonly reorderQuantity: number;
  readonly overstock: boolean;
  /** Units above the order-up-to level, when overstocked. */
  readonly excessUnits: number;
  /** Days of stock above which a SKU is overstocked. */
  readonly overstockThresholdDays: number;
}

export function zForServiceLevel(serviceLevel: number): number {
  return normalQuantile(serviceLevel);
}

/** P(demand > onHand) for normal demand with the given mean and standard deviation. */
export function stockoutProbability(onHand: number, meanDemand: number, sigma: number): number {
  if (meanDemand <= 0) return 0;
  if (onHand <= 0) return 1;
  if (sigma <= 0) return meanDemand > onHand ? 1 : 0;
  return clamp01(1 - normalCdf((onHand - meanDemand) / sigma));
}

export function stockPolicy(input: PolicyInput, settings: PolicySettings = DEFAULT_POLICY): StockPolicy {
  const { onHand, dailyDemand, sigmaPerDay, horizonDemand, horizonDays } = input;
  const { leadTimeDays, reviewPeriodDays } = settings;
  const z = zForServiceLevel(settings.serviceLevel);
  const safetyStock = Math.ceil(z * sigmaPerDay * Math.sqrt(leadTimeDays));
  const reorderPoint = Math.ceil(dailyDemand * leadTimeDays) + safetyStock;
  const coverDays = leadTimeDays + reviewPeriodDays;
  const orderUpTo = Math.ceil(dailyDemand * coverDays + z * sigmaPerDay * Math.sqrt(coverDays));
  const selling = dailyDemand > 0;
  const daysOfStock = selling ? Math.max(onHand, 0) / dailyDemand : null;
  const overstockThresholdDays = Math.max(OVERSTOCK_MIN_DAYS, OVERSTOCK_COVER_MULTIPLE * coverDays);
  // Stock that does not sell at all is overstock too, once there is more than a handful.
  const overstock = daysOfStock === null ? onHand > 0 && sigmaPerDay === 0 && onHand >= 5 : daysOfStock > overstockThresholdDays;
  return {
    daysOfStock,
    stockoutProbability: stockoutProbability(onHand, horizonDemand, sigmaPerDay * Math.sqrt(horizonDays)),
    outOfStock: onHand <= 0,
    safetyStock,
    reorderPoint,
    reorderNow: selling && onHand <= reorderPoint,
    reorderQuantity: selling ? Math.max(0, orderUpTo - Math.max(onHand, 0)) : 0,
    overstock,
    excessUnits: overstock ? Math.max(0, onHand - orderUpTo) : 0,
    overstockThresholdDays,
  };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
