/**
 * Workspaces speak en, es or pt; numbers and money should look the way they do where the business is.
 * The currency tells the country well enough: es + MXN → es-MX ("$1,234.56"), pt + BRL → pt-BR
 * ("R$ 1.234,56"), es + EUR → es-ES.
 */
const CURRENCY_REGION: Readonly<Record<string, string>> = {
  MXN: "MX",
  BRL: "BR",
  ARS: "AR",
  CLP: "CL",
  COP: "CO",
  PEN: "PE",
  UYU: "UY",
  PYG: "PY",
  BOB: "BO",
  GTQ: "GT",
  CRC: "CR",
  DOP: "DO",
  USD: "US",
  EUR: "ES",
  GBP: "GB",
  CAD: "CA",
};

/** A BCP 47 tag for Intl formatting from a workspace's language and currency. */
export function formattingLocale(language: string, currency: string): string {
  const region = CURRENCY_REGION[currency];
  if (!region) return language;
  // Portuguese with euros reads best as pt-PT; English with euros as en-IE.
  if (currency === "EUR") return language === "pt" ? "pt-PT" : language === "en" ? "en-IE" : "es-ES";
  return `${language}-${region}`;
}
