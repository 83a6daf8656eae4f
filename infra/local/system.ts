import { existsSync, mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { installClock } from "../../functions/adapters/clock";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { installNotificationChannel } from "../../functions/adapters/notify/installed-channel";
import { installWorkflowExecutions } from "../../functions/adapters/workflow/executions";
import { ROUTES } from "../../functions/http/route-catalogue";
import type { RunningService } from "./child-service";
import { DevRoutes } from "./dev-routes";
import { startDynamoDbLocal } from "./dynamodb-local";
import { createLocalServer } from "./http-server";
import { LocalIdentityProvider } from "./identity-provider";
import { NotificationSink } from "./notification-sink";
import { provisionBucket, provisionTable } from "./provision";
import { localResidentIdKey } from "./resident-id-key-file";
import { RouteMatcher } from "./route-matcher";
import { startS3Gateway } from "./s3-gateway";
import { startS3Local } from "./s3-local";
import { type SeedReport, seed } from "./seed";
import { LocalStreamConsumer } from "./stream-consumer";
import { VirtualClock } from "./virtual-clock";
import { LocalWorkflowRunner } from "./workflow-runner";

/** A fresh system starts at the opening of the seeded round, so a whole round can be walked. */
const SEEDED_ROUND_START = new Date("2024-09-01T00:00:00+08:00");

export const LOCAL_TABLE = "title-review";
export const LOCAL_BUCKET = "title-review-evidence";
/** The only key pair s3rver accepts; the gateway checks presigned POST policies against it. */
const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LocalSystemOptions {
  /** Folder for DynamoDB, S3, clock and key files; `.local/` for `npm start`. */
  dataDir: string;
  fresh?: boolean;
  port?: number;
  /** Use emulators that are already running (the test suite's), instead of starting our own. */
  endpoints?: { dynamodb: string; s3: string };
  tableName?: string;
  bucketName?: string;
  /** Where the notification sink writes its one line per message; the console by default. */
  notificationLog?: (line: string) => void;
}

export interface LocalSystem {
  url: string;
  clock: VirtualClock;
  seeded: SeedReport;
  workflows: LocalWorkflowRunner;
  /** What the notifier sent (SNS and SES in AWS), also at `GET /dev/outbox`. */
  notifications: NotificationSink;
  stop(): Promise<void>;
}

/**
 * Points the AWS SDK of every function at the local emulators through the SDK's own environment
 * variables, exactly where Lambda would give it its region and credentials (s3rver accepts only the
 * S3RVER key pair; DynamoDB Local accepts any).
 */
function configureEnvironment(
  endpoints: { dynamodb: string; s3: string },
  table: string,
  bucket: string,
  residentIdKey: string,
): void {
  Object.assign(process.env, {
    AWS_REGION: "cn-northwest-1",
    AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    S3_FORCE_PATH_STYLE: "true",
    TABLE_NAME: table,
    EVIDENCE_BUCKET: bucket,
    IDENTITY_PROVIDER: "local",
    RESIDENT_ID_KEY: residentIdKey,
    // Both channels end in the local sink.
    NOTIFICATION_CHANNELS: "sms,email",
  });
  process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  // Metrics are CloudWatch's (embedded metric format log lines): nothing reads them locally.
  process.env.POWERTOOLS_METRICS_DISABLED = "true";
}

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const table = options.tableName ?? LOCAL_TABLE;
  const bucket = options.bucketName ?? LOCAL_BUCKET;
  if (options.fresh) rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });

  // Stopped in reverse: the stream consumer before the emulators it reads.
  const started: Pick<RunningService, "stop">[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  try {
    let endpoints = options.endpoints;
    if (!endpoints) {
      const [dynamodb, s3] = await Promise.all([
        startDynamoDbLocal({ dataDir: join(options.dataDir, "dynamodb") }),
        startS3Local({ dataDir: join(options.dataDir, "s3") }),
      ]);
      started.push(dynamodb, s3);
      endpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint };
    }

    const clockFile = join(options.dataDir, "clock.json");
    const newData = !existsSync(clockFile);
    const clock = new VirtualClock(clockFile);
    if (newData) clock.set(SEEDED_ROUND_START);
    installClock(clock);
    // Presigned URLs expire by the virtual clock, as the answers that state their expiry (DESIGN.md §4).
    const gateway = await startS3Gateway({
      upstream: endpoints.s3,
      clock,
      credentials: LOCAL_S3_CREDENTIALS,
    });
    started.push(gateway);
    configureEnvironment(
      { dynamodb: endpoints.dynamodb, s3: gateway.endpoint },
      table,
      bucket,
      localResidentIdKey(options.dataDir),
    );

    const port = options.port ?? 3000;
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const dynamodb = new DynamoDBClient({});
    await provisionTable(dynamodb, table);
    await provisionBucket(new S3Client({ forcePathStyle: true }), bucket, origins);
    // The notifier runs as in AWS, fed by the table's stream; its channel is a sink instead of SNS/SES.
    const notifications = new NotificationSink(clock, options.notificationLog);
    installNotificationChannel(notifications);
    const consumer = new LocalStreamConsumer(dynamodb, table, notifications);
    await consumer.start();
    started.push(consumer);
    const workflows = new LocalWorkflowRunner();
    installWorkflowExecutions(workflows);
    // A new system's round is created as the office would have, just as its calendar begins.
    const seeded = await seed(newData ? SEEDED_ROUND_START : clock.now());
    // Calendars of the rounds a previous run created; a round created later starts its own.
    for (const round of await roundRepository.list()) {
      await workflows.startCalendar(round.roundId, round.calendarAttempt);
    }

    const idp = await LocalIdentityProvider.create("local-idp", join(options.dataDir, "idp-key.json"));
    const server = createLocalServer({
      matcher: new RouteMatcher(ROUTES),
      clock,
      idp,
      devRoutes: new DevRoutes(idp, clock, notifications, consumer),
    });
    await new Promise<void>((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolveListen());
    });
    const actualPort = (server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${actualPort}`;
    // Certificates printed locally carry a QR code that opens this server's verification page.
    process.env.CERTIFICATE_VERIFICATION_BASE_URL = url;
    return {
      url,
      clock,
      seeded,
      workflows,
      notifications,
      async stop() {
        workflows.stop();
        server.closeAllConnections();
        await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
