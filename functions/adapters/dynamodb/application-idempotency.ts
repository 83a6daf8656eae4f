import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Context } from "aws-lambda";
import { DomainError } from "../../core/errors";
import { clientSettings } from "../aws-clients";
import { tableName } from "./client";
import { TABLE_DESIGN } from "./table-design";

// Powertools takes a plain DynamoDB client, not the document client of client.ts.
const client = new DynamoDBClient(clientSettings("dynamodb"));

/** A stored answer is replayed for a day; a retry after that is an ordinary (refused) second request. */
const ANSWER_KEPT_SECONDS = 24 * 60 * 60;

export interface IdempotentRequest {
  /** The `Idempotency-Key` header the client sent. */
  key: string;
  applicationId: string;
  callerId: string;
  /** Reusing a key for another action is refused rather than answered with the first action's result. */
  action: string;
}

function failure(error: unknown): unknown {
  const name = (error as Error).name;
  if (name === "IdempotencyAlreadyInProgressError") {
    return new DomainError(
      "REQUEST_IN_PROGRESS",
      "相同的请求正在处理中，请稍候片刻后刷新查看申报状态，不要重复提交。",
    );
  }
  if (name === "IdempotencyValidationError") {
    return new DomainError(
      "IDEMPOTENCY_KEY_REUSED",
      "该 Idempotency-Key 已用于另一项操作，请为每次新的操作生成新的请求标识。",
      { fields: [{ path: "header.idempotency-key", message: "请求标识已被另一项操作使用" }] },
    );
  }
  return error;
}

/**
 * Runs `operation` once per idempotency key (Powertools idempotency on our single table): a retry with
 * the same key gets the first answer back and never runs the operation again; an operation that failed
 * leaves no record, so its retry runs afresh. Records sit in a partition of their application
 * (`IDEMPOTENCY#APP#<id>`), never in one hot partition, and the table's TTL removes them.
 */
export async function once<T>(
  request: IdempotentRequest,
  context: Context,
  operation: () => Promise<T>,
): Promise<T> {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: tableName(),
    keyAttr: TABLE_DESIGN.partitionKey,
    sortKeyAttr: TABLE_DESIGN.sortKey,
    staticPkValue: `IDEMPOTENCY#APP#${request.applicationId}`,
    expiryAttr: TABLE_DESIGN.timeToLiveAttribute,
    awsSdkV3Client: client,
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: "[callerId, key]",
    payloadValidationJmesPath: "action",
    expiresAfterSeconds: ANSWER_KEPT_SECONDS,
  });
  // An interrupted run frees the key when the invocation's time is up, not a day later.
  config.registerLambdaContext(context);
  const run = makeIdempotent(async (_request: IdempotentRequest) => operation(), {
    persistenceStore,
    config,
  });
  try {
    return await run(request);
  } catch (error) {
    throw failure(error);
  }
}
