import { DomainError } from "../../functions/core/errors";

/** The domain's refusal of `run`; fails the test when `run` is allowed or throws anything else. */
export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal, but it was allowed");
}
