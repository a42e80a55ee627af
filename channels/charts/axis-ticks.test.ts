import { describe, expect, it } from "vitest";
import { axisDomain, niceTicks, tickLabels } from "./axis-ticks.ts";

/** A step is round when it is 1, 2, 2.5 or 5 times a power of ten. */
function isRound(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5].some((round) => Math.abs(mantissa - round) < 1e-9);
}

describe("nice axis ticks", () => {
  it("cover the data with 4 to 6 evenly spaced round values", () => {
    expect(niceTicks(0, 619_346)).toEqual({ values: [0, 200_000, 400_000, 600_000, 800_000], step: 200_000 });
    expect(niceTicks(438_474, 619_346).values).toEqual([400_000, 450_000, 500_000, 550_000, 600_000, 650_000]);
    expect(niceTicks(0.021, 0.025).values).toEqual([0.021, 0.022, 0.023, 0.024, 0.025]);
    expect(niceTicks(0, 1).values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-3, 7).values).toEqual([-5, -2.5, 0, 2.5, 5, 7.5]);
  });

  it("hold for ranges of every size and sign", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const failures: string[] = [];
    for (let run = 0; run < 5_000; run++) {
      const scale = 10 ** Math.floor(random() * 12 - 4);
      const low = (random() - 0.3) * scale;
      const high = low + (random() + 1e-6) * scale;
      const { values, step } = niceTicks(low, high);
      const even = values.slice(1).every((value, index) => Math.abs(value - values[index]! - step) <= step * 1e-9);
      if (values.length < 4 || values.length > 6 || values[0]! > low || values.at(-1)! < high || !isRound(step) || !even) failures.push(`${low}..${high}: ${values.join(", ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("start positive amounts at zero unless that would squash the line, and give a flat line room", () => {
    expect(axisDomain([100, 400, 250])).toEqual({ low: 0, high: 400 });
    expect(axisDomain([438_474, 619_346])).toEqual({ low: 438_474, high: 619_346 });
    expect(axisDomain([-50, -10])).toEqual({ low: -50, high: 0 });
    expect(axisDomain([500, 500])).toEqual({ low: 0, high: 750 });
    expect(axisDomain([0, 0])).toEqual({ low: 0, high: 1 });
    expect(axisDomain([])).toEqual({ low: 0, high: 1 });
  });
});

describe("tick labels", () => {
  it("are compact, in the chart's locale and currency, and exact", () => {
    expect(tickLabels([0, 200_000, 400_000, 600_000], { unit: "money", currency: "MXN", locale: "es-MX" })).toEqual(["$0", "$200 k", "$400 k", "$600 k"]);
    expect(tickLabels([1_000_000, 1_250_000, 1_500_000], { unit: "money", currency: "BRL", locale: "pt-BR" })).toEqual(["R$ 1 mi", "R$ 1,25 mi", "R$ 1,5 mi"]);
    expect(tickLabels([0, 600_000, 1_200_000], { unit: "money", currency: "USD", locale: "en-US" })).toEqual(["$0", "$600K", "$1.2M"]);
    expect(tickLabels([0, 2_500, 5_000, 7_500], { unit: "count", currency: null, locale: "en-US" })).toEqual(["0", "2.5K", "5K", "7.5K"]);
    expect(tickLabels([0, 0.25, 0.45], { unit: "ratio", currency: null, locale: "en-US" })).toEqual(["0%", "25%", "45%"]);
  });

  it("use only characters the chart font draws", () => {
    // es-ES puts a no-break space before the euro sign; the font draws a plain space.
    expect(tickLabels([500_000, 1_000_000], { unit: "money", currency: "EUR", locale: "es-ES" })).toEqual(["500 mil €", "1 M €"]);
  });
});
