/**
 * Dimension words ("por canal", "by category", "por estado") and the everyday names of ad platforms,
 * sales channels and countries, so members can be matched to what the workspace's data calls them.
 */
import { phraseList, phraseTable, type Phrase } from "../phrases.ts";

export type BreakdownDimension =
  | "product"
  | "variant"
  | "category"
  | "source_channel"
  | "country"
  | "state"
  | "city"
  | "customer_type"
  | "platform"
  | "campaign"
  | "source"
  | "source_medium";

export const DIMENSION_PHRASES: readonly Phrase<BreakdownDimension>[] = phraseTable<BreakdownDimension>([
  ["product", "product|products|producto|productos|produto|produtos|articulo|articulos|item|items|itens|best sellers|bestsellers|top sellers|modelos|modelo"],
  ["variant", "variant|variants|variante|variantes|sku|skus|talle|talles|talla|tallas|tamanho|tamanhos|size|sizes|color|colores|colors|cor|cores"],
  ["category", "category|categories|categoria|categorias|rubro|rubros|linea|lineas|familia|familias|tipo de producto|product type|tipo de produto|collection|colecciones|coleccion|colecao|colecoes"],
  ["source_channel", "channel|channels|canal|canales|canais|sales channel|canal de venta|canal de venda|marketplace|marketplaces|donde vendemos|where we sell"],
  ["country", "country|countries|pais|paises|paices"],
  ["state", "state|states|estado|estados|provincia|provincias|province|provinces|region|regiones|regioes|departamento|departamentos|uf"],
  ["city", "city|cities|ciudad|ciudades|cidade|cidades|localidad|localidades|municipio"],
  ["customer_type", "customer type|tipo de cliente|tipos de cliente|new vs returning|nuevos vs recurrentes|nuevos y recurrentes|novos vs recorrentes|novos e recorrentes|new and returning|nuevos contra recurrentes"],
  ["platform", "platform|platforms|plataforma|plataformas|red|redes|network|networks|ad platform"],
  ["campaign", "campaign|campaigns|campana|campanas|campanha|campanhas"],
  ["source", "source|sources|fuente|fuentes|origen|origenes|origem|origens|referrer|referral|de donde vienen|de donde viene|de donde llegan|de onde vem|de onde vêm|de onde vieram|where do they come from|where does it come from|where is it coming from|where are they coming from"],
  ["source_medium", "source medium|source and medium|fuente y medio|origem e midia|utm|utms"],
  ["customer_type", "new vs returning customers|new vs returning customer|clientes nuevos vs recurrentes|nuevos vs recurrentes clientes|clientes novos vs recorrentes|clientes novos e recorrentes|clientes nuevos y recurrentes"],
]);

/** Words that ask for a split: "por canal", "by category", "each product", "según país". */
export const BREAKDOWN_LEADS = phraseList("por|by|per|each|cada|segun|according to|split by|broken down by|desglosado por|dividido por|separado por|agrupado por|grouped by|por cada|for each|para cada|across|entre los|entre las|entre os|entre as");

/** Interrogatives before a dimension ask for a ranking ("qué producto vendió más", "which channel"). */
export const WHICH_WORDS = phraseList("where|donde|onde|which|what|que|cual|cuales|qual|quais|quem|quien|quienes|who");

/** Everyday names of ad platforms → the platform id the data uses. */
export const PLATFORM_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["meta", "meta|facebook|fb|face|meta ads|facebook ads|fb ads"],
  ["google", "google|google ads|adwords|gads|youtube|youtube ads|search ads"],
  ["tiktok", "tiktok|tik tok|tiktok ads"],
  ["pinterest", "pinterest"],
  ["microsoft", "bing|microsoft ads|microsoft"],
  ["mercadolibre_ads", "mercado ads|product ads"],
];

/** Everyday names of sales channels → channel ids commonly used in the data. */
export const CHANNEL_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["online_store", "online store|tienda online|tienda web|tienda en linea|loja online|loja virtual|sitio web|sitio|site|web|website|ecommerce|e commerce|online|nuestra web"],
  ["instagram", "instagram|insta|ig|instagram shopping"],
  ["mercadolibre", "mercadolibre|mercado libre|mercado livre|meli|ml"],
  ["marketplace", "marketplace|marketplaces"],
  ["pos", "pos|local|tienda fisica|loja fisica|punto de venta|ponto de venda|mostrador|physical store|in store|brick and mortar|showroom"],
  ["whatsapp", "whatsapp|wpp|wsp|zap|whats"],
  ["facebook", "facebook shop|facebook marketplace"],
  ["amazon", "amazon"],
  ["shopee", "shopee"],
  ["tiktok_shop", "tiktok shop"],
];

/** Country names in the three languages → ISO codes. */
export const COUNTRY_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["AR", "argentina"],
  ["MX", "mexico|mejico"],
  ["BR", "brasil|brazil"],
  ["CL", "chile"],
  ["CO", "colombia|colombia"],
  ["PE", "peru"],
  ["UY", "uruguay|uruguai"],
  ["PY", "paraguay|paraguai"],
  ["BO", "bolivia"],
  ["EC", "ecuador|equador"],
  ["VE", "venezuela"],
  ["ES", "espana|spain|espanha"],
  ["US", "estados unidos|eeuu|usa|united states|eua"],
  ["PT", "portugal"],
  ["CR", "costa rica"],
  ["GT", "guatemala"],
  ["PA", "panama"],
  ["DO", "republica dominicana|dominican republic"],
  ["CA", "canada"],
  ["GB", "reino unido|united kingdom|uk|inglaterra|england"],
  ["FR", "francia|france|franca"],
  ["DE", "alemania|germany|alemanha"],
  ["IT", "italia|italy"],
];

/** "excluding X", "sin X", "sem X": the member after these is dropped (not_in). */
export const EXCLUDE_LEADS = phraseList("excluding|except|without|sin contar|sin|excepto|salvo|menos|sem|exceto|sem contar|fuera de|apart from|other than|not counting");

/** A singular word that announces a member's name ("el producto X", "la campaña X"). */
export const NAME_CUES: readonly Phrase<"product" | "campaign" | "competitor">[] = phraseTable<"product" | "campaign" | "competitor">([
  ["product", "producto|product|produto|articulo|item|sku|modelo|model"],
  ["campaign", "campana|campaign|campanha"],
  ["competitor", "competidor|competitor|concorrente|rival"],
]);
