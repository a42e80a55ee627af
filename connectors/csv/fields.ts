/**
 * The fields of the generic format and the column headers (en/es/pt) that auto-mapping recognises
 * for each. Headers are compared after normalizeHeader: lower case, no accents, camelCase split,
 * punctuation as spaces ("Nº Pedido" → "n pedido", "InvoiceNo" → "invoice no").
 */

export const GENERIC_FIELD_NAMES = [
  "order_id",
  "date",
  "customer_id",
  "customer_name",
  "customer_email",
  "product_id",
  "product_name",
  "sku",
  "category",
  "quantity",
  "amount",
  "unit_price",
  "discount",
  "discount_rate",
  "cost",
  "profit",
  "shipping",
  "tax",
  "status",
  "currency",
  "country",
  "state",
  "city",
  "postal_code",
  "source_channel",
] as const;
export type GenericField = (typeof GENERIC_FIELD_NAMES)[number];

export interface GenericFieldInfo {
  readonly name: GenericField;
  /** Always required. Fields required as one of a pair (amount/unit_price, product_id/product_name) say so in the description. */
  readonly required: boolean;
  readonly description: string;
}

export const GENERIC_FIELDS: readonly GenericFieldInfo[] = [
  { name: "order_id", required: true, description: "Order number; lines with the same value form one order" },
  { name: "date", required: true, description: "Order date, optionally with a time (ISO, D/M/Y, M/D/Y or Y/M/D); times without offset are in the workspace time zone" },
  { name: "customer_id", required: false, description: "Customer identifier (else the email, else the name identifies the customer)" },
  { name: "customer_name", required: false, description: "Customer name" },
  { name: "customer_email", required: false, description: "Customer email" },
  { name: "product_id", required: false, description: "Product identifier (this or product_name is required)" },
  { name: "product_name", required: false, description: "Product name (this or product_id is required)" },
  { name: "sku", required: false, description: "SKU of the item sold (defaults to product_id)" },
  { name: "category", required: false, description: "Product category" },
  { name: "quantity", required: true, description: "Units sold on the line (a positive whole number)" },
  { name: "amount", required: false, description: "Net amount paid for the line, after its discount (this or unit_price is required)" },
  { name: "unit_price", required: false, description: "Price of one unit before discount (this or amount is required)" },
  { name: "discount", required: false, description: "Discount on the line, as money" },
  { name: "discount_rate", required: false, description: "Discount on the line as a rate: 0.2 or 20%" },
  { name: "cost", required: false, description: "Cost of the whole line" },
  { name: "profit", required: false, description: "Profit of the line (cost = amount − profit)" },
  { name: "shipping", required: false, description: "Shipping charged, summed over the order's lines (put an order-level value on one line)" },
  { name: "tax", required: false, description: "Tax charged on top of the amount, summed over the order's lines" },
  { name: "status", required: false, description: "Order status: paid, pending, refunded, partially refunded, cancelled (or es/pt equivalents); default paid" },
  { name: "currency", required: false, description: "ISO currency code; must be the workspace currency" },
  { name: "country", required: false, description: "Country of the order" },
  { name: "state", required: false, description: "State or province" },
  { name: "city", required: false, description: "City" },
  { name: "postal_code", required: false, description: "Postal code (kept as the order attribute postal_code)" },
  { name: "source_channel", required: false, description: "Sales channel: online store, marketplace, pos, instagram…" },
];

/**
 * Recognised headers per field, most specific first. A header is taken by the first field (in
 * this object's order) that lists it. "Discount" is listed under discount and becomes
 * discount_rate when all its values are within [0, 1]; "Estado" is listed under status and
 * becomes state when its values are not statuses (in Portuguese it is the state).
 */
export const FIELD_SYNONYMS: Readonly<Record<GenericField, readonly string[]>> = {
  order_id: [
    "order id", "order number", "order no", "order #", "order", "order name", "order ref", "order reference", "invoice no", "invoice number", "invoice",
    "id pedido", "pedido id", "id del pedido", "n pedido", "no pedido", "nro pedido", "num pedido", "numero pedido", "numero de pedido", "numero del pedido", "pedido",
    "id orden", "orden", "numero de orden", "n orden", "id da encomenda", "encomenda", "id do pedido", "numero do pedido", "factura", "folio", "nota fiscal",
  ],
  date: [
    "order date", "order datetime", "order created at", "date", "created at", "created", "purchase date", "placed at", "invoice date", "transaction date", "sale date", "order time", "timestamp",
    "fecha", "fecha pedido", "fecha de pedido", "fecha del pedido", "fecha de la orden", "fecha orden", "fecha de compra", "fecha compra", "fecha de venta", "fecha venta", "fecha y hora",
    "data", "data do pedido", "data pedido", "data da compra", "data de compra", "data da venda", "data venda", "data e hora",
  ],
  quantity: ["quantity", "qty", "quantity ordered", "units", "unit count", "cantidad", "cant", "unidades", "quantidade", "qtd", "qtde", "lineitem quantity"],
  amount: [
    "sales", "amount", "line total", "line amount", "net sales", "net amount", "sales amount", "total", "revenue", "total price", "item total",
    "ventas", "venta", "importe", "importe total", "monto", "monto total", "total linea", "precio total", "valor", "valor total", "total item",
    "vendas", "venda", "receita", "faturamento", "valor da venda", "preco total",
  ],
  unit_price: ["unit price", "price", "price each", "item price", "precio", "precio unitario", "precio unidad", "valor unitario", "preco", "preco unitario", "lineitem price"],
  product_id: ["product id", "product code", "item id", "item code", "stock code", "article id", "asin", "id producto", "codigo producto", "codigo de producto", "id del producto", "id produto", "codigo produto", "codigo do produto"],
  product_name: [
    "product name", "product", "product title", "item name", "item", "title", "description", "lineitem name",
    "nombre producto", "nombre del producto", "producto", "articulo", "descripcion", "nome do produto", "nome produto", "produto", "descricao",
  ],
  sku: ["sku", "variant sku", "item sku", "lineitem sku", "codigo sku", "referencia", "ref"],
  customer_id: ["customer id", "customer number", "customer code", "client id", "buyer id", "id cliente", "cliente id", "id del cliente", "codigo cliente", "codigo de cliente", "id do cliente", "codigo do cliente"],
  customer_name: ["customer name", "customer", "client name", "client", "buyer name", "buyer", "billing name", "nombre cliente", "nombre del cliente", "cliente", "comprador", "nome do cliente", "nome cliente"],
  customer_email: ["customer email", "email", "e mail", "email address", "correo", "correo electronico", "email cliente", "correo cliente", "email do cliente"],
  category: ["category", "product category", "product type", "department", "categoria", "categoria producto", "categoria del producto", "tipo de producto", "familia", "categoria do produto", "tipo de produto"],
  discount_rate: [
    "discount rate", "discount %", "discount percent", "discount percentage", "discount pct", "% discount",
    "tasa de descuento", "porcentaje de descuento", "descuento %", "% descuento", "taxa de desconto", "percentual de desconto", "desconto %", "% desconto",
  ],
  discount: ["discount", "discount amount", "descuento", "monto descuento", "importe descuento", "desconto", "valor desconto", "valor do desconto"],
  cost: ["cost", "line cost", "total cost", "cogs", "costo", "coste", "costo total", "custo", "custo total"],
  profit: ["profit", "gross profit", "margin", "ganancia", "utilidad", "beneficio", "margen", "lucro", "margem"],
  shipping: ["shipping", "shipping cost", "shipping amount", "freight", "envio", "costo de envio", "gastos de envio", "flete", "frete", "valor do frete"],
  tax: ["tax", "taxes", "sales tax", "vat", "impuesto", "impuestos", "iva", "igv", "imposto", "impostos"],
  status: ["status", "order status", "financial status", "estado", "estado del pedido", "estatus", "situacion", "status do pedido", "situacao"],
  currency: ["currency", "currency code", "moneda", "divisa", "moeda"],
  country: ["country", "country code", "shipping country", "billing country", "pais", "pais de envio"],
  // "estado" last: taken here only when another column holds the status (pt: Estado is the state).
  state: ["state", "province", "state province", "provincia", "uf", "estado"],
  city: ["city", "town", "ciudad", "localidad", "municipio", "cidade"],
  postal_code: ["postal code", "zip", "zip code", "postcode", "codigo postal", "cp", "cep"],
  source_channel: ["sales channel", "channel", "source", "canal", "canal de venta", "canal de venda", "origen", "origem", "marketplace", "platform"],
};

/** The order auto-mapping claims headers in: required and specific fields before generic ones. */
export const AUTO_MAPPING_ORDER: readonly GenericField[] = Object.keys(FIELD_SYNONYMS).filter(isGenericField);

export function isGenericField(name: string): name is GenericField {
  return (GENERIC_FIELD_NAMES as readonly string[]).includes(name);
}

/** Lower case, accents and punctuation dropped, camelCase split: how headers are compared. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/([#%])/g, " $1 ")
    .replace(/[^a-z0-9#%]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** The attribute key for a dimension column: "Sub-Category" → "sub_category", "Região" → "regiao". */
export function dimensionKey(header: string): string {
  return normalizeHeader(header).replace(/[#%]/g, "").trim().replace(/\s+/g, "_");
}
