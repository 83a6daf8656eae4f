import createClient, { type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, operations, paths } from "./schema";

/** The JSON body of every error answer: a stable `code`, a Chinese `message`, the rule and the fields. */
export type ApiError = components["schemas"]["Error"];

/**
 * A client of the API typed from its OpenAPI document: paths, parameters, bodies and answers (errors
 * included, per status) are checked by the compiler.
 *
 * ```ts
 * const api = createTitleReviewClient({ baseUrl: "https://…", headers: { authorization: `Bearer ${token}` } });
 * const { data, error, response } = await api.GET("/rounds/{roundId}", { params: { path: { roundId: "2024" } } });
 * ```
 */
export function createTitleReviewClient(options: ClientOptions) {
  return createClient<paths>(options);
}

export type TitleReviewClient = ReturnType<typeof createTitleReviewClient>;
