import { describe, expect, it } from "vitest";
import type { CompetitorUndercutEvidence, MetricAnomalyEvidence, SegmentShiftEvidence, StockoutRiskEvidence, SyncFailedEvidence, TrendBreakEvidence } from "../../../engines/insights/evidence.ts";
import { insightText } from "./insight-text.ts";

const MX = { language: "es", currency: "MXN", timeZone: "America/Mexico_City" } as const;
const BR = { language: "pt", currency: "BRL", timeZone: "America/Sao_Paulo" } as const;
const US = { language: "en", currency: "MXN", timeZone: "America/Mexico_City" } as const;

const undercut: CompetitorUndercutEvidence = {
  productId: 200, variantId: 597, title: "Tenis urbanos de piel Rosa palo", currency: "MXN", competitor: "Zara", date: "2026-11-16",
  previousPriceCents: 139900, priceCents: 118900, ourPriceCents: 139900, gapPct: -0.1501, stillBelow: true, latestPriceCents: 118900,
  revenue30dCents: 6274500, salesRank: 1, shareAtRisk: 0.3,
};
const undercutAction = { kind: "proposal", request: { en: "Suggest a price for Tenis against Zara", es: "Sugiere un precio para Tenis frente a Zara", pt: "Sugira um preço para Tenis frente a Zara" } };

const conversion: MetricAnomalyEvidence = {
  metric: "orders", label: "Orders", unit: "count", currency: "BRL", date: "2026-11-11", actual: 0, expected: 1.3, deviationPct: -100, direction: "down",
  anomalySeverity: "high", drivers: null, shortfallCents: 21955, conversion: { sessions: 36, webConversions: 0, usualSessions: 27, rate: 0, usualRate: 0.037 },
};

const stockout: StockoutRiskEvidence = {
  productId: 118, title: "Sudadera oversize Terracota", currency: "MXN", salesRank: 3, outOfStock: true, outOfStockSince: "2026-11-15", onHand: 0,
  variantIds: [370, 371, 372], dailyDemand: 0.24, daysOfStock: 0, projectedStockoutDate: null, leadTimeDays: 14, unitsSoldLast30Days: 4,
  priceCents: 46347, lostSalesPerDayCents: 11123, daysWithoutStock: 14,
};

describe("insightText", () => {
  it("writes an undercut in Spanish with Mexican money and the stored action", () => {
    const text = insightText({ type: "competitor_undercut", severity: "critical", evidence: undercut, action: undercutAction, impact_cents: 1882350 }, MX);
    expect(text.title).toBe("Zara vende Tenis urbanos de piel Rosa palo 15.0% más barato");
    expect(text.explanation).toBe(
      "Desde el 16 nov, Zara vende Tenis urbanos de piel Rosa palo a $1,189 (antes $1,399), 15.0% por debajo de nuestros $1,399. Es tu producto más vendido ($62,745 en los últimos 30 días). Si siguen quitándonos ventas, hay unos $18,824 en riesgo en los próximos 30 días.",
    );
    expect(text.action).toBe("Sugiere un precio para Tenis frente a Zara");
  });

  it("writes a conversion drop in Portuguese with Brazilian numbers", () => {
    const action = { kind: "question", question: { en: "Why did conversion drop on Nov 11?", es: "¿Por qué cayó la conversión el 11 nov?", pt: "Por que a conversão caiu em 11 nov?" } };
    const text = insightText({ type: "metric_anomaly", severity: "critical", evidence: conversion, action, impact_cents: 21955 }, BR);
    expect(text.title).toBe("A conversão despencou em 11 nov");
    expect(text.explanation).toContain("Em 11 nov 2026 o tráfego foi normal (36 sessões, o habitual é cerca de 27), mas só entraram 0 pedidos contra cerca de 1,3 esperados");
    expect(text.explanation).toContain("0,0% das visitas compraram, contra 3,7% normalmente");
    expect(text.explanation).toContain("Cerca de R$ 219,55 em vendas foram perdidos nesse dia.");
    expect(text.action).toBe("Por que a conversão caiu em 11 nov?");
  });

  it("writes a stockout in English and in Spanish", () => {
    const action = { kind: "question", question: { en: "How much should I reorder?", es: "¿Cuánto debo reponer?", pt: "Quanto devo repor?" } };
    const en = insightText({ type: "stockout_risk", severity: "critical", evidence: stockout, action, impact_cents: 155722 }, US);
    expect(en.title).toBe("Sudadera oversize Terracota is out of stock");
    expect(en.explanation).toBe(
      "Your #3 best seller has been out of stock since Nov 15. It sells about 0.2 units a day, so each day without stock costs about MX$111.23; a reorder takes about 14 days to arrive. About MX$1,557 in sales at stake.",
    );
    const es = insightText({ type: "stockout_risk", severity: "critical", evidence: stockout, action, impact_cents: 155722 }, MX);
    expect(es.title).toBe("Sudadera oversize Terracota está agotado");
    expect(es.explanation).toContain("Tu producto #3 en ventas está agotado desde el 15 nov.");
    expect(es.action).toBe("¿Cuánto debo reponer?");
  });

  it("tells a failed sync with its time in the workspace zone", () => {
    const evidence: SyncFailedEvidence = { connectorId: 3, provider: "shopify", account: "moda.myshopify.com", status: "error", lastError: "401 Unauthorized\nstack…", lastSyncAt: "2026-11-20T18:05:00Z", lastFailedAt: "2026-11-21T12:00:00Z", failedRuns: 3 };
    const text = insightText({ type: "sync_failed", severity: "critical", evidence, action: {}, impact_cents: null }, MX);
    expect(text.title).toBe("Falla la sincronización de Shopify");
    expect(text.explanation).toBe(
      "La conexión con Shopify (moda.myshopify.com) falló 3 veces seguidas. La última sincronización correcta fue el 20 nov 2026, 12:05. Error: “401 Unauthorized”. Las respuestas que usan sus datos pueden estar desactualizadas.",
    );
    expect(text.action).toBe("¿Quieres que lo revise?");
  });

  it("writes a trend break as a daily average, or as the window's value for a ratio", () => {
    const action = { kind: "question", question: { en: "Why have orders been below trend since Nov 7?", es: "¿Por qué están los pedidos por debajo de la tendencia desde el 7 nov?", pt: "Por que os pedidos estão abaixo da tendência desde 7 nov?" } };
    const orders: TrendBreakEvidence = { metric: "orders", label: "Orders", unit: "count", currency: "MXN", start: "2026-11-07", end: "2026-11-21", actualPerDay: 3, expectedPerDay: 6.07, changePct: -0.506, direction: "down", daysOnSide: 14 };
    const en = insightText({ type: "trend_break", severity: "critical", evidence: orders, action, impact_cents: 1_288_000 }, US);
    expect(en.title).toBe("Orders broke from trend: down 51%");
    expect(en.explanation).toBe("In Nov 7–20, orders averaged 3 a day against 6.1 expected from the trend before (51% below), below the forecast for the last 14 days in a row.");
    expect(en.action).toBe("Why have orders been below trend since Nov 7?");
    const aov: TrendBreakEvidence = { ...orders, metric: "aov", label: "Average order value", unit: "money", actualPerDay: 30000, expectedPerDay: 50000, changePct: -0.4, daysOnSide: 1, aggregate: "window" };
    const es = insightText({ type: "trend_break", severity: "warning", evidence: aov, action, impact_cents: 1_680_000 }, MX);
    expect(es.title).toBe("Ticket promedio: ruptura de tendencia (40% menos)");
    expect(es.explanation).toBe("En 7–20 nov, ticket promedio: $300 frente a $500 esperado según las semanas anteriores (40% menos).");
  });

  it("writes a segment shift in Portuguese", () => {
    const evidence: SegmentShiftEvidence = { segment: "at_risk", currency: "BRL", customers: 30, previousCustomers: 10, revenueCents: 4_100_000, changePct: 2, asOf: "2026-11-20", previousAsOf: "2026-10-21", previousRevenueCents: 900_000 };
    const action = { kind: "question", question: { en: "Who are my at-risk customers?", es: "¿Quiénes son mis clientes en riesgo?", pt: "Quem são meus clientes em risco?" } };
    const text = insightText({ type: "segment_shift", severity: "warning", evidence, action, impact_cents: 673_973 }, BR);
    expect(text.title).toBe('Clientes "Em risco": +200%');
    expect(text.explanation).toBe('O segmento "Em risco" tem 30 clientes agora contra 10 em 21 out. No total compraram R$ 41.000 com você.');
    expect(text.action).toBe("Quem são meus clientes em risco?");
  });

  it("falls back to the stored English title and summary when the evidence does not fit", () => {
    const stored = { type: "competitor_undercut", severity: "warning", evidence: { productId: "not a number" }, action: undercutAction, impact_cents: 50000, title: "Zara undercuts Tenis by 15%", summary: "Since 2026-11-16 Zara sells it lower." };
    const en = insightText(stored, US);
    expect(en).toEqual({ title: "Zara undercuts Tenis by 15%", explanation: "Since 2026-11-16 Zara sells it lower. Estimated impact: MX$500.", action: "Suggest a price for Tenis against Zara" });
    const pt = insightText({ ...stored, type: "something_new" }, BR);
    expect(pt.title).toBe("something new");
    expect(pt.explanation).toBe("something new (alerta): Zara undercuts Tenis by 15%. Since 2026-11-16 Zara sells it lower. Impacto estimado: R$ 500.");
    const es = insightText(stored, MX);
    expect(es.title).toBe("Un competidor bajó de nuestro precio");
    expect(es.explanation).toContain("Un competidor bajó de nuestro precio (advertencia): Zara undercuts Tenis by 15%.");
  });
});
