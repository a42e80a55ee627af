/** Questions the chat benchmark asks: what owners ask every day, in en/es/pt, across the three agents. */
export interface ChatQuestion {
  readonly workspace: string;
  readonly text: string;
  /** Earlier turns of the same thread (a follow-up's context); not timed. */
  readonly earlier?: readonly string[];
}

export const CHAT_QUESTIONS: readonly ChatQuestion[] = [
  { workspace: "demo", text: "hola" },
  { workspace: "demo", text: "¿cuánto vendimos ayer?" },
  { workspace: "demo", text: "how much did we sell last week vs the week before?" },
  { workspace: "demo", text: "¿cuáles fueron los 5 productos más vendidos en octubre?" },
  { workspace: "demo", text: "ventas por canal el mes pasado" },
  { workspace: "demo", text: "and in september?", earlier: ["how much did we sell last month?"] },
  { workspace: "demo", text: "ticket promedio de los últimos 30 días vs el año pasado" },
  { workspace: "demo", text: "weekly net sales, last 12 weeks" },
  { workspace: "demo", text: "top 10 ciudades el último trimestre" },
  { workspace: "demo", text: "qual foi o ROAS do Meta nos últimos 30 dias?" },
  { workspace: "demo", text: "where should I move ad budget?" },
  { workspace: "demo", text: "¿qué productos se van a agotar la semana que viene?" },
  { workspace: "demo", text: "who undercut us this week?" },
  { workspace: "demo", text: "¿qué tengo que reponer?" },
  { workspace: "demo", text: "why did sales drop?" },
  { workspace: "demo-br", text: "quanto vendemos no mês passado?" },
  { workspace: "demo-br", text: "produtos mais vendidos nos últimos 7 dias" },
];
