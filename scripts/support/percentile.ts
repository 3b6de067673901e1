/** The p-th percentile of an ascending list by the nearest-rank method (p99 of 600 is the 594th); NaN when empty. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
