import type { App } from "aws-cdk-lib";
import { certificateSettings } from "./certificate-context";
import { DataStack } from "./data-stack";
import { notificationSettings } from "./notification-context";
import { evidenceWriterRoleNames, ServiceStack } from "./service-stack";

/** Both stacks, wired; shared by `cdk synth` and the infra tests so they test what is deployed. */
export function buildStacks(app: App): { data: DataStack; service: ServiceStack } {
  const uploadOrigins = (app.node.tryGetContext("uploadOrigins") as string | undefined)?.split(",") ?? [
    "https://zcps.example.gov.cn",
  ];
  const tableName = (app.node.tryGetContext("tableName") as string | undefined) ?? "title-review";
  const evidenceBucketName =
    (app.node.tryGetContext("evidenceBucketName") as string | undefined) ?? "gansu-title-review-evidence";
  const evidenceWriterRoles = evidenceWriterRoleNames(tableName);
  const data = new DataStack(app, "TitleReviewData", {
    uploadOrigins,
    tableName,
    evidenceBucketName,
    evidenceWriterRoles: Object.values(evidenceWriterRoles),
  });
  const service = new ServiceStack(app, "TitleReviewService", {
    tableName,
    tableStreamArn: data.table.tableStreamArn ?? "",
    evidenceBucketName,
    evidenceWriterRoles,
    userPool: data.userPool,
    userPoolClient: data.userPoolClient,
    residentIdKey: data.residentIdKey,
    certificates: certificateSettings(app),
    notifications: notificationSettings(app),
  });
  return { data, service };
}
