import { Metrics } from "@aws-lambda-powertools/metrics";

/**
 * Custom metrics, written as CloudWatch embedded metric format (EMF) log lines by Powertools, which
 * CloudWatch turns into metrics without any API call. The dashboard and the alarms (infra/constructs/
 * operations.ts) read these names. The local runtime turns them off (POWERTOOLS_METRICS_DISABLED).
 */
export const METRICS_NAMESPACE = "TitleReview";
/** Every custom metric carries this as its `service` dimension, whichever function wrote it. */
export const METRICS_SERVICE = "title-review";

export const METRIC_NAMES = {
  notificationsDelivered: "NotificationsDelivered",
  notificationsFailed: "NotificationsFailed",
  roundNotificationsFailed: "RoundNotificationsFailed",
} as const;

/** The round's key figures, published by its calendar workflow, one per dimension `RoundId`. */
export const ROUND_FIGURES = {
  applications: "Applications",
  waitingForUnit: "WaitingForUnit",
  waitingForDepartment: "WaitingForDepartment",
  departmentApproved: "DepartmentApproved",
  received: "Received",
  certified: "Certified",
} as const;

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
