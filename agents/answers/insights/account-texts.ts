/** Account insights in words: SaaS churn risk and expansion, failed data syncs. */
import { formatDateTime } from "../format/dates.ts";
import { capitalise } from "../format/labels.ts";
import { count, money, percent } from "../format/numbers.ts";
import { listInWords } from "../format/phrases.ts";
import type { AnswerContext } from "../types.ts";
import { signedMoney, type Evidence, type Phrases, type Text } from "./text-parts.ts";

/** Accounts named in SaaS explanations. */
const ACCOUNTS_SHOWN = 3;

function accountsList(accounts: readonly { customer: string; mrrCents: number; fromMrrCents?: number | undefined }[], c: AnswerContext, gain: boolean): string {
  return listInWords(
    accounts.slice(0, ACCOUNTS_SHOWN).map((a) => (gain && a.fromMrrCents !== undefined ? `${a.customer} (${signedMoney(a.mrrCents - a.fromMrrCents, c)})` : `${a.customer} (${money(a.mrrCents, c)})`)),
    c.language,
  );
}

export function churnText(e: Evidence<"churn_risk">, c: AnswerContext): Text {
  const atRisk = money(e.pastDueMrrCents + e.contractionMrrCents, c);
  const parts: Phrases[] = [];
  if (e.pastDueCount > 0) {
    const n = count(e.pastDueCount, c);
    parts.push({ en: `${n} subscriptions are past due (${money(e.pastDueMrrCents, c)} MRR)`, es: `${n} suscripciones tienen el pago vencido (${money(e.pastDueMrrCents, c)} de MRR)`, pt: `${n} assinaturas estão com pagamento atrasado (${money(e.pastDueMrrCents, c)} de MRR)` });
  }
  if (e.contractionCount > 0) {
    const n = count(e.contractionCount, c);
    parts.push({ en: `${n} accounts downgraded in the last ${e.windowDays} days (−${money(e.contractionMrrCents, c)} MRR)`, es: `${n} cuentas bajaron de plan en los últimos ${e.windowDays} días (−${money(e.contractionMrrCents, c)} de MRR)`, pt: `${n} contas reduziram o plano nos últimos ${e.windowDays} dias (−${money(e.contractionMrrCents, c)} de MRR)` });
  }
  const facts = listInWords(parts.map((p) => p[c.language]), c.language);
  const share = e.totalMrrCents > 0 ? percent((e.pastDueMrrCents + e.contractionMrrCents) / e.totalMrrCents, c) : null;
  const ofTotal = share === null ? "" : { en: ` That is ${share} of your ${money(e.totalMrrCents, c)} MRR.`, es: ` Es el ${share} de tu MRR de ${money(e.totalMrrCents, c)}.`, pt: ` É ${share} do seu MRR de ${money(e.totalMrrCents, c)}.` }[c.language];
  const largest = e.accounts.length === 0 ? "" : { en: ` Largest: ${accountsList(e.accounts, c, false)}.`, es: ` Las mayores: ${accountsList(e.accounts, c, false)}.`, pt: ` As maiores: ${accountsList(e.accounts, c, false)}.` }[c.language];
  return {
    title: { en: `${atRisk} of MRR at risk of churning`, es: `${atRisk} de MRR en riesgo de cancelación`, pt: `${atRisk} de MRR em risco de cancelamento` },
    explanation: `${capitalise(facts)}.${ofTotal}${largest}`,
  };
}

export function expansionText(e: Evidence<"expansion">, c: AnswerContext): Text {
  const n = count(e.expansionCount, c);
  const gained = money(e.expansionMrrCents, c);
  const largest = e.accounts.length === 0 ? "" : { en: ` Biggest: ${accountsList(e.accounts, c, true)}.`, es: ` Las mayores: ${accountsList(e.accounts, c, true)}.`, pt: ` As maiores: ${accountsList(e.accounts, c, true)}.` }[c.language];
  const before = { en: `${count(e.previousExpansionCount, c)} (+${money(e.previousExpansionMrrCents, c)})`, es: `${count(e.previousExpansionCount, c)} (+${money(e.previousExpansionMrrCents, c)})`, pt: `${count(e.previousExpansionCount, c)} (+${money(e.previousExpansionMrrCents, c)})` }[c.language];
  return {
    title: { en: `${n} accounts expanded: +${gained} MRR`, es: `${n} cuentas crecieron: +${gained} de MRR`, pt: `${n} contas cresceram: +${gained} de MRR` },
    explanation: {
      en: `In the last ${e.windowDays} days ${n} accounts upgraded or added seats, +${gained} MRR, against ${before} in the ${e.windowDays} days before.${largest}`,
      es: `En los últimos ${e.windowDays} días ${n} cuentas subieron de plan o sumaron usuarios, +${gained} de MRR, frente a ${before} en los ${e.windowDays} días anteriores.${largest}`,
      pt: `Nos últimos ${e.windowDays} dias ${n} contas fizeram upgrade ou adicionaram usuários, +${gained} de MRR, contra ${before} nos ${e.windowDays} dias anteriores.${largest}`,
    }[c.language],
  };
}

const PROVIDERS: Readonly<Record<string, Phrases>> = {
  shopify: { en: "Shopify", es: "Shopify", pt: "Shopify" },
  stripe: { en: "Stripe", es: "Stripe", pt: "Stripe" },
  meta_ads: { en: "Meta Ads", es: "Meta Ads", pt: "Meta Ads" },
  google_ads: { en: "Google Ads", es: "Google Ads", pt: "Google Ads" },
  ga4: { en: "Google Analytics", es: "Google Analytics", pt: "Google Analytics" },
  mercadolibre: { en: "Mercado Libre", es: "Mercado Libre", pt: "Mercado Livre" },
  amazon: { en: "Amazon", es: "Amazon", pt: "Amazon" },
  csv: { en: "CSV import", es: "importación CSV", pt: "importação CSV" },
  competitor_feed: { en: "Competitor prices", es: "Precios de la competencia", pt: "Preços da concorrência" },
};

export function syncText(e: Evidence<"sync_failed">, c: AnswerContext): Text {
  const provider = PROVIDERS[e.provider]?.[c.language] ?? e.provider;
  const name = e.account ? `${provider} (${e.account})` : provider;
  const runs = e.failedRuns > 1 ? { en: ` ${count(e.failedRuns, c)} times in a row`, es: ` ${count(e.failedRuns, c)} veces seguidas`, pt: ` ${count(e.failedRuns, c)} vezes seguidas` }[c.language] : "";
  const last = e.lastSyncAt === null
    ? { en: " It has never synced successfully.", es: " Nunca sincronizó con éxito.", pt: " Nunca sincronizou com sucesso." }[c.language]
    : { en: ` Its last good sync was ${formatDateTime(e.lastSyncAt, c.timeZone, "en")}.`, es: ` La última sincronización correcta fue el ${formatDateTime(e.lastSyncAt, c.timeZone, "es")}.`, pt: ` A última sincronização bem-sucedida foi em ${formatDateTime(e.lastSyncAt, c.timeZone, "pt")}.` }[c.language];
  const error = e.lastError === null ? "" : { en: ` Error: “${clip(e.lastError)}”.`, es: ` Error: “${clip(e.lastError)}”.`, pt: ` Erro: “${clip(e.lastError)}”.` }[c.language];
  return {
    title: { en: `${provider} sync is failing`, es: `Falla la sincronización de ${provider}`, pt: `A sincronização de ${provider} está falhando` },
    explanation: {
      en: `The ${name} connection failed${runs}.${last}${error} Answers that use its data may be out of date.`,
      es: `La conexión con ${name} falló${runs}.${last}${error} Las respuestas que usan sus datos pueden estar desactualizadas.`,
      pt: `A conexão com ${name} falhou${runs}.${last}${error} As respostas que usam esses dados podem estar desatualizadas.`,
    }[c.language],
  };
}

/** Errors can be long stack-like strings: the first line, at most 160 characters. */
function clip(text: string): string {
  const line = text.split("\n")[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
