import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "./decode.ts";
import { CsvTokenizer, UnterminatedQuoteError } from "./tokenizer.ts";

function tokenize(text: string, delimiter = ",", chunkSize = Infinity): [string[], number][] {
  const records: [string[], number][] = [];
  const tokenizer = new CsvTokenizer(delimiter, (fields, line) => records.push([fields, line]));
  if (chunkSize === Infinity) tokenizer.push(text);
  else for (let i = 0; i < text.length; i += chunkSize) tokenizer.push(text.slice(i, i + chunkSize));
  tokenizer.end();
  return records;
}

describe("CSV tokenizer", () => {
  it("splits fields, honours quotes and escaped quotes, and numbers physical lines", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"multi\r\nline",z\r\n\r\n3,,\r\n';
    expect(tokenize(text)).toEqual([
      [["a", "b", "c"], 1],
      [["1", "x, y", 'say "hi"'], 2],
      [["2", "multi\nline", "z"], 3],
      [["3", "", ""], 6],
    ]);
  });

  it("gives the same records whatever the chunk boundaries (CR/LF split, quotes split)", () => {
    const text = 'h1;h2\r\n"a;""b""\r\nc";2\r\nlast;"1"\rold;mac\nno;newline';
    const whole = tokenize(text, ";");
    for (const size of [1, 2, 3, 5, 7]) expect(tokenize(text, ";", size)).toEqual(whole);
    expect(whole.map(([, line]) => line)).toEqual([1, 2, 4, 5, 6]);
    expect(whole[1]![0]).toEqual(['a;"b"\nc', "2"]);
  });

  it("is lenient like spreadsheets: stray quotes inside unquoted fields are literal", () => {
    expect(tokenize('x,5 3/6” x 11",y\n')).toEqual([[["x", '5 3/6” x 11"', "y"], 1]]);
    expect(tokenize('"quoted"tail,b\n')).toEqual([[["quotedtail", "b"], 1]]);
  });

  it("reports a quote that is never closed with the line it opened on", () => {
    expect(() => tokenize('a,b\n1,"open\n2,3\n')).toThrow(UnterminatedQuoteError);
    try {
      tokenize('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect(error instanceof UnterminatedQuoteError && error.line).toBe(2);
    }
  });
});

describe("CSV tokenizer against csv-parse", () => {
  /** A small deterministic generator (mulberry32), so a failure reproduces. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = ["a", "Ñandú", "1.234,56", " ", ",", ";", '"', "\n", "\r\n", "“x”", "é"];

  it("agrees on random well-formed files, whatever the chunking and line ends", () => {
    const next = random(42);
    for (let round = 0; round < 200; round++) {
      const delimiter = next() < 0.5 ? "," : ";";
      const newline = next() < 0.5 ? "\n" : "\r\n";
      const columns = 1 + Math.floor(next() * 4);
      const records: string[][] = [];
      for (let r = 0; r < 1 + Math.floor(next() * 6); r++) {
        const record: string[] = [];
        for (let c = 0; c < columns; c++) {
          let value = "";
          for (let k = Math.floor(next() * 4); k > 0; k--) value += pieces[Math.floor(next() * pieces.length)];
          record.push(value);
        }
        // A record of one empty field is a blank line, which both parsers skip.
        if (!(columns === 1 && record[0] === "")) records.push(record);
      }
      const quote = (value: string) => (/[",;\r\n]/.test(value) || value === "" ? `"${value.replaceAll('"', '""')}"` : value);
      const text = records.map((record) => record.map(quote).join(delimiter)).join(newline) + (next() < 0.5 ? newline : "");
      const expected = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
      const normalized = expected.map((record) => record.map((value) => value.replace(/\r\n/g, "\n")));
      const chunk = 1 + Math.floor(next() * 9);
      expect(tokenize(text, delimiter, chunk).map(([fields]) => fields), `round ${round}: ${JSON.stringify(text)}`).toEqual(normalized);
    }
  });
});

describe("delimiter sniffing", () => {
  it("picks the delimiter that splits records consistently", () => {
    expect(sniffDelimiter("a,b,c\n1,2,3\n", true)).toBe(",");
    expect(sniffDelimiter("Pedido;Valor;Frete\nBR-1;1.234,56;15,90\nBR-2;9,90;0\n", true)).toBe(";");
    expect(sniffDelimiter("a\tb\n1\t2,5\n", true)).toBe("\t");
    expect(sniffDelimiter('Name,Notes\n#1,"a; b; c"\n', true)).toBe(",");
  });
});
