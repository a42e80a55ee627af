/**
 * How busy each day is: growth trend × weekday × month × paydays × local retail events. Events are
 * computed per year from their rules (Buen Fin is the Friday–Monday ending on the third Monday of
 * November, the Mexican Revolution holiday; Hot Sale starts on the last Monday of May; Black Friday
 * follows the fourth Thursday of November; Brazil's Dia das Mães is the second Sunday of May), so
 * any end date gets the right dates.
 */
import { apportion, type Rng } from "./random.ts";
import { dayNumberOf, isoFromDayNumber, lastWeekday, nthWeekday, type IsoDate, type LocalDay } from "./calendar.ts";

export type Market = "MX" | "BR";

/** A named retail event in the range; `promo` events come with discounts. */
export interface PeakWindow {
  readonly key: string;
  readonly name: string;
  readonly start: IsoDate;
  /** Inclusive. */
  readonly end: IsoDate;
  readonly promo: boolean;
}

interface DayEffect {
  factor: number;
  peak: PeakWindow | null;
}

interface MarketShape {
  /** Year-over-year growth of the underlying demand. */
  readonly growth: number;
  /** Sunday first. */
  readonly weekday: readonly number[];
  /** January first. */
  readonly month: readonly number[];
  payday(day: LocalDay): number;
  events(year: number, add: EventAdder): void;
}

type EventAdder = (key: string, name: string, firstDay: number, factors: readonly number[], promo: boolean) => void;

const SHAPES: Readonly<Record<Market, MarketShape>> = {
  MX: {
    growth: 1.4,
    weekday: [1.06, 1.08, 1.03, 1.0, 0.98, 0.95, 0.88],
    month: [0.78, 0.82, 0.92, 0.95, 1.02, 0.98, 0.96, 0.97, 0.95, 1.0, 1.12, 1.32],
    // Quincena: most salaries land on the 15th and the last day of the month.
    payday: (d) => (d.day === 15 || d.day === d.daysInMonth ? 1.18 : d.day === 16 || d.day === 1 ? 1.12 : d.day === 2 || d.day === 17 ? 1.05 : 1),
    events: (year, add) => {
      add("reyes", "Día de Reyes", dayNumberOf(year, 1, 2), [1.15, 1.2, 1.25, 1.1], false);
      add("dia_madres", "Día de las Madres", dayNumberOf(year, 5, 4), [1.4, 1.6, 1.8, 2.1, 2.3, 1.7], true);
      add("hot_sale", "Hot Sale", lastWeekday(year, 5, 1), [2.6, 2.2, 2.0, 1.9, 1.9, 2.0, 2.1, 2.1, 2.5], true);
      add("buen_fin", "El Buen Fin", nthWeekday(year, 11, 1, 3) - 3, [3.4, 3.1, 3.0, 3.7], true);
      add("black_friday", "Black Friday + Cyber Monday", nthWeekday(year, 11, 4, 4) + 1, [3.0, 1.7, 1.6, 2.6], true);
      add("navidad", "Navidad", dayNumberOf(year, 12, 8), christmasRamp, true);
      add("nochebuena", "Nochebuena", dayNumberOf(year, 12, 23), [0.95, 0.7, 0.45, 0.8], false);
      add("fin_de_ano", "Fin de año", dayNumberOf(year, 12, 31), [0.6, 0.5], false);
    },
  },
  BR: {
    growth: 1.5,
    weekday: [1.02, 1.1, 1.06, 1.02, 1.0, 0.94, 0.86],
    month: [0.8, 0.82, 0.95, 0.95, 1.05, 0.98, 0.95, 0.97, 0.95, 1.0, 1.2, 1.3],
    // Salaries arrive by the fifth business day; many employers pay an advance around the 20th.
    payday: (d) => (d.day >= 5 && d.day <= 7 ? 1.12 : d.day === 20 ? 1.06 : 1),
    events: (year, add) => {
      add("dia_consumidor", "Dia do Consumidor", dayNumberOf(year, 3, 13), [1.5, 1.8, 2.3], true);
      add("dia_das_maes", "Dia das Mães", nthWeekday(year, 5, 0, 2) - 7, [1.5, 1.6, 1.8, 2.0, 2.3, 2.4, 2.0, 0.9], true);
      add("namorados", "Dia dos Namorados", dayNumberOf(year, 6, 5), [1.3, 1.4, 1.5, 1.7, 1.9, 2.1, 1.8], true);
      // Black Friday is Brazil's biggest online day by far; the "esquenta" week builds up to it.
      add("black_friday", "Black Friday", nthWeekday(year, 11, 4, 4) - 3, [1.5, 1.6, 1.8, 2.4, 6.0, 3.2, 2.6, 3.0], true);
      add("natal", "Natal", dayNumberOf(year, 12, 8), christmasRamp, true);
      add("vespera_natal", "Véspera de Natal", dayNumberOf(year, 12, 23), [0.9, 0.7, 0.4, 0.8], false);
      add("reveillon", "Réveillon", dayNumberOf(year, 12, 31), [0.6, 0.45], false);
    },
  },
};

const christmasRamp = [1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.9, 1.8, 1.7, 1.6, 1.4, 1.2, 1.05];

/** Retail events of a market, per day number, for the years the days span. */
export function eventCalendar(market: Market, days: readonly LocalDay[]): { effects: Map<number, DayEffect>; windows: PeakWindow[] } {
  const effects = new Map<number, DayEffect>();
  const windows: PeakWindow[] = [];
  const first = days[0]!.dayNum;
  const last = days[days.length - 1]!.dayNum;
  const add: EventAdder = (key, name, firstDay, factors, promo) => {
    const lastDay = firstDay + factors.length - 1;
    if (lastDay < first || firstDay > last) return;
    const window: PeakWindow = { key, name, start: isoFromDayNumber(Math.max(firstDay, first)), end: isoFromDayNumber(Math.min(lastDay, last)), promo };
    if (promo) windows.push(window);
    factors.forEach((factor, i) => {
      const existing = effects.get(firstDay + i);
      // Overlaps keep the stronger event (Navidad and Nochebuena meet on Dec 23).
      if (!existing || factor > existing.factor) effects.set(firstDay + i, { factor, peak: promo ? window : (existing?.peak ?? null) });
    });
  };
  for (let year = days[0]!.year; year <= days[days.length - 1]!.year; year++) SHAPES[market].events(year, add);
  windows.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
  return { effects, windows };
}

export interface DemandPlan {
  /** Orders placed each day (sums exactly to the requested total). */
  readonly counts: readonly number[];
  /** What each day would have had without a planted drop: the traffic that came. */
  readonly expected: readonly number[];
  /** The promo event running that day, if any. */
  readonly peaks: readonly (PeakWindow | null)[];
  /** The day's event factor (1 on ordinary days). */
  readonly eventFactor: readonly number[];
  readonly windows: readonly PeakWindow[];
}

/**
 * Splits `total` orders over the days. `dampen` scales chosen days (the planted conversion drop)
 * after the traffic is fixed, so those days lose orders but not visitors.
 */
export function planDemand(
  market: Market,
  days: readonly LocalDay[],
  total: number,
  rng: Rng,
  dampen: ReadonlyMap<number, number> = new Map(),
): DemandPlan {
  const shape = SHAPES[market];
  const { effects, windows } = eventCalendar(market, days);
  const dailyGrowth = Math.log(shape.growth) / 365;
  const weights = days.map((day) => {
    const effect = effects.get(day.dayNum)?.factor ?? 1;
    return Math.exp(dailyGrowth * day.index) * shape.weekday[day.weekday]! * shape.month[day.month - 1]! * shape.payday(day) * effect * rng.noise(0.07);
  });
  const placed = weights.map((weight, i) => weight * (dampen.get(i) ?? 1));
  const counts = apportion(total, placed);
  const placedSum = placed.reduce((acc, weight) => acc + weight, 0);
  return {
    counts,
    expected: weights.map((weight) => (total * weight) / placedSum),
    peaks: days.map((day) => effects.get(day.dayNum)?.peak ?? null),
    eventFactor: days.map((day) => effects.get(day.dayNum)?.factor ?? 1),
    windows,
  };
}
