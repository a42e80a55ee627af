/**
 * What the two demo stores sell. Prices are tax-inclusive shelf prices in major units, in the range
 * such shops charge (a basic tee in Mexico around $299 MXN, a vitamin C serum in Brazil around
 * R$ 89,90). Variants are sizes, shades or volumes; volumes cost more.
 */
import type { Market } from "./seasonality.ts";

export interface VariantAxis {
  /** Option labels in their natural order (CH before M; 30ml before 50ml). */
  readonly options: readonly string[];
  /** Price multiplier per option (volumes); absent: every option costs the same. */
  readonly priceSteps?: readonly number[];
  /** How many options a product offers at most (a perfume comes in two sizes, a tee in five). */
  readonly max: number;
}

export interface CategorySpec {
  readonly name: string;
  /** SKU segment. */
  readonly code: string;
  readonly count: number;
  /** Relative demand of the category. */
  readonly demand: number;
  readonly types: readonly string[];
  readonly descriptors: readonly string[];
  /** Colourways appended to the title, when products come in several. */
  readonly finishes?: readonly string[];
  /** Shelf price range in major units. */
  readonly price: readonly [number, number];
  readonly axis: VariantAxis;
  readonly vendors: readonly string[];
}

const APPAREL_SIZES: VariantAxis = { options: ["CH", "M", "G", "EG", "2XG"], max: 5 };
const COLOURS = ["Negro", "Blanco", "Gris jaspe", "Azul marino", "Verde olivo", "Arena", "Terracota", "Rosa palo", "Vino"];
const OWN = "Moda Norte";

const APPAREL: readonly CategorySpec[] = [
  {
    name: "Playeras", code: "PLA", count: 40, demand: 1.4, price: [249, 549], axis: APPAREL_SIZES, vendors: [OWN, OWN, "Norte Basics"], finishes: COLOURS,
    types: ["Playera básica", "Playera oversize", "Playera cuello V", "Playera manga larga", "Playera estampada", "Polo piqué", "Top tejido", "Blusa"],
    descriptors: ["algodón orgánico", "rayas marineras", "logo bordado", "lavado vintage", "tie-dye", "slim fit", "gráfica desierto", "lino", "cuello redondo", "Norte Studio"],
  },
  {
    name: "Jeans", code: "JEA", count: 30, demand: 1.3, price: [599, 1199], axis: { options: ["26", "28", "30", "32", "34", "36"], max: 5 }, vendors: [OWN, "Sierra Denim"],
    types: ["Jeans skinny", "Jeans mom", "Jeans recto", "Jeans wide leg", "Jeans bootcut", "Jeans slim"],
    descriptors: ["tiro alto", "deslavado claro", "índigo", "negro", "rotos", "stretch", "talle medio", "vintage"],
  },
  {
    name: "Vestidos", code: "VES", count: 30, demand: 1.1, price: [549, 1499], axis: { options: ["CH", "M", "G", "EG"], max: 4 }, vendors: [OWN, "Casa Lirio"], finishes: COLOURS,
    types: ["Vestido midi", "Vestido maxi", "Vestido camisero", "Vestido cruzado", "Vestido de punto", "Vestido slip"],
    descriptors: ["floral", "satinado", "de lino", "estampado", "plisado", "de fiesta", "liso"],
  },
  {
    name: "Sudaderas", code: "SUD", count: 25, demand: 1.0, price: [549, 1099], axis: APPAREL_SIZES, vendors: [OWN, "Norte Basics"], finishes: COLOURS,
    types: ["Sudadera con capucha", "Sudadera cuello redondo", "Sudadera oversize", "Sudadera con cierre", "Pants jogger", "Conjunto deportivo"],
    descriptors: ["afelpada", "french terry", "logo bordado", "colegial", "básica"],
  },
  {
    name: "Chamarras", code: "CHA", count: 22, demand: 0.8, price: [899, 2499], axis: { options: ["CH", "M", "G", "EG"], max: 4 }, vendors: [OWN, "Sierra Denim"], finishes: COLOURS,
    types: ["Chamarra de mezclilla", "Chamarra bomber", "Chamarra acolchada", "Rompevientos", "Chaleco acolchado", "Chamarra de piel sintética", "Gabardina"],
    descriptors: ["clásica", "oversize", "reversible", "impermeable", "corta"],
  },
  {
    name: "Faldas y shorts", code: "FAL", count: 20, demand: 0.7, price: [349, 799], axis: { options: ["CH", "M", "G", "EG"], max: 4 }, vendors: [OWN, "Casa Lirio"], finishes: COLOURS,
    types: ["Falda midi", "Falda plisada", "Short de mezclilla", "Short de lino", "Bermuda cargo"],
    descriptors: ["tiro alto", "con botones", "con abertura", "básica"],
  },
  {
    name: "Accesorios", code: "ACC", count: 32, demand: 0.9, price: [149, 899], axis: { options: ["Negro", "Café", "Beige", "Azul marino"], max: 3 }, vendors: [OWN, "Taller Norte", "Alma de Plata"],
    types: ["Gorra", "Bolsa tote", "Cinturón de piel", "Bufanda", "Lentes de sol", "Calcetines (pack de 3)", "Cangurera", "Gorro tejido", "Aretes", "Mochila"],
    descriptors: ["clásica", "bordada", "de lona", "de piel", "minimal", "Norte Studio"],
  },
  {
    name: "Calzado", code: "CAL", count: 25, demand: 0.9, price: [799, 1899], axis: { options: ["23", "24", "25", "26", "27", "28"], max: 5 }, vendors: [OWN, "Calzado León"], finishes: COLOURS,
    types: ["Tenis urbanos", "Tenis de lona", "Botas chelsea", "Botines", "Sandalias", "Mocasines", "Flats"],
    descriptors: ["de piel", "plataforma", "clásicos", "acolchados"],
  },
];

const VOLUMES_SMALL: VariantAxis = { options: ["30ml", "50ml"], priceSteps: [1, 1.5], max: 2 };
const SHADES: VariantAxis = { options: ["01 Claro", "02 Bege", "03 Médio", "04 Moreno", "05 Escuro"], max: 5 };
const FRAGRANCES = ["Flor de Ipê", "Jardim Tropical", "Brisa do Mar", "Noite Carioca", "Baunilha & Âmbar", "Maracujá", "Pitanga", "Cerrado", "Jasmim", "Amadeirado"];
const HOUSE = "Flor de Ipê";

const BEAUTY: readonly CategorySpec[] = [
  {
    name: "Skincare", code: "SKN", count: 45, demand: 1.4, price: [39.9, 179.9], axis: VOLUMES_SMALL, vendors: [HOUSE, HOUSE, "Raiz Botânica"],
    types: ["Sérum Vitamina C", "Sérum Ácido Hialurônico", "Sérum Niacinamida", "Hidratante Facial", "Protetor Solar Facial FPS 50", "Gel de Limpeza", "Água Micelar", "Tônico Facial", "Máscara Facial", "Esfoliante Facial", "Creme para Olhos", "Óleo Facial"],
    descriptors: ["Pele Oleosa", "Pele Seca", "Antissinais", "Clareador", "Calmante", "Matte", "com Argila", "Toque Seco", "Renovador", "Noturno"],
  },
  {
    name: "Maquiagem", code: "MAQ", count: 50, demand: 1.3, price: [29.9, 149.9], axis: SHADES, vendors: [HOUSE, "Aurora Make"],
    types: ["Base Líquida", "Corretivo", "Pó Compacto", "Batom Matte", "Batom Líquido", "Gloss Labial", "Máscara de Cílios", "Delineador", "Paleta de Sombras", "Blush", "Iluminador", "Primer", "Lápis de Sobrancelha"],
    descriptors: ["Longa Duração", "Efeito Natural", "Alta Cobertura", "Matte Aveludado", "Glow", "Vegano", "Cremoso", "à Prova d'Água"],
  },
  {
    name: "Cabelo", code: "CAB", count: 40, demand: 1.2, price: [24.9, 89.9], axis: { options: ["250ml", "500ml", "1L"], priceSteps: [1, 1.6, 2.6], max: 3 }, vendors: [HOUSE, "Cacho Feliz", "Raiz Botânica"],
    types: ["Shampoo", "Condicionador", "Máscara Capilar", "Leave-in", "Óleo Capilar", "Creme para Pentear", "Finalizador", "Tônico Capilar"],
    descriptors: ["Cachos Definidos", "Reconstrução", "Hidratação Intensa", "Antifrizz", "Loiros", "Crescimento", "Nutrição", "Liso Perfeito"],
  },
  {
    name: "Perfumes", code: "PER", count: 25, demand: 0.9, price: [89.9, 349.9], axis: { options: ["50ml", "100ml"], priceSteps: [1, 1.6], max: 2 }, vendors: [HOUSE, "Maré Cosméticos"],
    types: ["Eau de Parfum", "Eau de Toilette", "Body Splash", "Colônia"],
    descriptors: FRAGRANCES,
  },
  {
    name: "Corpo e banho", code: "CRP", count: 30, demand: 1.0, price: [19.9, 89.9], axis: { options: ["200ml", "400ml"], priceSteps: [1, 1.7], max: 2 }, vendors: [HOUSE, "Maré Cosméticos"],
    types: ["Hidratante Corporal", "Óleo Corporal", "Sabonete Líquido", "Esfoliante Corporal", "Manteiga Corporal", "Desodorante", "Creme para Mãos"],
    descriptors: FRAGRANCES,
  },
  {
    name: "Unhas", code: "UNH", count: 15, demand: 0.6, price: [9.9, 34.9], axis: { options: ["Nude", "Vermelho", "Rosa Chá", "Vinho", "Branco"], max: 4 }, vendors: ["Aurora Make"],
    types: ["Esmalte Cremoso", "Esmalte Gel", "Top Coat", "Base Fortalecedora", "Removedor sem Acetona"],
    descriptors: ["Secagem Rápida", "Longa Duração", "Hipoalergênico", "Vegano"],
  },
  {
    name: "Kits e presentes", code: "KIT", count: 12, demand: 0.7, price: [99.9, 299.9], axis: { options: ["Único"], max: 1 }, vendors: [HOUSE],
    types: ["Kit Skincare", "Kit Presente", "Kit Cabelos", "Kit Maquiagem", "Nécessaire Viagem"],
    descriptors: ["Essencial", "Completo", "Flor de Ipê", "Verão", "Tropical"],
  },
];

export function categoriesOf(market: Market): readonly CategorySpec[] {
  switch (market) {
    case "MX":
      return APPAREL;
    case "BR":
      return BEAUTY;
  }
}

/**
 * A shelf price in minor units that looks like one: Mexican stores end in 9 pesos ($349, $1,299),
 * Brazilian ones in 90 centavos (R$ 39,90).
 */
export function shelfPriceCents(market: Market, major: number): number {
  switch (market) {
    case "MX": {
      const step = major >= 1000 ? 100 : 50;
      return Math.max(step, Math.round(major / step) * step) * 100 - 100;
    }
    case "BR": {
      const step = major >= 50 ? 10 : 5;
      return Math.max(step, Math.round(major / step) * step) * 100 - 10;
    }
  }
}
