import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTitleReviewClient, type TitleReviewClient } from "../../clients/typescript";
import { type LocalSystem, startLocalSystem } from "../../infra/local/system";
import { checkedFetch } from "./contract-validator";

/** The whole local runtime on a free port, over the suite's emulators, with its own table and bucket. */
export async function startTestSystem(): Promise<LocalSystem> {
  const endpoints = process.env.AWS_ENDPOINT_URL_DYNAMODB && process.env.TEST_S3_ENDPOINT;
  if (!endpoints) throw new Error("emulators are not running: the e2e project's global setup starts them");
  const id = randomUUID().slice(0, 8);
  return startLocalSystem({
    dataDir: mkdtempSync(join(tmpdir(), "title-review-e2e-")),
    port: 0,
    endpoints: {
      dynamodb: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? "",
      s3: process.env.TEST_S3_ENDPOINT ?? "",
    },
    tableName: `e2e-${id}`,
    bucketName: `e2e-${id}`,
    // Tests read the sink itself (GET /dev/outbox); its log lines would only crowd the output.
    notificationLog: () => undefined,
  });
}

export interface Client {
  get(path: string, token?: string): Promise<Response>;
  send(method: string, path: string, body: unknown, token?: string): Promise<Response>;
  login(username: string, password?: string): Promise<string>;
  /** The generated client (clients/typescript), for calls written against the contract's types. */
  typed(token?: string): TitleReviewClient;
  /** The round the helpers' paths speak of. */
  roundId: string;
}

/**
 * The end-to-end tests' way to the API. Every answer, through the raw helpers or the typed client, is
 * checked against the contract (test/support/contract-validator.ts) before the test sees it.
 */
export function client(system: LocalSystem): Client {
  const headers = (token?: string): Record<string, string> => ({
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const api: Client = {
    get: (path, token) => checkedFetch(new Request(`${system.url}${path}`, { headers: headers(token) })),
    send: (method, path, body, token) =>
      checkedFetch(
        new Request(`${system.url}${path}`, {
          method,
          headers: headers(token),
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      ),
    roundId: "2024",
    typed: (token) =>
      createTitleReviewClient({
        baseUrl: system.url,
        fetch: checkedFetch,
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      }),
    async login(username, password = "Gansu#2024demo") {
      const response = await api.send("POST", "/dev/login", { username, password });
      if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
  };
  return api;
}

/** The same API in another round: the helpers speak of 2024, as the seeded round. */
export function inRound(roundId: string, inner: Client): Client {
  const moved = (path: string) => path.replace(/^\/rounds\/2024\//, `/rounds/${roundId}/`);
  return {
    get: (path, token) => inner.get(moved(path), token),
    send: (method, path, body, token) => inner.send(method, moved(path), body, token),
    login: (username, password) => inner.login(username, password),
    typed: (token) => inner.typed(token),
    roundId,
  };
}
