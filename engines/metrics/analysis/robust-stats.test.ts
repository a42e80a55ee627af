import { describe, expect, it } from "vitest";
import { clamp, linearRegression, lineAt, mad, mean, median, medianInPlace, quantile, safeDivide, stddev, sum, theilSen } from "./robust-stats.ts";

describe("robust-stats", () => {
  it("sums, averages and measures spread", () => {
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(mean([2, 4, 9])).toBe(5);
    expect(stddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(sum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it("returns neutral values on empty or tiny inputs, never NaN", () => {
    const results = [sum([]), mean([]), stddev([]), stddev([5]), median([]), mad([]), quantile([], 0.3)];
    expect(results).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(linearRegression([], [])).toEqual({ slope: 0, intercept: 0 });
    expect(theilSen([3, 3], [1, 5])).toEqual({ slope: 0, intercept: 3 });
  });

  it("interpolates quantiles linearly between order statistics (type 7)", () => {
    const xs = [10, 1, 4, 7];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile(xs, 0.5)).toBe(5.5);
    expect(quantile(xs, 0.25)).toBeCloseTo(3.25, 10);
    expect(quantile(xs, 0.9)).toBeCloseTo(9.1, 10);
    expect(quantile(xs, 2)).toBe(10);
  });

  it("medians and MAD ignore a gross outlier; MAD is scaled to σ", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 1000])).toBeCloseTo(1.4826, 4);
    expect(mad([5, 5, 5])).toBe(0);
  });

  it("fits lines: least squares exactly, Theil–Sen despite outliers", () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const ys = xs.map((x) => 3 + 2 * x);
    expect(linearRegression(xs, ys).slope).toBeCloseTo(2, 10);
    expect(linearRegression(xs, ys).intercept).toBeCloseTo(3, 10);
    const dirty = ys.map((y, i) => (i === 4 ? y + 500 : i === 7 ? y - 300 : y));
    const robust = theilSen(xs, dirty);
    expect(robust.slope).toBeCloseTo(2, 10);
    expect(lineAt(robust, 20)).toBeCloseTo(43, 10);
    expect(Math.abs(linearRegression(xs, dirty).slope - 2)).toBeGreaterThan(1);
  });

  it("clamps and divides safely", () => {
    expect(clamp(5, 0, 3)).toBe(3);
    expect(safeDivide(1, 0)).toBe(0);
    expect(safeDivide(6, 3)).toBe(2);
    expect(safeDivide(1, 0, -1)).toBe(-1);
  });

  it("the in-place quickselect median equals the sorted median on odd, even, tied and signed inputs", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    expect(medianInPlace(new Float64Array([]))).toBe(0);
    expect(medianInPlace(new Float64Array([5]))).toBe(5);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const tied = trial % 3 === 0;
      const values = Array.from({ length: n }, () => (tied ? Math.floor(random() * 4) : (random() - 0.5) * 1000));
      expect(medianInPlace(Float64Array.from(values))).toBe(median(values));
    }
  });
});
