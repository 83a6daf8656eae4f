import { Duration } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { Queue } from "aws-cdk-lib/aws-sqs";
import type { StateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import {
  METRIC_NAMES,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  ROUND_FIGURES,
} from "../../functions/adapters/metrics";
import type { HouseFunction } from "./house-function";

export interface OperationsProps {
  api: HttpApi;
  functions: Record<string, HouseFunction>;
  stateMachines: Record<string, StateMachine>;
  tableName: string;
  indexNames: readonly string[];
  notifier: HouseFunction;
  deadLetters: Queue;
  alerts: ITopic;
}

const FIVE_MINUTES = Duration.minutes(5);
/** A function whose slowest invocations come this close to its timeout is about to time out. */
export const DURATION_ALARM_SHARE = 0.8;
/** Above this share of 5xx answers (in %, over five minutes, with at least 20 requests) the API is failing. */
export const API_5XX_PERCENT = 1;
/** Notifications older than this on the stream are late (a reminder must arrive on its day). */
export const NOTIFIER_ITERATOR_AGE = Duration.minutes(15);

/**
 * The alarms and the dashboard of a deployment (DESIGN.md §7a, README "Runbook"): every alarm notifies the
 * alerts topic, and its runbook entry is named by its id. One dashboard shows the round's key figures next to
 * the API, the functions, the table, the workflows and the notifications.
 */
export class Operations extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const action = new SnsAction(props.alerts);
    const alarm = (alarmId: string, description: string, options: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, alarmId, {
        ...options,
        alarmDescription: `${description} Runbook: README, "Runbook", ${alarmId}.`,
        treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };

    // The API: the share of 5xx answers, once there is traffic enough to speak of a rate.
    const requests = props.api.metricCount({ period: FIVE_MINUTES, statistic: "Sum" });
    const serverErrors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: "Sum" });
    const errorRate = new MathExpression({
      expression: "IF(requests >= 20, 100 * errors / requests, 0)",
      usingMetrics: { requests, errors: serverErrors },
      period: FIVE_MINUTES,
      label: "5xx (%)",
    });
    alarm("Api5xxRate", `More than ${API_5XX_PERCENT}% of API requests answered 5xx over five minutes.`, {
      metric: errorRate,
      threshold: API_5XX_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });

    // Each function: errors, throttles, and slow invocations close to the timeout.
    for (const [name, fn] of Object.entries(props.functions)) {
      const label = `${name[0]?.toUpperCase()}${name.slice(1)}`;
      alarm(`${label}Errors`, `The ${name} function failed invocations.`, {
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
      alarm(`${label}Throttles`, `The ${name} function was throttled (concurrency exhausted).`, {
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
      const timeout = (fn.timeout ?? Duration.seconds(3)).toMilliseconds();
      alarm(`${label}DurationNearTimeout`, `The ${name} function's slowest invocations near its timeout.`, {
        metric: fn.metricDuration({ period: FIVE_MINUTES, statistic: "Maximum" }),
        threshold: Math.round(timeout * DURATION_ALARM_SHARE),
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    // The table and each index, reads and writes: on-demand tables throttle on hot partitions.
    const throttleMetrics: Record<string, IMetric> = {};
    const dimensionSets = [
      { TableName: props.tableName },
      ...props.indexNames.map((index) => ({ TableName: props.tableName, GlobalSecondaryIndexName: index })),
    ];
    dimensionSets.forEach((dimensionsMap, i) => {
      for (const metricName of ["ReadThrottleEvents", "WriteThrottleEvents"]) {
        throttleMetrics[`t${i}${metricName[0]}`] = new Metric({
          namespace: "AWS/DynamoDB",
          metricName,
          dimensionsMap,
          period: FIVE_MINUTES,
          statistic: "Sum",
        });
      }
    });
    const throttles = new MathExpression({
      expression: Object.keys(throttleMetrics).join(" + "),
      usingMetrics: throttleMetrics,
      period: FIVE_MINUTES,
      label: "Throttle events",
    });
    alarm("DynamoDbThrottles", "The table or one of its indexes throttled reads or writes.", {
      metric: throttles,
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });

    // The workflows: a failed or timed-out execution of the round calendar or a reset.
    for (const [name, machine] of Object.entries(props.stateMachines)) {
      alarm(`${name}ExecutionsFailed`, `An execution of the ${name} state machine failed or timed out.`, {
        metric: new MathExpression({
          expression: "failed + timedOut",
          usingMetrics: {
            failed: machine.metricFailed({ period: FIVE_MINUTES, statistic: "Sum" }),
            timedOut: machine.metricTimedOut({ period: FIVE_MINUTES, statistic: "Sum" }),
          },
          period: FIVE_MINUTES,
        }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    // Notifications: given up on (the dead-letter queue), late on the stream, or the workflow's reminders failing.
    const deadLettered = props.deadLetters.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: "Maximum",
    });
    alarm("NotifierDeadLetters", "Notifications were given up on after their retries.", {
      metric: deadLettered,
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    const iteratorAge = props.notifier.metric("IteratorAge", { period: FIVE_MINUTES, statistic: "Maximum" });
    alarm("NotifierIteratorAge", "Notifications wait on the stream: they are being delivered late.", {
      metric: iteratorAge,
      threshold: NOTIFIER_ITERATOR_AGE.toMilliseconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    const custom = (metricName: string, dimensionsMap: Record<string, string> = {}) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: METRICS_SERVICE, ...dimensionsMap },
        period: FIVE_MINUTES,
        statistic: "Sum",
      });
    alarm("RoundNotificationsFailed", "The round workflow could not write reminders or notice alerts.", {
      metric: custom(METRIC_NAMES.roundNotificationsFailed),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });

    this.dashboard = this.dashboardOf(props, {
      errorRate,
      requests,
      throttles,
      deadLettered,
      iteratorAge,
      custom,
    });
  }

  private dashboardOf(
    props: OperationsProps,
    metrics: {
      errorRate: IMetric;
      requests: IMetric;
      throttles: IMetric;
      deadLettered: IMetric;
      iteratorAge: IMetric;
      custom: (name: string, dimensions?: Record<string, string>) => Metric;
    },
  ): Dashboard {
    const roundFigure = (metricName: string, label: string) =>
      new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},RoundId,service} MetricName="${metricName}"', 'Maximum', 3600)`,
        usingMetrics: {},
        label,
        period: Duration.hours(1),
      });
    const perFunction = (metric: (fn: HouseFunction) => IMetric) =>
      Object.values(props.functions).map((fn) => metric(fn));
    const dashboard = new Dashboard(this, "Dashboard", { defaultInterval: Duration.days(7) });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          "# 职称申报评审 — 运行概况\nThe round's figures come from its calendar workflow (per round, hourly); " +
          "each alarm's runbook is in the README, section “Runbook”.",
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: "本轮申报：总数、已通过审核部门、评委会已接收、已发证",
        left: [
          roundFigure(ROUND_FIGURES.applications, "申报总数"),
          roundFigure(ROUND_FIGURES.departmentApproved, "审核部门已通过"),
          roundFigure(ROUND_FIGURES.received, "评委会已接收"),
          roundFigure(ROUND_FIGURES.certified, "已发证"),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: "待办：待单位审核推荐、待审核部门审核",
        left: [
          roundFigure(ROUND_FIGURES.waitingForUnit, "待单位"),
          roundFigure(ROUND_FIGURES.waitingForDepartment, "待审核部门"),
        ],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: "API requests",
        left: [metrics.requests],
        right: [metrics.errorRate],
        width: 8,
      }),
      new GraphWidget({
        title: "API latency (p50, p99)",
        left: [
          props.api.metricLatency({ statistic: "p50", period: FIVE_MINUTES }),
          props.api.metricLatency({ statistic: "p99", period: FIVE_MINUTES }),
        ],
        width: 8,
      }),
      new GraphWidget({ title: "DynamoDB throttle events", left: [metrics.throttles], width: 8 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: "Function errors",
        left: perFunction((fn) => fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" })),
        width: 8,
      }),
      new GraphWidget({
        title: "Function throttles",
        left: perFunction((fn) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" })),
        width: 8,
      }),
      new GraphWidget({
        title: "Function duration (max)",
        left: perFunction((fn) => fn.metricDuration({ period: FIVE_MINUTES, statistic: "Maximum" })),
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: "Notifications delivered (SMS, e-mail) and failed",
        left: [
          metrics.custom(METRIC_NAMES.notificationsDelivered, { Channel: "sms" }),
          metrics.custom(METRIC_NAMES.notificationsDelivered, { Channel: "email" }),
          metrics.custom(METRIC_NAMES.notificationsFailed),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: "Notifier: dead letters, stream age",
        left: [metrics.deadLettered],
        right: [metrics.iteratorAge],
        width: 8,
      }),
      new GraphWidget({
        title: "Workflow executions failed",
        left: Object.values(props.stateMachines).map((machine) =>
          machine.metricFailed({ period: FIVE_MINUTES, statistic: "Sum" }),
        ),
        width: 8,
      }),
    );
    dashboard.addWidgets(new AlarmStatusWidget({ title: "Alarms", alarms: this.alarms, width: 24 }));
    return dashboard;
  }
}
