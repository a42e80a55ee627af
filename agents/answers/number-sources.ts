/**
 * Every number an answer may say, gathered from a turn's tool calls: each number in the outcomes
 * and arguments (and its readings: money minor units as major units, fractions as percentages),
 * the numbers written inside their strings (labels, names), and the parts of their dates and
 * instants (year, month, day, quarter, the day before a date that may end a range, and the local
 * date, hour and minute of instants in the workspace time zone).
 */
import { addDays, isValidIsoDate } from "../../lib/calendar-date.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import { localParts } from "./format/dates.ts";
import type { AnswerContext, ToolCallRecord } from "./types.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MONTH_KEY = /^\d{4}-\d{2}$/;

class Collector {
  readonly values = new Set<number>([0]);
  constructor(private readonly context: AnswerContext, private readonly minorDivisor: number) {}

  number(value: number): void {
    if (!Number.isFinite(value)) return;
    const magnitude = Math.abs(value);
    this.values.add(magnitude);
    this.values.add(magnitude / this.minorDivisor);
    this.values.add(magnitude * 100);
  }

  private date(date: string, exclusiveEnd = true): void {
    if (!isValidIsoDate(date)) return;
    const [year, month, day] = date.split("-").map(Number);
    for (const part of [year, month, day, Math.ceil((month ?? 1) / 3)]) if (part !== undefined) this.values.add(part);
    if (!exclusiveEnd) return;
    // A date may be a range's exclusive end: "1–7 nov" ends on the day before `end`.
    for (const part of addDays(date, -1).split("-").map(Number)) this.values.add(part);
  }

  private instant(instant: string): void {
    const at = new Date(instant);
    if (Number.isNaN(at.getTime())) return;
    const { date, hour, minute } = localParts(instant, this.context.timeZone);
    this.date(date, false);
    for (const part of [hour, hour % 12 === 0 ? 12 : hour % 12, minute]) this.values.add(part);
  }

  string(text: string): void {
    if (ISO_INSTANT.test(text)) return this.instant(text);
    if (ISO_DATE.test(text)) return this.date(text);
    if (MONTH_KEY.test(text)) return this.date(`${text}-01`, false);
    for (const match of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) this.date(match[0]);
    for (const match of text.matchAll(/\d+(?:\.\d+)?/g)) this.values.add(Number(match[0]));
  }

  walk(value: unknown): void {
    if (typeof value === "number") this.number(value);
    else if (typeof value === "string") this.string(value);
    else if (Array.isArray(value)) for (const item of value) this.walk(item);
    else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) this.walk(item);
  }
}

/** The numbers a reply about these calls may contain, ascending. */
export function supportedNumbers(calls: readonly ToolCallRecord[], context: AnswerContext): number[] {
  const collector = new Collector(context, 10 ** currencyMinorDigits(context.currency));
  for (const call of calls) {
    collector.walk(call.args);
    collector.walk(call.outcome);
  }
  collector.string(context.now);
  collector.string(context.workspaceName);
  return [...collector.values].sort((a, b) => a - b);
}
