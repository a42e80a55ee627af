/**
 * The memory benchmark's chat: deterministic small-business messages in en/es/pt (decisions about
 * sales, campaigns, prices, stock, suppliers and customers) from templates with varied products,
 * campaigns, suppliers and figures, and questions about them. Seeded, so every run stores the same text.
 */
import { mulberry32 } from "../engines/metrics/analysis/series-synthetic.ts";

const PRODUCTS = ["Classic tee", "Camiseta básica", "Jeans slim negro", "Sudadera gris", "Tênis casual", "Gorra roja", "Vestido floral", "Bolsa de couro", "Chaqueta denim", "Shorts de praia", "Remera lisa", "Botas altas"];
const CAMPAIGNS = ["Summer Sale", "Hot Sale", "Buen Fin", "Black Friday", "Dia das Mães", "Back to school", "Navidad", "Liquidação de inverno", "Cyber Monday", "Rebajas de enero"];
const SUPPLIERS = ["Textiles del Norte", "Confecções Silva", "Acme Apparel", "Proveedora Jalisco", "Fábrica Azul", "Cotton Co"];
const PLATFORMS = ["Meta", "Google Ads", "TikTok", "Instagram", "Mercado Libre", "Amazon"];

const TEMPLATES: readonly ((pick: Picker) => string)[] = [
  (p) => `We decided to run ${p.campaign()} with ${p.int(10, 40)}% off the ${p.product()} line.`,
  (p) => `Decidimos no bajar el precio de ${p.product()} por debajo de $${p.int(199, 899)} durante ${p.campaign()}.`,
  (p) => `Combinamos que a campanha ${p.campaign()} no ${p.platform()} vai ter orçamento de R$ ${p.int(500, 5000)} por semana.`,
  (p) => `Our cost for ${p.product()} went up to ${p.int(80, 400)} after ${p.supplier()} changed their prices.`,
  (p) => `¿Cuánto vendimos de ${p.product()} la semana pasada en ${p.platform()}?`,
  (p) => `Quanto gastamos em anúncios no ${p.platform()} em ${p.month()}?`,
  (p) => `How many ${p.product()} do we have left in stock? We should reorder from ${p.supplier()}.`,
  (p) => `Pausamos los anuncios de ${p.campaign()} en ${p.platform()} porque el ROAS cayó a ${p.int(1, 3)}.${p.int(0, 9)}.`,
  (p) => `O cliente ${p.customer()} pediu reembolso do pedido #${p.int(1000, 9999)} de ${p.product()}.`,
  (p) => `Never discount the ${p.product()} line more than ${p.int(5, 20)}%, it is our best seller.`,
  (p) => `El proveedor ${p.supplier()} entrega el ${p.product()} en ${p.int(5, 30)} días, hay que pedir antes de ${p.campaign()}.`,
  (p) => `Approved the price change for ${p.product()}: ${p.int(300, 700)} → ${p.int(250, 650)} (code ${p.code()}).`,
  (p) => `Vamos subir o preço de ${p.product()} para R$ ${p.int(90, 300)} depois da ${p.campaign()}.`,
  (p) => `Sales from ${p.platform()} were down ${p.int(5, 45)}% yesterday; is it the ${p.campaign()} ending?`,
  (p) => `Acordamos con ${p.customer()} un descuento mayorista del ${p.int(5, 25)}% en pedidos de más de ${p.int(20, 200)} unidades.`,
];

const QUESTIONS: readonly ((pick: Picker) => string)[] = [
  (p) => `what did we decide about ${p.campaign()}?`,
  (p) => `¿qué te pregunté sobre ${p.platform()}?`,
  (p) => `o que combinamos sobre o preço de ${p.product()}?`,
  (p) => `what is our cost for ${p.product()} now?`,
  (p) => `¿cuándo entrega ${p.supplier()}?`,
  (p) => `quanto gastamos no ${p.platform()}?`,
  () => `the product we talked about discounting`,
  (p) => `¿qué descuento le dimos a ${p.customer()}?`,
];

const CUSTOMERS = ["Lucía Gómez", "João Pereira", "Ana Souza", "Carlos Díaz", "Mary Smith", "Distribuidora Sol", "Loja Bela", "María Fernández"];
const MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"];

class Picker {
  constructor(private readonly random: () => number) {}
  private one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  product = () => this.one(PRODUCTS);
  campaign = () => this.one(CAMPAIGNS);
  supplier = () => this.one(SUPPLIERS);
  platform = () => this.one(PLATFORMS);
  customer = () => this.one(CUSTOMERS);
  month = () => this.one(MONTHS);
  code = () => Array.from({ length: 4 }, () => "ABCDEFGHJKMNPQRSTVWXYZ23456789"[this.int(0, 29)]).join("");
  template<T>(list: readonly T[]): T {
    return this.one(list);
  }
}

export interface CorpusMessage {
  readonly content: string;
  /** Days before the benchmark's "now" it was said. */
  readonly ageDays: number;
  /** Said in a member's private DM (else workspace-wide). */
  readonly private: boolean;
}

/** `count` messages for one workspace, seeded by `seed`. */
export function corpusMessages(count: number, seed: number): CorpusMessage[] {
  const pick = new Picker(mulberry32(seed));
  return Array.from({ length: count }, () => ({ content: pick.template(TEMPLATES)(pick), ageDays: pick.int(0, 365), private: pick.int(0, 9) < 3 }));
}

/** `count` recall questions, seeded by `seed`. */
export function corpusQuestions(count: number, seed: number): string[] {
  const pick = new Picker(mulberry32(seed));
  return Array.from({ length: count }, () => pick.template(QUESTIONS)(pick));
}
