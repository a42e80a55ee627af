import type { ColumnType, Generated } from "kysely";

/** bigint identity primary keys; int8 is parsed to number (ids stay far below 2^53). */
export type Id = Generated<number>;
/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** timestamptz with a database default (now()). */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** date: read and written as 'YYYY-MM-DD' (the pool parses date without a time zone shift). */
export type DateOnly = ColumnType<string, string, string>;
/** jsonb: read as the parsed value, written as JSON text. */
export type Json<T> = ColumnType<T, string, string>;
/** jsonb with a database default. */
export type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** Custom dimensions an order or line carries: name → value (region, segment, sales channel…). */
export type Attributes = Record<string, string>;
