/**
 * Time words beyond what parseRangeText reads: comparisons, trends (grain), holidays, weekdays,
 * weekends and the future horizons of forecasts and stock questions, in English, Spanish and Portuguese.
 */
import type { Grain } from "../../../../../engines/metrics/time/types.ts";
import { phraseList, phraseTable, type Phrase } from "../phrases.ts";

/** Words after which a date phrase is the comparison, not the range ("vs la semana anterior"). */
export const COMPARISON_MARKERS = phraseList(
  "mais ou menos que|mas o menos que|more or less than|vs|versus|contra|compared|compare|comparado|comparada|comparados|comparar|compara|comparame|comparacion|comparativo|comparing|comparando|than|against|frente a|respecto|respecto a|con respecto|em relacao|relacao|em comparacao|comparacao|relative to",
);

/** Same period last year, whatever else is said. */
export const LAST_YEAR_PHRASES = phraseList(
  "yoy|year over year|year on year|interanual|ano contra ano|ano a ano|ano sobre ano|same period last year|mismo periodo del ano pasado|mesmo periodo do ano passado|same time last year|a year ago|hace un ano|ha um ano|um ano atras|" +
    "same month last year|mismo mes del ano pasado|mesmo mes do ano passado|same week last year|misma semana del ano pasado|mesma semana do ano passado",
);

/** After a comparison marker, these make it year over year ("vs el año pasado"). */
export const YEAR_WORDS = phraseList("year|ano|anos|years|anio");

/** The previous period, said without a date ("vs la anterior", "than the week before", "crecimos?"). */
export const PREVIOUS_PHRASES = phraseList(
  "up or down|subimos o bajamos|subio o bajo|subieron o bajaron|subiu ou caiu|subiu ou desceu|aumento o bajo|aumentou ou diminuiu|mais ou menos|mas o menos|more or less|better or worse|mejor o peor|melhor ou pior|previous period|periodo anterior|the week before|the month before|the day before|la anterior|el anterior|a anterior|o anterior|the previous one|prior period|period before|" +
    "crecimos|crecio|crecieron|crecemos|grew|grow|growth|growing|crecimiento|crescimento|crescemos|crescimos|cresceu|cresceram|mejoramos|melhoramos|improved|empeoramos|pioramos|got worse",
);

/** Trend words and per-period words → grain (null: pick one from the range's length). */
export const GRAIN_PHRASES: readonly Phrase<Grain | null>[] = phraseTable<Grain | null>([
  ["day", "por dia|by day|per day|daily|diario|diaria|diarias|diarios|dia a dia|day by day|each day|cada dia|dia por dia|day over day"],
  ["week", "por semana|by week|per week|weekly|semanal|semanales|semanais|week by week|semana a semana|cada semana|each week|week over week"],
  ["month", "por mes|by month|per month|monthly|mensual|mensuales|mensal|mensais|mes a mes|month by month|month over month|cada mes|each month"],
  ["quarter", "por trimestre|by quarter|per quarter|quarterly|trimestral|trimestrales|trimestrais"],
  ["year", "por ano|by year|per year|yearly|annual|anual|anuales|anuais|ano a ano por ano"],
  [null, "trend|trends|tendencia|tendencias|evolucion|evolucao|evolution|over time|a lo largo del tiempo|ao longo do tempo|historico|history|historial|serie|grafico|chart|graph|curva"],
]);

export type Holiday = "black_friday" | "cyber_monday" | "christmas";

export const HOLIDAY_PHRASES: readonly Phrase<Holiday>[] = phraseTable<Holiday>([
  ["black_friday", "black friday|blackfriday|black fraiday|viernes negro|sexta feira negra"],
  ["cyber_monday", "cyber monday|cybermonday|ciber monday|cyber lunes"],
  ["christmas", "christmas|xmas|navidad|natal|christmas day|dia de navidad|dia de natal"],
]);

/** 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_PHRASES: readonly Phrase<number>[] = phraseTable<number>([
  [0, "sunday|domingo"],
  [1, "monday|lunes|segunda feira|segunda"],
  [2, "tuesday|martes|terca feira|terca"],
  [3, "wednesday|miercoles|quarta feira|quarta"],
  [4, "thursday|jueves|quinta feira|quinta"],
  [5, "friday|viernes|sexta feira|sexta"],
  [6, "saturday|sabado"],
]);

/** Portuguese weekday words that are also ordinals ("segunda semana"): only weekdays next to these. */
export const PT_WEEKDAY_ORDINALS: ReadonlySet<string> = new Set(["segunda", "terca", "quarta", "quinta", "sexta"]);
export const PT_WEEKDAY_LEADS: ReadonlySet<string> = new Set(["na", "nesta", "nessa", "ultima", "passada", "de", "da", "feira"]);

export const WEEKEND_PHRASES = phraseList("weekend|fin de semana|finde|fim de semana|fds|finde largo");
export const THIS_WORDS = phraseList("this|este|esta|esse|essa|neste|nesta|current|actual|atual");
export const LAST_WORDS = phraseList("last|pasado|pasada|passado|passada|previous|anterior|ultimo|ultima|past");

export const DAY_BEFORE_YESTERDAY = phraseList("anteayer|antier|anteontem|antes de ayer|antes de ontem|day before yesterday|the day before yesterday");

/** A day some days ago: "hace 3 días", "3 days ago", "há 3 dias". Matched by pattern in time-phrases.ts. */
export const AGO_LEADS: ReadonlySet<string> = new Set(["hace", "ha", "faz"]);

/** Future horizons in days, for forecasts and stock ("la semana que viene" → 7). */
export const HORIZON_PHRASES: readonly Phrase<number>[] = phraseTable<number>([
  [7, "next week|la semana que viene|la proxima semana|proxima semana|semana que viene|semana que vem|a semana que vem|proxima semana|next 7 days|coming week|this coming week|los proximos 7 dias|os proximos 7 dias|esta semana que viene"],
  [14, "next two weeks|next 2 weeks|proximas dos semanas|proximas 2 semanas|proximas duas semanas|quincena|quinzena|next fortnight"],
  [30, "next month|el mes que viene|mes que viene|el proximo mes|proximo mes|mes que vem|o mes que vem|next 30 days|coming month|proximos 30 dias|el mes proximo"],
  [90, "next quarter|proximo trimestre|el trimestre que viene|trimestre que vem|next 3 months|proximos 3 meses|proximos tres meses|next three months"],
  [-1, "end of the month|end of month|fin de mes|fin del mes|fim do mes|fim de mes|close the month|cerrar el mes|fechar o mes|cierre de mes|month end"],
  [-2, "end of the year|end of year|fin de ano|fin del ano|fim do ano|fim de ano|cerrar el ano|fechar o ano|year end"],
]);

/** "next 10 days", "próximos 10 días", "en 10 días", "in 10 days", "dentro de 10 días". */
export const HORIZON_LEADS = phraseList("next|proximos|proximas|en|in|dentro de|within|em|durante los proximos|nos proximos|over the next");
export const DAY_UNITS: ReadonlyMap<string, number> = new Map([
  ["day", 1], ["days", 1], ["dia", 1], ["dias", 1],
  ["week", 7], ["weeks", 7], ["semana", 7], ["semanas", 7],
  ["month", 30], ["months", 30], ["mes", 30], ["meses", 30],
]);

/** Month abbreviations that are everyday words too ("run out", "may I", "set", "mar", "ago"): a range only with a preposition. */
export const AMBIGUOUS_MONTH_WORDS: ReadonlySet<string> = new Set(["out", "set", "may", "mar", "ago", "dez", "mai", "jan", "sep", "dic", "abr", "jun", "jul", "fev", "ene", "oct", "nov", "dec", "feb", "apr", "aug"]);
export const MONTH_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "en", "em", "desde", "since", "during", "durante", "de", "del", "for", "no", "na", "from", "until", "hasta", "ate"]);
