import type { Api } from "./http/api";
import { type Draft, readyToSubmit } from "./http/applicant-journey";

/** Drafts that lack only the submission, prepared a few at a time over HTTP. */
export async function prepareDrafts(api: Api, prefix: string, count: number, inFlight = 4): Promise<Draft[]> {
  const drafts: Draft[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      drafts.push(await readyToSubmit(api, `${prefix}-${next}`));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return drafts;
}
