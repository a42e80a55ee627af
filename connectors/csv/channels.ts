/**
 * Sales channels as short lower-case tokens (online_store, pos, marketplace, instagram…), so that
 * "Web", "Tienda online" and Shopify's "web" all count as one channel in reports.
 */

const KNOWN: Readonly<Record<string, string>> = {
  web: "online_store",
  online: "online_store",
  website: "online_store",
  online_store: "online_store",
  store_online: "online_store",
  ecommerce: "online_store",
  e_commerce: "online_store",
  tienda_online: "online_store",
  tienda_en_linea: "online_store",
  tienda_virtual: "online_store",
  loja_online: "online_store",
  loja_virtual: "online_store",
  pos: "pos",
  point_of_sale: "pos",
  tienda_fisica: "pos",
  loja_fisica: "pos",
  punto_de_venta: "pos",
  ponto_de_venda: "pos",
  shopify_draft_order: "draft_order",
  draft_order: "draft_order",
  iphone: "mobile_app",
  android: "mobile_app",
  mobile_app: "mobile_app",
  app: "mobile_app",
  mercado_libre: "mercadolibre",
  mercadolibre: "mercadolibre",
  mercado_livre: "mercadolibre",
  whats_app: "whatsapp",
};

/** The channel token for a free-text or Shopify "Source" value; unknown values keep their own token. */
export function sourceChannelFrom(text: string): string | null {
  const token = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (token.length === 0) return null;
  return KNOWN[token] ?? token;
}
