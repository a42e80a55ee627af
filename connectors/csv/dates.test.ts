import { describe, expect, it } from "vitest";
import type { Result } from "../../lib/result.ts";
import { DateEvidence, InstantResolver, parseDateParts, type DateFormat } from "./dates.ts";

/** The error of a failed Result, or a marker that makes the assertion fail. */
function failure(result: Result<unknown, string>): string {
  return result.ok ? "(succeeded)" : result.error;
}

function instant(text: string, format: DateFormat, timeZone: string): string {
  const parts = parseDateParts(text, format);
  if (!parts.ok) throw new Error(`${text}: ${parts.error}`);
  return new InstantResolver(timeZone).toDate(parts.value).toISOString();
}

describe("date parsing", () => {
  it("reads ISO dates, with or without time, fraction and offset", () => {
    expect(instant("2024-03-05", "iso", "UTC")).toBe("2024-03-05T00:00:00.000Z");
    expect(instant("2024-03-05T14:22:10Z", "iso", "America/Mexico_City")).toBe("2024-03-05T14:22:10.000Z");
    expect(instant("2024-03-05T14:22:10.5+02:00", "iso", "UTC")).toBe("2024-03-05T12:22:10.500Z");
    expect(instant("2024-03-05 14:22:10 -0600", "iso", "UTC")).toBe("2024-03-05T20:22:10.000Z"); // Shopify
    expect(instant("2024-3-5 9:05", "iso", "UTC")).toBe("2024-03-05T09:05:00.000Z");
  });

  it("takes naive times as wall-clock time in the workspace zone, and a bare date as local midnight", () => {
    expect(instant("2024-03-05", "iso", "America/Mexico_City")).toBe("2024-03-05T06:00:00.000Z");
    expect(instant("2024-01-15 09:30", "iso", "America/New_York")).toBe("2024-01-15T14:30:00.000Z");
    expect(instant("2024-07-15 09:30", "iso", "America/New_York")).toBe("2024-07-15T13:30:00.000Z"); // daylight time
    expect(instant("2024-03-10 02:30", "iso", "America/New_York")).toBe("2024-03-10T07:30:00.000Z"); // skipped hour → moved forward
    expect(instant("2024-11-03 01:30", "iso", "America/New_York")).toBe("2024-11-03T05:30:00.000Z"); // repeated hour → first one
  });

  it("reads D/M/Y, M/D/Y and Y/M/D with any of / . - and an optional time or AM/PM", () => {
    expect(instant("05/03/2024", "dmy", "UTC")).toBe("2024-03-05T00:00:00.000Z");
    expect(instant("5.3.2024 14:30", "dmy", "UTC")).toBe("2024-03-05T14:30:00.000Z");
    expect(instant("03/05/2024", "mdy", "UTC")).toBe("2024-03-05T00:00:00.000Z");
    expect(instant("11/8/2016 2:05:09 PM", "mdy", "UTC")).toBe("2016-11-08T14:05:09.000Z");
    expect(instant("11/8/2016 12:00 am", "mdy", "UTC")).toBe("2016-11-08T00:00:00.000Z");
    expect(instant("2024/03/05", "ymd", "UTC")).toBe("2024-03-05T00:00:00.000Z");
    expect(instant("2024/03/05", "dmy", "UTC")).toBe("2024-03-05T00:00:00.000Z"); // year first is never ambiguous
    expect(instant("05-03-24", "dmy", "UTC")).toBe("2024-03-05T00:00:00.000Z");
    expect(instant("05-03-99", "dmy", "UTC")).toBe("1999-03-05T00:00:00.000Z");
  });

  it("rejects impossible or unreadable dates with a reason", () => {
    expect(parseDateParts("31/02/2024", "dmy")).toEqual({ ok: false, error: "the day does not exist in that month" });
    expect(parseDateParts("13/13/2024", "dmy").ok).toBe(false);
    expect(parseDateParts("2024-02-30", "iso").ok).toBe(false);
    expect(parseDateParts("2024-03-05 25:00", "iso")).toEqual({ ok: false, error: "the time is not valid" });
    expect(failure(parseDateParts("05/03/2024", "iso"))).toContain("not an ISO date");
    expect(parseDateParts("ayer", "dmy")).toEqual({ ok: false, error: "not a date (expected day/month/year)" });
    expect(parseDateParts("", "dmy")).toEqual({ ok: false, error: "the date is empty" });
    expect(parseDateParts("13:00 2024-03-05", "iso").ok).toBe(false);
  });
});

describe("date format detection", () => {
  const detect = (values: readonly string[]) => {
    const evidence = new DateEvidence();
    values.forEach((value, i) => evidence.add(value, i + 1));
    return evidence.resolve();
  };

  it("finds day-first or month-first from any part above 12, anywhere in the file", () => {
    expect(detect(["01/02/2024", "03/04/2024", "25/04/2024"])).toEqual({ ok: true, value: "dmy" });
    expect(detect(["11/8/2016", "6/9/2014", "6/14/2014"])).toEqual({ ok: true, value: "mdy" });
    expect(detect(["2024-03-05", "2024-03-06T10:00:00Z"])).toEqual({ ok: true, value: "iso" });
    expect(detect(["2024/03/05"])).toEqual({ ok: true, value: "ymd" });
  });

  it("asks for --date-format when no value decides, or when values disagree", () => {
    const ambiguous = detect(["01/02/2024", "03/04/2024"]);
    expect(ambiguous.ok).toBe(false);
    if (!ambiguous.ok) {
      expect(ambiguous.error).toContain("--date-format dmy");
      expect(ambiguous.error).toContain('"01/02/2024" (row 1)');
    }
    const mixed = detect(["13/01/2024", "01/13/2024"]);
    expect(failure(mixed)).toContain("disagree");
  });
});
