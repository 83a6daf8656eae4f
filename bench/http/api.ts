/** A request the bench sends over HTTP, named for the API operation it is (the capacity table's rows). */
export interface ApiRequest {
  label: string;
  method: string;
  path: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** The status a success answers with, when it is not 200 (e.g. 201 for a creation). */
  expectStatus?: number;
}

export class ApiError extends Error {}

/**
 * A fetch client for the local runtime on loopback. `beforeEach` lets the capacity recorder put every
 * DynamoDB call under the operation that caused it.
 */
export class Api {
  beforeEach: (label: string) => void = () => undefined;

  constructor(readonly baseUrl: string) {}

  async raw(request: ApiRequest): Promise<Response> {
    this.beforeEach(request.label);
    return fetch(`${this.baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        "content-type": "application/json",
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  }

  /** The JSON answer, or an error naming the operation, when the status is not the expected one. */
  async json<T = Record<string, unknown>>(
    request: ApiRequest,
    status = request.expectStatus ?? 200,
  ): Promise<T> {
    const response = await this.raw(request);
    const text = await response.text();
    if (response.status !== status) {
      throw new ApiError(
        `${request.label}: ${request.method} ${request.path} answered ${response.status}: ${text}`,
      );
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(username: string, password: string): Promise<string> {
    const answer = await this.json<{ accessToken: string }>({
      label: "log in (local only)",
      method: "POST",
      path: "/dev/login",
      body: { username, password },
    });
    return answer.accessToken;
  }
}
