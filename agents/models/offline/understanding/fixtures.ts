/** Workspace contexts for the understanding tests: a LatAm clothing store, a Brazilian sports store and a US basics store. */
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";

export const CLOTHING_STORE: WorkspaceContext = {
  workspace: { id: 1, slug: "ropa-sur", name: "Ropa Sur", currency: "ARS", timeZone: "America/Argentina/Buenos_Aires", locale: "es", weekStart: "monday" },
  now: "2026-11-21T15:00:00Z",
  lexicon: {
    products: [
      { id: 1, title: "Remera Básica Algodón", category: "Remeras", skus: ["REM-BAS-S", "REM-BAS-M"] },
      { id: 2, title: "Remera Estampada Rock", category: "Remeras", skus: ["REM-EST-M"] },
      { id: 3, title: "Jean Slim Azul", category: "Pantalones", skus: ["JEAN-SLIM-32"] },
      { id: 4, title: "Zapatillas Urbanas", category: "Calzado", skus: ["ZAP-URB-40"] },
      { id: 5, title: "Buzo Canguro Gris", category: "Buzos", skus: ["BUZ-CAN-L"] },
      { id: 6, title: "Campera de Jean", category: "Camperas", skus: ["CAM-JEAN-M"] },
      { id: 7, title: "Medias Deportivas Pack x3", category: "Accesorios", skus: ["MED-DEP-3"] },
    ],
    categories: ["Remeras", "Pantalones", "Calzado", "Buzos", "Camperas", "Accesorios"],
    campaigns: [
      { id: 1, name: "Hot Sale 2026 - Prospecting", platform: "meta" },
      { id: 2, name: "Search Marca", platform: "google" },
      { id: 3, name: "Retargeting Carrito", platform: "meta" },
      { id: 4, name: "Verano TikTok", platform: "tiktok" },
    ],
    platforms: ["meta", "google", "tiktok"],
    channels: ["online_store", "instagram", "mercadolibre"],
    competitors: ["Moda Rápida", "Urban Style BA", "Tienda Mía"],
    countries: ["AR", "UY", "MX"],
    states: ["Buenos Aires", "Córdoba", "Santa Fe", "Mendoza"],
    cities: ["CABA", "Rosario", "Córdoba", "La Plata"],
    attributes: { device: ["mobile", "desktop"], payment_method: ["mercadopago", "transferencia", "tarjeta"] },
    has: { orders: true, subscriptions: false, ads: true, web: true, inventory: true, competitors: true },
  },
};

export const SPORTS_STORE: WorkspaceContext = {
  workspace: { id: 2, slug: "esporte-total", name: "Esporte Total", currency: "BRL", timeZone: "America/Sao_Paulo", locale: "pt", weekStart: "sunday" },
  now: "2026-03-10T12:00:00Z",
  lexicon: {
    products: [
      { id: 10, title: "Camiseta Básica", category: "Camisetas", skus: ["CAM-BAS-P"] },
      { id: 11, title: "Tênis Corrida Pro", category: "Calçados", skus: ["TEN-COR-41"] },
      { id: 12, title: "Tênis Casual Branco", category: "Calçados", skus: ["TEN-CAS-40"] },
      { id: 13, title: "Garrafa Térmica 1L", category: "Acessórios", skus: ["GAR-TER-1"] },
      { id: 14, title: "Shorts Dry Fit", category: "Shorts", skus: ["SHO-DRY-M"] },
    ],
    categories: ["Camisetas", "Calçados", "Acessórios", "Shorts"],
    campaigns: [
      { id: 20, name: "Volta às Aulas", platform: "google" },
      { id: 21, name: "Corrida de Rua - Conversão", platform: "meta" },
    ],
    platforms: ["meta", "google"],
    channels: ["online_store", "whatsapp", "marketplace"],
    competitors: ["Centauro", "Netshoes"],
    countries: ["BR"],
    states: ["SP", "RJ", "Minas Gerais"],
    cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte"],
    attributes: {},
    has: { orders: true, subscriptions: false, ads: true, web: false, inventory: true, competitors: true },
  },
};

export const US_STORE: WorkspaceContext = {
  workspace: { id: 3, slug: "basics-co", name: "Basics Co", currency: "USD", timeZone: "America/New_York", locale: "en", weekStart: "sunday" },
  now: "2026-11-21T15:00:00Z",
  lexicon: {
    products: [
      { id: 30, title: "Basic Tee", category: "Tees", skus: ["TEE-BAS-M"] },
      { id: 31, title: "Graphic Tee Sunset", category: "Tees", skus: ["TEE-GRA-M"] },
      { id: 32, title: "Everyday Hoodie", category: "Hoodies", skus: ["HOO-EVE-L"] },
      { id: 33, title: "Canvas Tote", category: "Bags", skus: ["BAG-TOT-1"] },
    ],
    categories: ["Tees", "Hoodies", "Bags"],
    campaigns: [{ id: 30, name: "Holiday Prospecting", platform: "meta" }],
    platforms: ["meta", "google"],
    channels: ["online_store", "amazon"],
    competitors: ["Target", "Uniqlo"],
    countries: ["US"],
    states: ["New York", "California"],
    cities: ["New York", "Los Angeles"],
    attributes: {},
    has: { orders: true, subscriptions: false, ads: true, web: true, inventory: true, competitors: true },
  },
};
