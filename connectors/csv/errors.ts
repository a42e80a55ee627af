/**
 * Errors of the CSV import. CsvError is about the file as a whole (no usable header, ambiguous
 * dates, a required field without a column); CsvImportError points at one cell so a person can
 * open the file and fix it. Both carry `reason` without the location, for callers that format
 * their own message (the CLI, the chat).
 */

const VALUE_PREVIEW = 80;

export class CsvError extends Error {
  override readonly name: string = "CsvError";
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, message = `${file}: ${reason}`) {
    super(message);
    this.file = file;
    this.reason = reason;
  }
}

export interface CsvCellLocation {
  /** 1-based data row (the header is not counted). */
  readonly row: number;
  /** Physical line where the row starts (the header is line 1; quoted newlines count). */
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
}

export class CsvImportError extends CsvError {
  override readonly name: string = "CsvImportError";
  readonly row: number;
  readonly line: number;
  readonly column: string | undefined;
  readonly value: string | undefined;

  constructor(file: string, at: CsvCellLocation, reason: string) {
    const column = at.column === undefined ? "" : `, column "${at.column}"`;
    const value = at.value === undefined ? "" : `, value "${preview(at.value)}"`;
    super(file, reason, `${file}, row ${at.row} (line ${at.line})${column}${value}: ${reason}`);
    this.row = at.row;
    this.line = at.line;
    this.column = at.column;
    this.value = at.value;
  }
}

/** A bad --map / --dims argument, before any file is read. */
export class ColumnMapError extends Error {
  override readonly name: string = "ColumnMapError";
}

/** Cell values can be whole paragraphs; messages show the start. */
function preview(value: string): string {
  return value.length > VALUE_PREVIEW ? `${value.slice(0, VALUE_PREVIEW)}…` : value;
}

/**
 * A cell-level problem raised by pure helpers that do not know the file or row; the row loop
 * catches it and turns it into a CsvImportError with the location.
 */
export class CellError extends Error {
  override readonly name: string = "CellError";
  constructor(
    readonly column: string | undefined,
    readonly value: string | undefined,
    readonly reason: string,
  ) {
    super(reason);
  }
}
