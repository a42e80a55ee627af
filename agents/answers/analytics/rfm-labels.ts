/** RFM segment names in the asker's language. */
import type { RfmSegment } from "../../../engines/metrics/analysis/rfm.ts";
import type { Language } from "../../shared/language.ts";

const SEGMENTS: Readonly<Record<RfmSegment, readonly [string, string, string]>> = {
  champions: ["Champions", "Campeones", "Campeões"],
  loyal: ["Loyal", "Leales", "Leais"],
  potential_loyalists: ["Potential loyalists", "Leales potenciales", "Potenciais leais"],
  new_customers: ["New customers", "Clientes nuevos", "Clientes novos"],
  promising: ["Promising", "Prometedores", "Promissores"],
  need_attention: ["Need attention", "Necesitan atención", "Precisam de atenção"],
  about_to_sleep: ["About to sleep", "Por dormirse", "Quase dormindo"],
  at_risk: ["At risk", "En riesgo", "Em risco"],
  cannot_lose_them: ["Can't lose them", "No podemos perderlos", "Não podemos perder"],
  hibernating: ["Hibernating", "Hibernando", "Hibernando"],
  lost: ["Lost", "Perdidos", "Perdidos"],
};

export function segmentLabel(segment: RfmSegment, language: Language): string {
  const [en, es, pt] = SEGMENTS[segment];
  return language === "es" ? es : language === "pt" ? pt : en;
}
