import { expect } from "vitest";
import { json } from "./applicant";
import { tableSnapshot } from "./table-snapshot";

/** The error body every refusal answers (the one error mapper's). */
export interface Refusal {
  code: string;
  rule?: string;
  message: string;
  fields?: { path: string; message: string }[];
}

/** A refused request answers its status, code and rule, and leaves every item of the table as it was. */
export async function refusedWithoutTrace(
  send: () => Promise<Response>,
  status: number,
  code: string,
  rule?: string,
): Promise<Refusal> {
  const before = await tableSnapshot();
  const body = await json<Refusal>(await send(), status);
  expect(body.code).toBe(code);
  if (rule) expect(body.rule).toBe(rule);
  expect(await tableSnapshot()).toEqual(before);
  return body;
}

/** Polls until `probe` holds: the local workflow acts on a moved clock within its poll, not at once. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}
