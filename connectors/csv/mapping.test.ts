import { describe, expect, it } from "vitest";
import { ColumnMapError, CsvError } from "./errors.ts";
import { dimensionKey, GENERIC_FIELDS, GENERIC_FIELD_NAMES, normalizeHeader } from "./fields.ts";
import { describeMapping, MappingEvidence, parseColumnList, parseColumnMap, planMapping, resolveMapping } from "./mapping.ts";

const SUPERSTORE = [
  "Row ID", "Order ID", "Order Date", "Ship Date", "Ship Mode", "Customer ID", "Customer Name", "Segment", "Country", "City", "State",
  "Postal Code", "Region", "Product ID", "Category", "Sub-Category", "Product Name", "Sales", "Quantity", "Discount", "Profit",
];

function mapped(headers: readonly string[], rows: readonly (readonly string[])[] = [], map: Record<string, string> = {}) {
  const plan = planMapping("f.csv", headers, map, []);
  const evidence = new MappingEvidence(plan);
  for (const row of rows) evidence.observe(row);
  return describeMapping(headers, resolveMapping("f.csv", plan, evidence).columns);
}

describe("parseColumnMap", () => {
  it("reads field=column pairs, with quotes for names that contain commas", () => {
    expect(parseColumnMap("order_id=Order ID,date=Order Date")).toEqual({ order_id: "Order ID", date: "Order Date" });
    expect(parseColumnMap('product_name="Name, long", amount = Total ')).toEqual({ product_name: "Name, long", amount: "Total" });
    expect(parseColumnMap('"customer_name=Cliente, nombre"')).toEqual({ customer_name: "Cliente, nombre" });
  });

  it("rejects unknown fields with a suggestion and the list of known ones", () => {
    expect(() => parseColumnMap("orderid=Order ID")).toThrow(ColumnMapError);
    expect(() => parseColumnMap("orderid=Order ID")).toThrow(/Did you mean "order_id"\?.*Known fields: order_id, date/);
    expect(() => parseColumnMap("date")).toThrow(/not field=column/);
    expect(() => parseColumnMap("date=")).toThrow(/No column/);
    expect(() => parseColumnMap("date=A,date=B")).toThrow(/twice/);
    expect(() => parseColumnMap('date="A')).toThrow(/Unbalanced/);
  });

  it("parses column lists for --dims", () => {
    expect(parseColumnList('Segment, Region,"Ship, Mode"')).toEqual(["Segment", "Region", "Ship, Mode"]);
  });
});

describe("auto-mapping", () => {
  it("maps the Superstore headers, preferring Order Date over Ship Date, and reads Discount as a rate from its values", () => {
    const rows = [
      ["1", "CA-1", "11/8/2016", "11/11/2016", "Second Class", "CG-1", "Claire", "Consumer", "US", "Henderson", "Kentucky", "42420", "South", "FUR-1", "Furniture", "Bookcases", "Bush", "261.96", "2", "0", "41.9136"],
      ["2", "CA-1", "11/8/2016", "11/11/2016", "Second Class", "CG-1", "Claire", "Consumer", "US", "Henderson", "Kentucky", "42420", "South", "FUR-2", "Furniture", "Chairs", "Hon", "731.94", "3", "0.2", "219.582"],
    ];
    expect(mapped(SUPERSTORE, rows)).toEqual({
      order_id: "Order ID",
      date: "Order Date",
      customer_id: "Customer ID",
      customer_name: "Customer Name",
      product_id: "Product ID",
      product_name: "Product Name",
      category: "Category",
      quantity: "Quantity",
      amount: "Sales",
      discount_rate: "Discount",
      profit: "Profit",
      country: "Country",
      state: "State",
      city: "City",
      postal_code: "Postal Code",
    });
  });

  it("keeps Discount as money when a value is above 1", () => {
    const headers = ["Order", "Date", "Product", "Qty", "Price", "Discount"];
    expect(mapped(headers, [["1", "2024-01-01", "Tee", "1", "10", "0.5"], ["2", "2024-01-01", "Tee", "1", "10", "2.50"]]).discount).toBe("Discount");
  });

  it("recognises Spanish and Portuguese headers, accents and punctuation aside", () => {
    expect(mapped(["Nº Pedido", "Fecha", "Cliente", "Correo", "Producto", "Categoría", "Cantidad", "Precio unitario", "Descuento", "Envío", "Estado", "Ciudad"], [
      ["1", "05/03/2024", "Ana", "a@x", "Café", "Café", "1", "10", "5,00", "0", "Pagado", "GDL"],
    ])).toEqual({
      order_id: "Nº Pedido",
      date: "Fecha",
      customer_name: "Cliente",
      customer_email: "Correo",
      product_name: "Producto",
      category: "Categoría",
      quantity: "Cantidad",
      unit_price: "Precio unitario",
      discount: "Descuento",
      shipping: "Envío",
      status: "Estado",
      city: "Ciudad",
    });
    // Portuguese: "Estado" holds states (SP, RJ), not statuses.
    const pt = mapped(["Pedido", "Data", "Produto", "Quantidade", "Valor", "Lucro", "Estado"], [["1", "05/03/2024", "Caneca", "1", "10", "2", "SP"]]);
    expect(pt).toMatchObject({ order_id: "Pedido", date: "Data", product_name: "Produto", quantity: "Quantidade", amount: "Valor", profit: "Lucro", state: "Estado" });
    expect(pt.status).toBeUndefined();
  });

  it("lets explicit entries win and fills the rest from synonyms", () => {
    const headers = ["Order ID", "Fecha de envío", "Fecha de compra", "Item", "Units", "Total"];
    expect(mapped(headers, [], { date: "fecha de compra", quantity: "Units" })).toEqual({
      order_id: "Order ID",
      date: "Fecha de compra",
      product_name: "Item",
      quantity: "Units",
      amount: "Total",
    });
  });

  it("explains missing required fields with the headers found and the mapping so far", () => {
    const attempt = () => mapped(["Code", "When", "Product", "Qty", "Sales"]);
    expect(attempt).toThrow(CsvError);
    expect(attempt).toThrow(/no column found for order_id; date\. Columns in the file: "Code", "When", "Product", "Qty", "Sales"\. Mapping found: product_name=Product, quantity=Qty, amount=Sales/);
  });

  it("rejects map entries and dims that name no column, with a suggestion", () => {
    expect(() => planMapping("f.csv", SUPERSTORE, { date: "Order Dates" }, [])).toThrow(/no column "Order Dates"\. Did you mean "Order Date"\?/);
    expect(() => planMapping("f.csv", SUPERSTORE, { bogus: "Sales" }, [])).toThrow(/unknown field "bogus"/);
    expect(() => planMapping("f.csv", SUPERSTORE, {}, ["Segmnt"])).toThrow(/dims: there is no column "Segmnt"\. Did you mean "Segment"\?/);
    expect(() => planMapping("f.csv", SUPERSTORE, { discount: "Discount", discount_rate: "Discount" }, [])).toThrow(/either discount or discount_rate/);
  });

  it("names dimension keys in snake_case", () => {
    expect(planMapping("f.csv", SUPERSTORE, {}, ["Sub-Category", "ship mode"]).dims).toEqual([
      { key: "sub_category", header: "Sub-Category", index: 15 },
      { key: "ship_mode", header: "Ship Mode", index: 4 },
    ]);
    expect(dimensionKey("Región de Venta")).toBe("region_de_venta");
    expect(normalizeHeader("InvoiceNo")).toBe("invoice no");
    expect(normalizeHeader("Order#")).toBe("order #");
  });

  it("documents every field for the CLI help", () => {
    expect(GENERIC_FIELDS.map((field) => field.name)).toEqual([...GENERIC_FIELD_NAMES]);
    expect(GENERIC_FIELDS.filter((field) => field.required).map((field) => field.name)).toEqual(["order_id", "date", "quantity"]);
  });
});
