/** One benchmark figure: our measured value against a baseline measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  baseline: number;
  /** value/baseline for throughputs, baseline/value for latencies: above 1 means faster than the baseline. */
  ratio: number;
  unit: string;
  note?: string;
}

export function throughputFigure(name: string, value: number, baseline: number, unit: string, note?: string): Figure {
  return { name, value: round(value), baseline: round(baseline), ratio: round(value / baseline, 3), unit, ...(note ? { note } : {}) };
}

export function latencyFigure(name: string, value: number, baseline: number, unit: string, note?: string): Figure {
  return { name, value: round(value, 3), baseline: round(baseline, 3), ratio: round(baseline / value, 3), unit, ...(note ? { note } : {}) };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index]!;
}
