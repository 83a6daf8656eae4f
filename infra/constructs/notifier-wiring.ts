import { Annotations, ArnFormat, Duration, Stack, Validations } from "aws-cdk-lib";
import { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { OUTBOX_PREFIX, OUTBOX_STREAM_RETRIES } from "../../functions/adapters/dynamodb/outbox";
import { channelsOf, type NotificationSettings } from "../stacks/notification-context";
import type { HouseFunction } from "./house-function";

export interface NotifierWiringProps {
  notifier: HouseFunction;
  /** Functions that read which channels are offered (the contact-preference route). */
  readers: HouseFunction[];
  tableName: string;
  tableStreamArn: string;
  settings: NotificationSettings;
}

/** How often the stream retries a failed batch before it goes to the dead-letter queue. */
export const NOTIFIER_RETRY_ATTEMPTS = OUTBOX_STREAM_RETRIES;

/**
 * The notifier's wiring (DESIGN.md §7a): the table's stream, filtered to new outbox items, feeds it in small
 * batches; a failed record is retried (bisecting the batch, from the record that failed), then described
 * in the dead-letter queue; SMS by SNS and e-mail by SES are granted only when the deployment offers them.
 */
export class NotifierWiring extends Construct {
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: NotifierWiringProps) {
    super(scope, id);
    const { notifier, settings } = props;
    const stack = Stack.of(this);
    const channels = channelsOf(settings);
    for (const fn of [notifier, ...props.readers])
      fn.addEnvironment("NOTIFICATION_CHANNELS", channels.join(","));
    if (settings.emailSender) notifier.addEnvironment("NOTIFICATION_EMAIL_SENDER", settings.emailSender);

    this.deadLetters = new Queue(this, "DeadLetters", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: "AwsSolutions-SQS3",
      reason:
        "This queue is itself the dead-letter queue: the on-failure destination of the notifier's stream event source mapping.",
    });

    const table = TableV2.fromTableAttributes(this, "Records", {
      tableName: props.tableName,
      tableStreamArn: props.tableStreamArn,
    });
    notifier.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        parallelizationFactor: 5,
        retryAttempts: NOTIFIER_RETRY_ATTEMPTS,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual("INSERT"),
            dynamodb: { NewImage: { SK: { S: FilterRule.beginsWith(OUTBOX_PREFIX) } } },
          }),
        ],
      }),
    );
    if (notifier.role) {
      Validations.of(notifier.role).acknowledge({
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "dynamodb:ListStreams (reading the table's stream) and sns:Publish to a phone number (SMS) support no resource-level permissions.",
      });
    }

    if (settings.sms) {
      notifier.addToRolePolicy(new PolicyStatement({ actions: ["sns:Publish"], resources: ["*"] }));
    }
    if (settings.emailSender) {
      const identity = (name: string) =>
        stack.formatArn({
          service: "ses",
          resource: "identity",
          resourceName: name,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        });
      notifier.addToRolePolicy(
        new PolicyStatement({
          actions: ["ses:SendEmail"],
          resources: [identity(settings.emailSender), identity(settings.emailSender.split("@")[1] ?? "")],
        }),
      );
    } else {
      Annotations.of(stack).addWarningV2(
        "title-review:notifications-without-email",
        "E-mail notifications are off in this deployment: Amazon SES is not offered in every region. Set the " +
          "notificationEmailSender context (a sender address verified in SES) to offer e-mail; applicants can choose SMS only.",
      );
    }
    if (channels.length === 0) {
      Annotations.of(stack).addWarningV2(
        "title-review:notifications-off",
        "No notification channel is enabled (notificationSms is false and no notificationEmailSender): nobody is told of returns, decisions or reminders.",
      );
    }
  }
}
