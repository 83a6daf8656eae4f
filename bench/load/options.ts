/** What `npm run load` is asked to do: `npm run load -- --applicants 500 --faults`. */
export interface LoadOptions {
  applicants: number;
  faults: boolean;
  /** The harness stops by itself past this, whatever it is waiting for. */
  maxSeconds: number;
}

function numberAfter(
  args: readonly string[],
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const index = args.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} takes a whole number from ${min} to ${max}`);
  }
  return value;
}

export function parseLoadOptions(args: readonly string[]): LoadOptions {
  const known = new Set(["--applicants", "--faults", "--max-seconds"]);
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith("--") && !known.has(arg))
      throw new Error(`unknown option ${arg} (${[...known].join(", ")})`);
    if (!arg.startsWith("--") && !["--applicants", "--max-seconds"].includes(args[index - 1] ?? "")) {
      throw new Error(`unexpected argument ${arg}`);
    }
  }
  return {
    applicants: numberAfter(args, "--applicants", 200, 10, 5_000),
    faults: args.includes("--faults"),
    maxSeconds: numberAfter(args, "--max-seconds", 1_200, 60, 7_200),
  };
}
