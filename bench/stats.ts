/** Order statistics over samples. Every figure is a median over runs, with the spread beside it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error("no samples");
  return [...samples].sort((a, b) => a - b);
}

/** The nearest-rank percentile (p in 0..100): always one of the samples, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  const ordered = sorted(samples);
  const rank = Math.min(ordered.length, Math.max(1, Math.ceil((p / 100) * ordered.length)));
  return ordered[rank - 1] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  const ordered = sorted(samples);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? (ordered[middle] ?? Number.NaN)
    : ((ordered[middle - 1] ?? Number.NaN) + (ordered[middle] ?? Number.NaN)) / 2;
}

export function spread(samples: readonly number[]): Spread {
  const ordered = sorted(samples);
  return {
    median: median(ordered),
    min: ordered[0] ?? Number.NaN,
    max: ordered[ordered.length - 1] ?? Number.NaN,
    runs: ordered.length,
  };
}

/** A small deterministic generator, so that shuffles and simulations repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Milliseconds since `start` (from performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}
