/** Metric insights in words: anomalies (and conversion drops), trend breaks, campaign efficiency, segment shifts. */
import { isRfmSegment } from "../../../engines/metrics/analysis/rfm-segments.ts";
import { segmentLabel } from "../analytics/rfm-labels.ts";
import { formatDate, formatRange } from "../format/dates.ts";
import { capitalise, dimensionLabel, memberLabel, metricLabel } from "../format/labels.ts";
import { count, decimal, metricValue, money, multiple, percent, percentPoints } from "../format/numbers.ts";
import { listInWords } from "../format/phrases.ts";
import type { AnswerContext } from "../types.ts";
import { day, days, type Evidence, type Phrases, type Text } from "./text-parts.ts";

/** Drivers named in anomaly explanations. */
const DRIVERS_SHOWN = 2;

export function anomalyText(e: Evidence<"metric_anomaly">, c: AnswerContext): Text {
  if (e.conversion) return conversionDropText(e, e.conversion, c);
  const label = metricLabel(e.metric, e.label, c.language);
  const show = (value: number) => (e.unit === "money" ? money(Math.round(value), c) : e.unit === "count" ? decimal(value, c, 1) : metricValue(value, e.unit, c));
  const size = e.deviationPct === null ? null : percentPoints(Math.abs(e.deviationPct), c);
  const when = day(e.date, c);
  const down = e.direction === "down";
  const title: Phrases = size === null
    ? { en: `${capitalise(label)} unusually ${down ? "low" : "high"} on ${when}`, es: `${capitalise(label)}: fuera de lo normal el ${when}`, pt: `${capitalise(label)}: fora do normal em ${when}` }
    : {
        en: `${capitalise(label)} ${down ? "down" : "up"} ${size} on ${when}`,
        es: `${capitalise(label)}: ${size} ${down ? "por debajo" : "por encima"} de lo esperado el ${when}`,
        pt: `${capitalise(label)}: ${size} ${down ? "abaixo" : "acima"} do esperado em ${when}`,
      };
  const gap = size === null ? "" : { en: `, ${size} ${down ? "below" : "above"}`, es: `, ${size} ${down ? "menos" : "más"}`, pt: `, ${size} ${down ? "a menos" : "a mais"}` }[c.language];
  let explanation = {
    en: `${capitalise(label)} on ${formatDate(e.date, "en")}: ${show(e.actual)} against ${show(e.expected)} expected for that weekday and trend${gap}.`,
    es: `${capitalise(label)} del ${formatDate(e.date, "es")}: ${show(e.actual)} frente a ${show(e.expected)} esperado para ese día de la semana y la tendencia${gap}.`,
    pt: `${capitalise(label)} em ${formatDate(e.date, "pt")}: ${show(e.actual)} contra ${show(e.expected)} esperado para o dia da semana e a tendência${gap}.`,
  }[c.language];
  const members = e.drivers?.members.slice(0, DRIVERS_SHOWN) ?? [];
  if (e.drivers && members.length > 0) {
    const dimension = dimensionLabel(e.drivers.dimension, c.language);
    const ofGap = { en: "of the gap", es: "del desvío", pt: "do desvio" }[c.language];
    const signed = (value: number) => `${value < 0 ? "−" : "+"}${show(Math.abs(value))}`;
    const list = listInWords(members.map((m) => `${memberLabel(m.label, c.language)} (${signed(m.deviation)}, ${percent(Math.abs(m.share), c, 0)} ${ofGap})`), c.language);
    explanation += ` ${{ en: `Mostly by ${dimension}: ${list}.`, es: `Sobre todo por ${dimension}: ${list}.`, pt: `Principalmente por ${dimension}: ${list}.` }[c.language]}`;
  }
  if (e.shortfallCents !== undefined && e.shortfallCents !== null && e.shortfallCents > 0 && e.unit !== "money") {
    const lost = money(e.shortfallCents, c);
    explanation += ` ${{ en: `That is about ${lost} in sales short of a normal day.`, es: `Son unos ${lost} menos en ventas que un día normal.`, pt: `São cerca de ${lost} a menos em vendas que um dia normal.` }[c.language]}`;
  }
  return { title, explanation };
}

type Conversion = NonNullable<Evidence<"metric_anomaly">["conversion"]>;

function conversionDropText(e: Evidence<"metric_anomaly">, v: Conversion, c: AnswerContext): Text {
  const when = day(e.date, c);
  const date = formatDate(e.date, c.language);
  const visits = count(v.sessions, c);
  const usual = count(v.usualSessions, c);
  const orders = count(e.actual, c);
  const expected = decimal(e.expected, c, 1);
  const rate = percent(v.rate, c);
  const usualRate = percent(v.usualRate, c);
  const lost = e.shortfallCents !== undefined && e.shortfallCents !== null && e.shortfallCents > 0 ? money(e.shortfallCents, c) : null;
  const loss = lost === null ? "" : { en: ` About ${lost} in sales were lost that day.`, es: ` Se perdieron unos ${lost} en ventas ese día.`, pt: ` Cerca de ${lost} em vendas foram perdidos nesse dia.` }[c.language];
  return {
    title: { en: `Conversion collapsed on ${when}`, es: `La conversión se desplomó el ${when}`, pt: `A conversão despencou em ${when}` },
    explanation: {
      en: `On ${date} traffic was ordinary (${visits} sessions, usually about ${usual}) but only ${orders} orders came in against about ${expected} expected: ${rate} of visits bought, against ${usualRate} usually.${loss} Check the checkout and payment methods for that day.`,
      es: `El ${date} el tráfico fue normal (${visits} sesiones, lo habitual son unas ${usual}) pero solo entraron ${orders} pedidos frente a unos ${expected} esperados: compró el ${rate} de las visitas, frente al ${usualRate} habitual.${loss} Revisa el checkout y los medios de pago de ese día.`,
      pt: `Em ${date} o tráfego foi normal (${visits} sessões, o habitual é cerca de ${usual}), mas só entraram ${orders} pedidos contra cerca de ${expected} esperados: ${rate} das visitas compraram, contra ${usualRate} normalmente.${loss} Verifique o checkout e os meios de pagamento desse dia.`,
    }[c.language],
  };
}

export function trendText(e: Evidence<"trend_break">, c: AnswerContext): Text {
  const label = metricLabel(e.metric, e.label, c.language);
  // Counts are daily averages ("3.4 orders a day"): whole numbers would hide the change.
  const show = (value: number) => (e.unit === "count" ? decimal(value, c, 1) : metricValue(e.unit === "money" ? Math.round(value) : value, e.unit, c));
  const size = percent(Math.abs(e.changePct), c, 0);
  const down = e.direction === "down";
  const span = formatRange(e.start, e.end, c.language, false);
  // A streak of one day (or none) says nothing worth a clause.
  const streak = e.daysOnSide < 2 ? "" : {
    en: `, ${down ? "below" : "above"} the forecast for the last ${e.daysOnSide} days in a row`,
    es: `, ${down ? "por debajo" : "por encima"} del pronóstico los últimos ${e.daysOnSide} días seguidos`,
    pt: `, ${down ? "abaixo" : "acima"} da previsão nos últimos ${e.daysOnSide} dias seguidos`,
  }[c.language];
  // A ratio (average order value, conversion rate) is the window's own value, not a daily average.
  const explanation = e.aggregate === "window"
    ? {
        en: `In ${span}, ${label} was ${show(e.actualPerDay)} against ${show(e.expectedPerDay)} expected from the weeks before (${size} ${down ? "below" : "above"})${streak}.`,
        es: `En ${span}, ${label}: ${show(e.actualPerDay)} frente a ${show(e.expectedPerDay)} esperado según las semanas anteriores (${size} ${down ? "menos" : "más"})${streak}.`,
        pt: `Em ${span}, ${label}: ${show(e.actualPerDay)} contra ${show(e.expectedPerDay)} esperado pelas semanas anteriores (${size} ${down ? "a menos" : "a mais"})${streak}.`,
      }
    : {
        en: `In ${span}, ${label} averaged ${show(e.actualPerDay)} a day against ${show(e.expectedPerDay)} expected from the trend before (${size} ${down ? "below" : "above"})${streak}.`,
        es: `En ${span}, el promedio de ${label} fue ${show(e.actualPerDay)} por día frente a ${show(e.expectedPerDay)} esperado por la tendencia anterior (${size} ${down ? "menos" : "más"})${streak}.`,
        pt: `Em ${span}, a média de ${label} foi ${show(e.actualPerDay)} por dia contra ${show(e.expectedPerDay)} esperado pela tendência anterior (${size} ${down ? "a menos" : "a mais"})${streak}.`,
      };
  return {
    title: {
      en: `${capitalise(label)} broke from trend: ${down ? "down" : "up"} ${size}`,
      es: `${capitalise(label)}: ruptura de tendencia (${size} ${down ? "menos" : "más"})`,
      pt: `${capitalise(label)}: quebra de tendência (${size} ${down ? "a menos" : "a mais"})`,
    },
    explanation: explanation[c.language],
  };
}

export function campaignText(e: Evidence<"campaign_efficiency">, c: AnswerContext): Text {
  const change = percent(Math.abs(e.roasChangePct), c, 0);
  const down = e.roasChangePct < 0;
  const span = formatRange(e.start, e.end, c.language, false);
  const spend = money(e.spendCents, c);
  const lost = e.lostValueCents > 0 ? money(e.lostValueCents, c) : null;
  const loss = lost === null ? "" : { en: ` At the earlier ROAS that spend would have brought about ${lost} more in sales.`, es: ` Con el ROAS anterior, esa inversión habría traído unos ${lost} más en ventas.`, pt: ` Com o ROAS anterior, esse investimento teria trazido cerca de ${lost} a mais em vendas.` }[c.language];
  return {
    title: {
      en: `ROAS of ${e.campaign} ${down ? "fell" : "rose"} ${change}`,
      es: `El ROAS de ${e.campaign} ${down ? "cayó" : "subió"} ${change}`,
      pt: `O ROAS de ${e.campaign} ${down ? "caiu" : "subiu"} ${change}`,
    },
    explanation: {
      en: `In ${span}, ${e.campaign} returned ${multiple(e.roas, c)} on ${spend} spent (${count(e.conversions, c)} conversions), against ${multiple(e.previousRoas, c)} on ${money(e.previousSpendCents, c)} the ${count(days(e.previousStart, e.previousEnd), c)} days before.${loss}`,
      es: `En ${span}, ${e.campaign} devolvió ${multiple(e.roas, c)} sobre ${spend} invertidos (${count(e.conversions, c)} conversiones), frente a ${multiple(e.previousRoas, c)} sobre ${money(e.previousSpendCents, c)} en los ${count(days(e.previousStart, e.previousEnd), c)} días anteriores.${loss}`,
      pt: `Em ${span}, ${e.campaign} retornou ${multiple(e.roas, c)} sobre ${spend} investidos (${count(e.conversions, c)} conversões), contra ${multiple(e.previousRoas, c)} sobre ${money(e.previousSpendCents, c)} nos ${count(days(e.previousStart, e.previousEnd), c)} dias anteriores.${loss}`,
    }[c.language],
  };
}

export function segmentText(e: Evidence<"segment_shift">, c: AnswerContext): Text {
  const name = isRfmSegment(e.segment) ? segmentLabel(e.segment, c.language) : e.segment;
  const change = percent(Math.abs(e.changePct), c, 0);
  const up = e.changePct >= 0;
  return {
    title: {
      en: `${name} customers ${up ? "up" : "down"} ${change}`,
      es: `Clientes "${name}": ${up ? "+" : "−"}${change}`,
      pt: `Clientes "${name}": ${up ? "+" : "−"}${change}`,
    },
    explanation: {
      en: `The "${name}" segment has ${count(e.customers, c)} customers now against ${count(e.previousCustomers, c)} on ${day(e.previousAsOf, c)}. Together they have spent ${money(e.revenueCents, c)} with you.`,
      es: `El segmento "${name}" tiene ${count(e.customers, c)} clientes ahora frente a ${count(e.previousCustomers, c)} el ${day(e.previousAsOf, c)}. En total te han comprado ${money(e.revenueCents, c)}.`,
      pt: `O segmento "${name}" tem ${count(e.customers, c)} clientes agora contra ${count(e.previousCustomers, c)} em ${day(e.previousAsOf, c)}. No total compraram ${money(e.revenueCents, c)} com você.`,
    }[c.language],
  };
}
