/**
 * The generic format: any order-lines file, read through a resolved column mapping. One call per
 * data row adds a line to its order (lines with the same order_id form one order) and records the
 * customer and product it references. Problems throw CellError; the caller adds row and line.
 */
import type { Attributes } from "../../db/schema/columns.ts";
import { lineMoney } from "./amounts.ts";
import { sourceChannelFrom } from "./channels.ts";
import { parseDateParts, type DateFormat, type DateParts, type InstantResolver } from "./dates.ts";
import { CellError } from "./errors.ts";
import type { GenericField } from "./fields.ts";
import type { ResolvedMapping } from "./mapping.ts";
import { NO_ATTRIBUTES, detach, slugify, type ImportBuilder } from "./normalize.ts";
import { parseDecimal, parseQuantity, parseRate, toMinorUnits, toSafeNumber, type DecimalSeparator, type ExactDecimal } from "./numbers.ts";
import { STATUS_EXAMPLES, statusFromText } from "./statuses.ts";

export interface RowContext {
  readonly mapping: ResolvedMapping;
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat;
  /** The workspace currency and its minor digits: every order must be in it. */
  readonly currency: string;
  readonly digits: number;
  readonly resolver: InstantResolver;
  readonly builder: ImportBuilder;
}

export type RowReader = (fields: readonly string[], row: number, line: number) => void;

export function currencyMismatch(found: string, workspace: string): string {
  return `the order is in ${found} but the workspace keeps its books in ${workspace}; convert the amounts before importing (there is no automatic exchange rate)`;
}

export function genericRowReader(ctx: RowContext): RowReader {
  const { mapping, decimal, builder } = ctx;
  const strings = builder.strings;
  const index = (field: GenericField) => mapping.columns.get(field) ?? -1;
  const header = (i: number) => mapping.headers[i] ?? `column ${i + 1}`;
  const iOrder = index("order_id");
  const iDate = index("date");
  const iCustomerId = index("customer_id");
  const iCustomerName = index("customer_name");
  const iEmail = index("customer_email");
  const iProductId = index("product_id");
  const iProductName = index("product_name");
  const iSku = index("sku");
  const iCategory = index("category");
  const iQuantity = index("quantity");
  const iAmount = index("amount");
  const iUnitPrice = index("unit_price");
  const iDiscount = index("discount");
  const iRate = index("discount_rate");
  const iCost = index("cost");
  const iProfit = index("profit");
  const iShipping = index("shipping");
  const iTax = index("tax");
  const iStatus = index("status");
  const iCurrency = index("currency");
  const iCountry = index("country");
  const iState = index("state");
  const iCity = index("city");
  const iPostal = index("postal_code");
  const iChannel = index("source_channel");
  const dims = mapping.dims;

  const decimalAt = (fields: readonly string[], i: number): ExactDecimal | null => {
    const value = cell(fields, i);
    if (value === "") return null;
    const parsed = parseDecimal(value, decimal);
    if (!parsed.ok) throw new CellError(header(i), value, parsed.error);
    return parsed.value;
  };
  const moneyCents = (fields: readonly string[], i: number): number => {
    const value = decimalAt(fields, i);
    if (value === null) return 0;
    const cents = toSafeNumber(toMinorUnits(value, ctx.digits));
    if (!cents.ok) throw new CellError(header(i), cell(fields, i), cents.error);
    return cents.value;
  };

  // Lines of one order usually repeat its date: parse each distinct text once.
  let lastDateText = "";
  let lastDate: DateParts | undefined;
  let lastSlugSource = "";
  let lastSlug = "";

  return (fields, row, line) => {
    const orderId = cell(fields, iOrder);
    if (orderId === "") throw new CellError(header(iOrder), "", "the order id is empty");
    const order = builder.order(orderId, row, line);

    const dateText = cell(fields, iDate);
    if (dateText !== "") {
      if (dateText !== lastDateText || lastDate === undefined) {
        const parts = parseDateParts(dateText, ctx.dateFormat);
        if (!parts.ok) throw new CellError(header(iDate), dateText, parts.error);
        lastDateText = dateText;
        lastDate = parts.value;
      }
      order.placedAt ??= ctx.resolver.toDate(lastDate);
    }

    const quantityText = cell(fields, iQuantity);
    const quantity = parseQuantity(quantityText, decimal);
    if (!quantity.ok) throw new CellError(header(iQuantity), quantityText, quantityText === "" ? "the quantity is empty" : quantity.error);

    const amount = decimalAt(fields, iAmount);
    const unitPrice = decimalAt(fields, iUnitPrice);
    if (amount === null && unitPrice === null) {
      const i = iAmount !== -1 ? iAmount : iUnitPrice;
      throw new CellError(header(i), "", iAmount !== -1 ? "the amount is empty" : "the unit price is empty");
    }
    let discountRate: ExactDecimal | null = null;
    const rateText = cell(fields, iRate);
    if (rateText !== "") {
      const rate = parseRate(rateText, decimal);
      if (!rate.ok) throw new CellError(header(iRate), rateText, rate.error);
      discountRate = rate.value;
    }
    const discount = decimalAt(fields, iDiscount);
    if (discount !== null && discount.units < 0n) throw new CellError(header(iDiscount), cell(fields, iDiscount), "the discount cannot be negative");
    const money = lineMoney(
      {
        quantity: quantity.value,
        amount,
        unitPrice,
        discount,
        discountRate,
        cost: decimalAt(fields, iCost),
        profit: decimalAt(fields, iProfit),
      },
      ctx.digits,
    );
    if (!money.ok) throw new CellError(header(iAmount !== -1 ? iAmount : iUnitPrice), cell(fields, iAmount !== -1 ? iAmount : iUnitPrice), money.error);
    order.shippingCents += moneyCents(fields, iShipping);
    order.taxCents += moneyCents(fields, iTax);

    const currency = cell(fields, iCurrency).toUpperCase();
    if (currency !== "" && currency !== ctx.currency) throw new CellError(header(iCurrency), currency, currencyMismatch(currency, ctx.currency));

    const statusText = cell(fields, iStatus);
    if (statusText !== "") {
      const status = statusFromText(statusText);
      if (status === undefined) throw new CellError(header(iStatus), statusText, `unknown order status; expected one of ${STATUS_EXAMPLES}`);
      order.status ??= status;
    }

    // Order-level values come from the order's first line.
    if (order.lines.length === 0) {
      order.country = strings.nullable(cell(fields, iCountry));
      order.state = strings.nullable(cell(fields, iState));
      order.city = strings.nullable(cell(fields, iCity));
      const postal = cell(fields, iPostal);
      if (postal !== "") order.attributes.postal_code = strings.get(postal);
      order.sourceChannel = sourceChannelFrom(cell(fields, iChannel));
    }

    if (order.customerKey === null) {
      const customerId = cell(fields, iCustomerId);
      const email = cell(fields, iEmail).toLowerCase();
      const customerName = cell(fields, iCustomerName);
      // The customer's identity: its id, else its email, else its name.
      const customerKey = customerId || email || customerName;
      if (customerKey !== "") {
        order.customerKey = builder.customer(customerKey, {
          name: customerName === "" ? null : detach(customerName),
          email: email === "" ? null : detach(email),
          country: order.country,
          state: order.state,
          city: order.city,
        });
      }
    }

    const productId = cell(fields, iProductId);
    const productName = cell(fields, iProductName);
    if (productId === "" && productName === "") {
      throw new CellError(header(iProductId !== -1 ? iProductId : iProductName), "", "the line has neither a product id nor a product name");
    }
    const skuText = cell(fields, iSku) || productId;
    const categoryText = cell(fields, iCategory);
    const { unitPriceCents, discountCents, totalCents, costCents } = money.value;
    if (productId === "" && productName !== lastSlugSource) {
      lastSlugSource = productName;
      lastSlug = slugify(productName);
    }
    const product = builder.product(productId || lastSlug, {
      title: productName || productId,
      category: categoryText,
      vendor: "",
      sku: skuText,
      priceCents: Math.max(0, unitPriceCents),
      costCents: costCents === null ? null : perUnit(costCents, quantity.value),
    });
    const productKey = product.key;
    const title = product.title;
    const sku = skuText === "" ? null : product.sku;
    const category = categoryText === "" ? null : product.category;

    let attributes: Attributes = NO_ATTRIBUTES;
    if (dims.length > 0) {
      attributes = {};
      for (const dim of dims) {
        const value = cell(fields, dim.index);
        if (value !== "") attributes[dim.key] = strings.get(value);
      }
    }
    order.lines.push({ productKey, sku, title, category, quantity: quantity.value, unitPriceCents, discountCents, totalCents, costCents, attributes });
  };
}

export function cell(fields: readonly string[], index: number): string {
  if (index < 0) return "";
  const value = fields[index];
  return value === undefined ? "" : value.trim();
}

/** Whole-line cents per unit, rounded half away from zero. */
function perUnit(cents: number, quantity: number): number {
  return Math.sign(cents) * Math.round(Math.abs(cents) / quantity);
}
