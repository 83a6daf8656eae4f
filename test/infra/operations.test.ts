import { App } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { METRIC_NAMES, ROUND_FIGURES } from "../../functions/adapters/metrics";
import { NOTIFIER_RETRY_ATTEMPTS } from "../../infra/constructs/notifier-wiring";
import { DURATION_ALARM_SHARE, NOTIFIER_ITERATOR_AGE } from "../../infra/constructs/operations";
import { notificationSettings } from "../../infra/stacks/notification-context";
import { buildTestApp } from "./app";

// biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
type Resource = { [key: string]: any };

/** Variants of the deployment's context are synthesized without bundling the functions again. */
const NO_BUNDLING = { "aws:cdk:bundling-stacks": [] };

let data: Template;
let service: Template;
let built: ReturnType<typeof buildTestApp>;

beforeAll(() => {
  built = buildTestApp(NO_BUNDLING);
  data = Template.fromStack(built.data);
  service = Template.fromStack(built.service);
});

const byId = (template: Template, type: string) => template.findResources(type) as Record<string, Resource>;
const functionId = (description: string) =>
  Object.entries(byId(service, "AWS::Lambda::Function")).find(([, fn]) =>
    String(fn.Properties.Description).startsWith(description),
  )?.[0];
const alarms = () => byId(service, "AWS::CloudWatch::Alarm");
const alarmNamed = (id: string) => {
  const found = Object.entries(alarms()).find(([logicalId]) => logicalId.startsWith(`Operations${id}`));
  if (!found) throw new Error(`no alarm ${id}: ${Object.keys(alarms()).join(", ")}`);
  return found[1].Properties;
};
/** The metrics an alarm reads, by name, from a single metric or every metric of its math expression. */
const metricsOf = (alarm: Resource): Resource[] =>
  alarm.Metrics
    ? alarm.Metrics.filter((query: Resource) => query.MetricStat).map(
        (query: Resource) => query.MetricStat.Metric,
      )
    : [{ MetricName: alarm.MetricName, Namespace: alarm.Namespace, Dimensions: alarm.Dimensions }];

describe("the outbox's stream and the notifier (DESIGN.md §7a)", () => {
  it("the table streams new images", () => {
    data.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      StreamSpecification: { StreamViewType: "NEW_IMAGE" },
    });
  });

  it("feeds only new outbox items to the notifier, retries a failed record a few times, bisecting, then sends it to the dead-letter queue", () => {
    const notifier = functionId("Delivers notifications");
    const mappings = Object.values(byId(service, "AWS::Lambda::EventSourceMapping"));
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]?.Properties;
    expect(mapping).toMatchObject({
      FunctionName: { Ref: notifier },
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 10,
      MaximumRetryAttempts: NOTIFIER_RETRY_ATTEMPTS,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      MaximumRecordAgeInSeconds: 86_400,
    });
    expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ["INSERT"],
      dynamodb: { NewImage: { SK: { S: [{ prefix: "OUTBOX#" }] } } },
    });
    const [queueId] = Object.keys(byId(service, "AWS::SQS::Queue"));
    expect(mapping.DestinationConfig.OnFailure.Destination).toEqual({ "Fn::GetAtt": [queueId, "Arn"] });
    // The stream's ARN comes from the data stack: it carries a timestamp, so it cannot be built from a name.
    expect(JSON.stringify(mapping.EventSourceArn)).toContain("ImportValue");
  });

  it("the dead-letter queue is encrypted, SSL only, and keeps a message 14 days", () => {
    service.resourceCountIs("AWS::SQS::Queue", 1);
    service.hasResourceProperties("AWS::SQS::Queue", {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    const policies = Object.values(byId(service, "AWS::SQS::QueuePolicy"));
    expect(JSON.stringify(policies)).toContain("aws:SecureTransport");
  });

  it("the notifier and the contact-preference route know the channels offered; SMS by SNS is granted, SES is not without a sender", () => {
    const functions = byId(service, "AWS::Lambda::Function");
    for (const description of ["Delivers notifications", "Applicant API"]) {
      expect(functions[functionId(description) ?? ""]?.Properties.Environment.Variables).toMatchObject({
        NOTIFICATION_CHANNELS: "sms",
      });
    }
    const actions = JSON.stringify(byId(service, "AWS::IAM::Policy"));
    expect(actions).toContain("sns:Publish");
    expect(actions).not.toContain("ses:SendEmail");
  });

  it("a deployment without SES says so at synth; with a sender, e-mail is offered and SES granted on that identity only", () => {
    Annotations.fromStack(built.service).hasWarning(
      "*",
      Match.stringLikeRegexp("E-mail notifications are off in this deployment"),
    );
    const withEmail = buildTestApp({ ...NO_BUNDLING, notificationEmailSender: "zcps@mail.gansu.gov.cn" });
    const template = Template.fromStack(withEmail.service);
    expect(
      Annotations.fromStack(withEmail.service).findWarning(
        "*",
        Match.stringLikeRegexp("E-mail notifications are off"),
      ),
    ).toEqual([]);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          NOTIFICATION_CHANNELS: "sms,email",
          NOTIFICATION_EMAIL_SENDER: "zcps@mail.gansu.gov.cn",
        }),
      },
    });
    const statements = Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
      (policy: Resource) => policy.Properties.PolicyDocument.Statement,
    );
    const ses = statements.filter((statement: Resource) => statement.Action === "ses:SendEmail");
    expect(ses).toHaveLength(1);
    expect(JSON.stringify(ses[0].Resource)).toContain("identity/zcps@mail.gansu.gov.cn");
    expect(JSON.stringify(ses[0].Resource)).toContain("identity/mail.gansu.gov.cn");
  });

  it.each([
    [{ notificationSms: "maybe" }, /notificationSms must be true or false/],
    [{ notificationEmailSender: "zcps at gansu" }, /is not an e-mail address/],
  ])("refuses the context %j at synth", (context, message) => {
    expect(() => notificationSettings(new App({ context }))).toThrow(message);
  });

  it("reads SMS off and an empty sender as no channel, and a deployment without any channel says so at synth", () => {
    expect(
      notificationSettings(new App({ context: { notificationSms: "false", notificationEmailSender: " " } })),
    ).toEqual({ sms: false });
    expect(
      Annotations.fromStack(built.service).findWarning(
        "*",
        Match.stringLikeRegexp("No notification channel"),
      ),
    ).toEqual([]);
    const silent = buildTestApp({ ...NO_BUNDLING, notificationSms: false });
    Annotations.fromStack(silent.service).hasWarning(
      "*",
      Match.stringLikeRegexp("No notification channel is enabled"),
    );
    const statements = Object.values(
      Template.fromStack(silent.service).findResources("AWS::IAM::Policy"),
    ).flatMap((policy: Resource) => policy.Properties.PolicyDocument.Statement);
    // SMS is the only publish to any target ("*"); the workflow's alerts go to their one topic.
    const smsGrant = (statement: Resource) =>
      [statement.Action].flat().includes("sns:Publish") && statement.Resource === "*";
    expect(statements.filter(smsGrant)).toEqual([]);
    expect(
      Object.values(service.findResources("AWS::IAM::Policy"))
        .flatMap((policy: Resource) => policy.Properties.PolicyDocument.Statement)
        .filter(smsGrant),
    ).toHaveLength(1);
  });
});

describe("alarms, to the alerts topic, and one dashboard", () => {
  it("every alarm notifies the alerts topic", () => {
    const [topicId] = Object.keys(byId(service, "AWS::SNS::Topic"));
    expect(Object.keys(alarms()).length).toBeGreaterThanOrEqual(30);
    for (const [id, alarm] of Object.entries(alarms())) {
      expect([id, alarm.Properties.AlarmActions]).toEqual([id, [{ Ref: topicId }]]);
      expect(alarm.Properties.AlarmDescription).toContain("Runbook");
    }
    // CloudWatch may use the topic's key to publish.
    const [key] = Object.values(byId(service, "AWS::KMS::Key"));
    expect(JSON.stringify(key?.Properties.KeyPolicy)).toContain("cloudwatch.amazonaws.com");
  });

  it("alarms on the API's 5xx rate, counted only with traffic", () => {
    const alarm = alarmNamed("Api5xxRate");
    expect(alarm.Threshold).toBe(1);
    const expression = alarm.Metrics.find((query: Resource) => query.Expression)?.Expression;
    expect(expression).toBe("IF(requests >= 20, 100 * errors / requests, 0)");
    expect(
      metricsOf(alarm)
        .map((metric) => metric.MetricName)
        .sort(),
    ).toEqual(["5xx", "Count"]);
  });

  it("alarms on each function's errors, throttles, and maximum duration at 80% of its timeout", () => {
    const functions = byId(service, "AWS::Lambda::Function");
    expect(Object.keys(functions)).toHaveLength(8);
    for (const [logicalId, fn] of Object.entries(functions)) {
      const reading = (metricName: string) =>
        Object.values(alarms()).filter(
          (alarm) =>
            alarm.Properties.MetricName === metricName &&
            JSON.stringify(alarm.Properties.Dimensions) ===
              JSON.stringify([{ Name: "FunctionName", Value: { Ref: logicalId } }]),
        );
      expect(reading("Errors"), logicalId).toHaveLength(1);
      expect(reading("Throttles"), logicalId).toHaveLength(1);
      const [duration] = reading("Duration");
      expect(duration?.Properties).toMatchObject({
        Statistic: "Maximum",
        Threshold: Math.round(fn.Properties.Timeout * 1000 * DURATION_ALARM_SHARE),
      });
    }
  });

  it("alarms on throttled reads and writes of the table and of every index", () => {
    const dimensions = metricsOf(alarmNamed("DynamoDbThrottles")).map((metric) =>
      Object.fromEntries(metric.Dimensions.map((d: Resource) => [d.Name, d.Value])),
    );
    const expected = [
      { TableName: "title-review" },
      ...TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        TableName: "title-review",
        GlobalSecondaryIndexName: index.indexName,
      })),
    ];
    expect(dimensions).toHaveLength(expected.length * 2);
    for (const set of expected) {
      expect(
        dimensions.filter(
          (d) => JSON.stringify(d, Object.keys(d).sort()) === JSON.stringify(set, Object.keys(set).sort()),
        ),
      ).toHaveLength(2);
    }
  });

  it("alarms on failed executions of both state machines", () => {
    for (const name of ["RoundCalendar", "RoundReset"]) {
      expect(
        metricsOf(alarmNamed(`${name}ExecutionsFailed`))
          .map((metric) => metric.MetricName)
          .sort(),
      ).toEqual(["ExecutionsFailed", "ExecutionsTimedOut"]);
    }
  });

  it("alarms on the notifier's dead-letter queue, on late notifications and on failing reminders", () => {
    const [queueId] = Object.keys(byId(service, "AWS::SQS::Queue"));
    const dlq = alarmNamed("NotifierDeadLetters");
    expect(dlq).toMatchObject({ MetricName: "ApproximateNumberOfMessagesVisible", Threshold: 1 });
    expect(dlq.Dimensions).toEqual([{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }]);
    expect(alarmNamed("NotifierIteratorAge")).toMatchObject({
      MetricName: "IteratorAge",
      Threshold: NOTIFIER_ITERATOR_AGE.toMilliseconds(),
    });
    expect(alarmNamed("RoundNotificationsFailed")).toMatchObject({
      Namespace: "TitleReview",
      MetricName: METRIC_NAMES.roundNotificationsFailed,
    });
  });

  it("has one dashboard with the round's key figures beside the API, functions, table, workflows and notifications", () => {
    const dashboards = Object.values(byId(service, "AWS::CloudWatch::Dashboard"));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const figure of Object.values(ROUND_FIGURES))
      expect(body).toContain(`MetricName=\\\\\\"${figure}\\\\\\"`);
    for (const name of [
      "5xx",
      "ReadThrottleEvents",
      "ExecutionsFailed",
      METRIC_NAMES.notificationsDelivered,
      "IteratorAge",
    ]) {
      expect(body).toContain(name);
    }
    expect(body).toContain("alarm");
  });
});
