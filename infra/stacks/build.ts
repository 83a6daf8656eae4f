import type { App } from "aws-cdk-lib";
import { DataStack } from "./data-stack";
import { ServiceStack } from "./service-stack";

/** Both stacks, wired; shared by `cdk synth` and the infra tests so they test what is deployed. */
export function buildStacks(app: App): { data: DataStack; service: ServiceStack } {
  const uploadOrigins = (app.node.tryGetContext("uploadOrigins") as string | undefined)?.split(",") ?? [
    "https://zcps.example.gov.cn",
  ];
  const data = new DataStack(app, "TitleReviewData", { uploadOrigins });
  const service = new ServiceStack(app, "TitleReviewService", {
    table: data.table,
    evidenceBucket: data.evidenceBucket,
    userPool: data.userPool,
    userPoolClient: data.userPoolClient,
  });
  return { data, service };
}
