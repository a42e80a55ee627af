/** Hand-built digest and weekly facts, a stand-in insight describer and render contexts for the renderer tests. */
import type { Language } from "../../agents/shared/language.ts";
import type { DigestFacts, InsightFact, KpiFact, PendingApproval, WeeklyFacts } from "../../engines/digest/types.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { addDays } from "../../lib/calendar-date.ts";
import type { DigestChannel, DigestRenderContext, InsightDescription } from "./digest-parts.ts";

export const CHANNELS: readonly DigestChannel[] = ["email", "slack", "whatsapp"];

function kpi(metric: string, label: string, unit: KpiFact["unit"], value: number | null, previous: number | null): KpiFact {
  const change = value === null || previous === null ? null : value - previous;
  const changePct = change === null || previous === null || previous === 0 ? null : Math.round((change / Math.abs(previous)) * 1e6) / 1e6;
  return { metric, label, unit, higherIsBetter: true, value, previous, change, changePct };
}

export function insightRow(id: number, title: string, action: Record<string, unknown> = { kind: "question", question: { en: `What happened with ${title}?`, es: `¿Qué pasó con ${title}?`, pt: `O que aconteceu com ${title}?` } }): Insight {
  const at = new Date("2026-11-21T06:00:00Z");
  return {
    id,
    workspace_id: 1,
    type: "metric_anomaly",
    severity: "warning",
    fingerprint: `test:${id}`,
    subject: "metric:net_sales",
    title,
    summary: `${title} (summary)`,
    impact_cents: 1_250_000,
    confidence: 0.9,
    score: 1,
    evidence: {},
    action,
    status: "open",
    occurrences: 1,
    first_seen_at: at,
    last_seen_at: at,
    updated_at: at,
  };
}

/** The stand-in for agents/answers/insights/insight-text.ts: the stored title, tagged with the language. */
export function describeStandIn(insight: Insight, language: Language): InsightDescription {
  return { title: `[${language}] ${insight.title}`, explanation: `${insight.summary}.`, action: `[${language}] act on ${insight.title}` };
}

export function renderContext(channel: DigestChannel, language: Language, overrides: Partial<DigestRenderContext> = {}): DigestRenderContext {
  const currency = language === "pt" ? "BRL" : language === "es" ? "MXN" : "USD";
  return { channel, language, currency, timeZone: "America/Mexico_City", describeInsight: describeStandIn, ...overrides };
}

export function approval(code: string, product: string, overrides: Partial<PendingApproval> = {}): PendingApproval {
  return { code, kind: "change", product, variant: null, currentPriceCents: 49_900, proposedPriceCents: 44_900, currency: "MXN", expiresAt: "2026-11-22T16:00:00.000Z", ...overrides };
}

function insightFacts(titles: readonly string[]): InsightFact[] {
  return titles.map((title, index) => {
    const insight = insightRow(index + 1, title);
    return { insight, action: { kind: "question", question: { en: `What happened with ${title}?`, es: `¿Qué pasó con ${title}?`, pt: `O que aconteceu com ${title}?` } } };
  });
}

const TITLES = ["Net sales fell 40% on Nov 11", "Liverpool undercuts Tenis Urbano by 18%", "Sudadera Básica runs out in 5 days"];

export function sampleDigestFacts(overrides: Partial<DigestFacts> = {}, currency = "MXN"): DigestFacts {
  const points = Array.from({ length: 14 }, (_, index) => ({ date: addDays("2026-11-07", index), value: 1_000_000 + index * 50_000 }));
  return {
    kind: "daily",
    workspace: { id: 1, name: "Moda Norte", vertical: "ecommerce", currency, timeZone: "America/Mexico_City" },
    date: "2026-11-21",
    yesterday: "2026-11-20",
    day: {
      span: { start: "2026-11-20", end: "2026-11-21" },
      comparison: { start: "2026-11-13", end: "2026-11-14" },
      kpis: [kpi("net_sales", "Net sales", "money", 439_400, 2_195_683), kpi("orders", "Orders", "count", 4, 13), kpi("aov", "Average order value", "money", 109_850, 168_899), kpi("conversion_rate", "Conversion rate", "ratio", 0.026144, 0.02381)],
    },
    weekToDate: {
      span: { start: "2026-11-16", end: "2026-11-21" },
      comparison: { start: "2026-11-09", end: "2026-11-14" },
      kpis: [kpi("net_sales", "Net sales", "money", 3_751_412, 3_934_258), kpi("orders", "Orders", "count", 30, 25), kpi("aov", "Average order value", "money", 125_047, 171_154), kpi("conversion_rate", "Conversion rate", "ratio", 0.023278, 0.018008)],
    },
    weekComplete: false,
    series: { metric: "net_sales", label: "Net sales", unit: "money", grain: "day", points },
    insights: insightFacts(TITLES),
    pendingApprovals: [approval("4F2K", "Cangurera bordada", { currency })],
    suggestedQuestion: { en: "Why did sales drop yesterday?", es: "¿Por qué bajaron las ventas ayer?", pt: "Por que as vendas caíram ontem?" },
    freshness: [{ source: "orders", latestData: "2026-11-21T05:38:27.000Z", lastLoadedAt: null }],
    ...overrides,
  };
}

export function sampleWeeklyFacts(overrides: Partial<WeeklyFacts> = {}, currency = "MXN"): WeeklyFacts {
  const points = Array.from({ length: 8 }, (_, index) => ({ date: addDays("2026-09-21", index * 7), value: 3_000_000 + index * 400_000 }));
  return {
    kind: "weekly",
    workspace: { id: 1, name: "Moda Norte", vertical: "ecommerce", currency, timeZone: "America/Mexico_City" },
    week: { start: "2026-11-09", end: "2026-11-16" },
    kpis: {
      span: { start: "2026-11-09", end: "2026-11-16" },
      comparison: { start: "2026-11-02", end: "2026-11-09" },
      kpis: [kpi("net_sales", "Net sales", "money", 6_483_724, 3_660_585), kpi("orders", "Orders", "count", 46, 27), kpi("aov", "Average order value", "money", 148_442, 155_245), kpi("conversion_rate", "Conversion rate", "ratio", 0.02211, 0.018868)],
    },
    drivers: [
      {
        metric: "net_sales",
        unit: "money",
        dimension: "category",
        direction: "up",
        totalChange: 2_823_139,
        drivers: [
          { member: "Calzado", label: "Calzado", other: false, current: 2_613_078, previous: 950_185, change: 1_662_893, share: 0.589 },
          { member: "Accesorios", label: "Accesorios", other: false, current: 596_900, previous: 126_360, change: 470_540, share: 0.1667 },
        ],
      },
      { metric: "net_sales", unit: "money", dimension: "source_channel", direction: "up", totalChange: 2_823_139, drivers: [{ member: "online_store", label: "online_store", other: false, current: 4_374_564, previous: 1_270_015, change: 3_104_549, share: 1.0997 }] },
    ],
    segments: [
      { segment: "cannot_lose_them", customers: 20, customersWeekBefore: 23, revenueCents: 9_936_308, avgRecencyDays: 247.6 },
      { segment: "at_risk", customers: 101, customersWeekBefore: 98, revenueCents: 27_158_357, avgRecencyDays: 271.8 },
    ],
    insights: insightFacts(TITLES),
    actions: [],
    series: { metric: "net_sales", label: "Net sales", unit: "money", grain: "week", points },
    suggestedQuestion: { en: "Which products sold most last week?", es: "¿Qué productos se vendieron más la semana pasada?", pt: "Quais produtos mais venderam na semana passada?" },
    freshness: [{ source: "orders", latestData: "2026-11-21T05:38:27.000Z", lastLoadedAt: null }],
    ...overrides,
  };
}
