/**
 * The supervisor's own answers (greetings, help, clarifications, refusals) read no data, so they
 * must not state business figures. This finds figures that could only have been made up: money or
 * percentages, and numbers of 100 or more that are not years and that the person did not write.
 * Small counts ("top 5", "last 30 days") and the person's own numbers pass.
 */
const FIGURE = /(?:[$€£¥]|R\$|US\$|MX\$|ARS|BRL|MXN|USD|EUR)\s?\d[\d.,]*|\d[\d.,]*\s?(?:%|[$€£¥]|mil\b|k\b|mm\b|millones|milhões|million)|\d[\d.,]*/gi;

function digitsOf(token: string): string {
  return token.replace(/[^\d]/g, "");
}

export function madeUpFigures(reply: string, question: string): string[] {
  const asked = new Set((question.match(/\d[\d.,]*/g) ?? []).map(digitsOf));
  const suspicious: string[] = [];
  for (const match of reply.matchAll(FIGURE)) {
    const token = match[0].trim();
    const digits = digitsOf(token);
    if (digits === "" || asked.has(digits)) continue;
    const looksLikeMoneyOrShare = /[$€£¥%]|R\$|mil\b|k\b|mm\b|millones|milhões|million|ARS|BRL|MXN|USD|EUR/i.test(token);
    const value = Number(digits);
    const isYear = digits.length === 4 && value >= 1990 && value <= 2100;
    if (looksLikeMoneyOrShare || (value >= 100 && !isYear)) suspicious.push(token);
  }
  return suspicious;
}
