import { describe, expect, it } from "vitest";
import { describeRangeSyntax, parseRangeText } from "./parse-range-text.ts";
import type { RangeSpec } from "./range-spec.ts";

function spec(text: string): RangeSpec {
  const result = parseRangeText(text);
  if (!result.ok) throw new Error(`"${text}": ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(text: string) {
  const result = parseRangeText(text);
  if (result.ok) throw new Error(`"${text}" parsed as ${JSON.stringify(result.value)}`);
  return result.error;
}

const cases = (rows: ReadonlyArray<readonly [string, RangeSpec]>) => rows.map(([text, expected]) => [text, expected] as const);

describe("English", () => {
  it.each(
    cases([
      ["today", { kind: "today" }],
      ["Yesterday", { kind: "yesterday" }],
      ["last 30 days", { kind: "last", n: 30, unit: "day" }],
      ["the past 7 days", { kind: "last", n: 7, unit: "day" }],
      ["last 2 weeks", { kind: "last", n: 2, unit: "week" }],
      ["last two weeks", { kind: "last", n: 2, unit: "week" }],
      ["last 3 months", { kind: "last", n: 3, unit: "month" }],
      ["this week", { kind: "this", unit: "week" }],
      ["this quarter", { kind: "this", unit: "quarter" }],
      ["MTD", { kind: "this", unit: "month" }],
      ["qtd", { kind: "this", unit: "quarter" }],
      ["ytd", { kind: "this", unit: "year" }],
      ["wtd", { kind: "this", unit: "week" }],
      ["month to date", { kind: "this", unit: "month" }],
      ["last week", { kind: "previous", unit: "week" }],
      ["last month", { kind: "previous", unit: "month" }],
      ["last quarter", { kind: "previous", unit: "quarter" }],
      ["in the last year", { kind: "previous", unit: "year" }],
      ["October", { kind: "month", month: 10 }],
      ["oct 2025", { kind: "month", month: 10, year: 2025 }],
      ["Sept. 2025", { kind: "month", month: 9, year: 2025 }],
      ["q3", { kind: "quarter", quarter: 3 }],
      ["Q3 2025", { kind: "quarter", quarter: 3, year: 2025 }],
      ["2025-Q4", { kind: "quarter", quarter: 4, year: 2025 }],
      ["third quarter of 2025", { kind: "quarter", quarter: 3, year: 2025 }],
      ["2025", { kind: "year", year: 2025 }],
      ["2026-10-01..2026-10-15", { kind: "between", start: "2026-10-01", end: "2026-10-15" }],
      ["2026-10-01 to 2026-10-15", { kind: "between", start: "2026-10-01", end: "2026-10-15" }],
      ["from 2026-10-01 to 2026-10-15", { kind: "between", start: "2026-10-01", end: "2026-10-15" }],
      ["2026-10-01 – 2026-10-15", { kind: "between", start: "2026-10-01", end: "2026-10-15" }],
      ["Oct 3 – Nov 2, 2026", { kind: "between", start: "2026-10-03", end: "2026-11-02" }],
      ["2026-10-05", { kind: "between", start: "2026-10-05", end: "2026-10-05" }],
      ["since 2026-09-01", { kind: "since", start: "2026-09-01" }],
      ["since September", { kind: "since", month: 9 }],
      ["since sep 2025", { kind: "since", month: 9, year: 2025 }],
    ]),
  )("%s", (text, expected) => {
    expect(spec(text)).toEqual(expected);
  });
});

describe("Spanish", () => {
  it.each(
    cases([
      ["hoy", { kind: "today" }],
      ["ayer", { kind: "yesterday" }],
      ["últimos 30 días", { kind: "last", n: 30, unit: "day" }],
      ["los últimos 7 dias", { kind: "last", n: 7, unit: "day" }],
      ["ÚLTIMAS TRES SEMANAS", { kind: "last", n: 3, unit: "week" }],
      ["esta semana", { kind: "this", unit: "week" }],
      ["este mes", { kind: "this", unit: "month" }],
      ["este año", { kind: "this", unit: "year" }],
      ["en lo que va del año", { kind: "this", unit: "year" }],
      ["la semana pasada", { kind: "previous", unit: "week" }],
      ["el mes pasado", { kind: "previous", unit: "month" }],
      ["el trimestre anterior", { kind: "previous", unit: "quarter" }],
      ["el año pasado", { kind: "previous", unit: "year" }],
      ["octubre", { kind: "month", month: 10 }],
      ["octubre de 2025", { kind: "month", month: 10, year: 2025 }],
      ["setiembre", { kind: "month", month: 9 }],
      ["3er trimestre", { kind: "quarter", quarter: 3 }],
      ["tercer trimestre de 2025", { kind: "quarter", quarter: 3, year: 2025 }],
      ["del 1 al 15 de octubre", { kind: "month", month: 10, fromDay: 1, toDay: 15 }],
      ["del 1 al 15 de octubre de 2026", { kind: "between", start: "2026-10-01", end: "2026-10-15" }],
      ["del 28 de diciembre al 3 de enero de 2026", { kind: "between", start: "2025-12-28", end: "2026-01-03" }],
      ["de octubre a noviembre de 2026", { kind: "between", start: "2026-10-01", end: "2026-11-30" }],
      ["desde 2026-09-01", { kind: "since", start: "2026-09-01" }],
      ["desde septiembre", { kind: "since", month: 9 }],
    ]),
  )("%s", (text, expected) => {
    expect(spec(text)).toEqual(expected);
  });
});

describe("Portuguese", () => {
  it.each(
    cases([
      ["hoje", { kind: "today" }],
      ["ontem", { kind: "yesterday" }],
      ["últimos 30 dias", { kind: "last", n: 30, unit: "day" }],
      ["nos últimos 3 meses", { kind: "last", n: 3, unit: "month" }],
      ["últimas duas semanas", { kind: "last", n: 2, unit: "week" }],
      ["esta semana", { kind: "this", unit: "week" }],
      ["este mês", { kind: "this", unit: "month" }],
      ["neste ano", { kind: "this", unit: "year" }],
      ["semana passada", { kind: "previous", unit: "week" }],
      ["mês passado", { kind: "previous", unit: "month" }],
      ["no mês passado", { kind: "previous", unit: "month" }],
      ["ano passado", { kind: "previous", unit: "year" }],
      ["outubro", { kind: "month", month: 10 }],
      ["março de 2026", { kind: "month", month: 3, year: 2026 }],
      ["terceiro trimestre", { kind: "quarter", quarter: 3 }],
      ["3º trimestre de 2025", { kind: "quarter", quarter: 3, year: 2025 }],
      ["do dia 1 ao dia 15 de outubro de 2026", { kind: "between", start: "2026-10-01", end: "2026-10-15" }],
      ["desde setembro", { kind: "since", month: 9 }],
      ["a partir de 2026-09-01", { kind: "since", start: "2026-09-01" }],
    ]),
  )("%s", (text, expected) => {
    expect(spec(text)).toEqual(expected);
  });
});

describe("what it refuses", () => {
  it("lists examples for text it cannot read", () => {
    const error = failure("the good old days");
    expect(error.code).toBe("unrecognized_text");
    expect(error.message).toContain('"the good old days" is not a date range');
    expect(error.message).toContain('"last 30 days"');
  });

  it("asks for YYYY-MM-DD instead of guessing the order of 03/04/2026", () => {
    expect(failure("03/04/2026")).toMatchObject({ code: "ambiguous_text", message: expect.stringContaining("YYYY-MM-DD") as unknown });
  });

  it("asks for a year where months differ and none is given", () => {
    expect(failure("del 28 de diciembre al 3 de enero").code).toBe("ambiguous_text");
    expect(failure("desde el 1 de septiembre").code).toBe("ambiguous_text");
  });

  it("rejects impossible dates and counts", () => {
    expect(failure("2026-02-30").code).toBe("invalid_date");
    expect(failure("2026-10-01..2026-09-31").code).toBe("invalid_date");
    expect(failure("last 0 days")).toMatchObject({ code: "invalid_spec", message: expect.stringContaining("n must be at least 1") as unknown });
    expect(failure("q5").code).toBe("unrecognized_text");
  });

  it("describes the accepted forms for --help", () => {
    const help = describeRangeSyntax();
    for (const form of ["last 30 days", "mtd", "q3 2025", "2026-10-01..2026-10-15", "desde setembro", "mês passado"]) expect(help).toContain(form);
  });
});
