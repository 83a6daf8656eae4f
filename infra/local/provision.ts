import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ProjectionType,
  ResourceNotFoundException,
  StreamViewType,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { keyAttributeNames, TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { EVIDENCE_CORS } from "../evidence-bucket-design";

const STREAM = { StreamEnabled: true, StreamViewType: StreamViewType[TABLE_DESIGN.streamView] };

/**
 * Creates the table from the same design CDK deploys, if it does not exist yet; a table kept from a run
 * before the stream existed gets its stream.
 */
export async function provisionTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!existing.Table?.StreamSpecification?.StreamEnabled) {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: STREAM }));
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      StreamSpecification: STREAM,
      AttributeDefinitions: keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: TABLE_DESIGN.partitionKey, KeyType: "HASH" },
        { AttributeName: TABLE_DESIGN.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: {
          ProjectionType:
            "keysOnly" in index && index.keysOnly ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
        },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
    }),
  );
}

export async function provisionBucket(client: S3Client, bucket: string, origins: string[]): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedMethods: [...EVIDENCE_CORS.allowedMethods],
            AllowedOrigins: origins,
            AllowedHeaders: EVIDENCE_CORS.allowedHeaders,
            MaxAgeSeconds: EVIDENCE_CORS.maxAgeSeconds,
          },
        ],
      },
    }),
  );
}
