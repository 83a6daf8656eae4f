import * as z from "zod/mini";
import type { ApplicationEvent, ApplicationRecord } from "../../adapters/dynamodb/application-record";
import { formatShanghai, type RoundCalendar } from "../../core/calendar";
import {
  APPLICATION_STATES,
  type ApplicationState,
  availableActions,
  STATE_LABELS,
} from "../../core/lifecycle";
import { testDataFields, testDataOf } from "./test-data";
import { timelineSchema, timelineView } from "./timeline-view";

export const statusView = z
  .object({
    applicationId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int(),
    nextSteps: z.array(z.string()).check(z.describe("What the applicant must do now")),
    availableActions: z.array(z.string()),
    returnReason: z
      .optional(z.string())
      .check(z.describe("The latest return's reasons, to fix before resubmitting (R7.9)")),
    originalsRequired: z
      .optional(
        z.object({ items: z.array(z.string()), note: z.optional(z.string()), requiredAt: z.iso.datetime() }),
      )
      .check(
        z.describe("Originals the reviewing department asks to see (R4.3), and when and where to bring them"),
      ),
    timeline: timelineSchema,
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "ApplicationStatus" });

const RETURNED: readonly ApplicationState[] = ["returned_by_unit", "returned_by_department"];

function nextSteps(application: ApplicationRecord, calendar: RoundCalendar): string[] {
  const until = (deadline: Date) => `${formatShanghai(deadline)}（北京时间）前`;
  switch (application.state) {
    case "draft":
      return [
        "填写基础信息和五个部分，逐部分确认；上传每项所需材料并完成校验；签署诚信承诺书。",
        `检查清单为空后，在${until(calendar.application.to)}提交申报（R4.1）。`,
      ];
    case "returned_by_unit":
    case "returned_by_department":
      return ["按退回原因修改申报信息或材料（R7.9）。", `修改后在${until(calendar.review.to)}再次提交。`];
    case "submitted":
    case "unit_publicity":
      return ["等待所在单位审核、公示和推荐；如被退回，将在此显示退回原因。"];
    case "recommended":
    case "department_approved":
      return ["等待审核部门审核和评委会接收材料；期间请关注申报状态。"];
    case "withdrawn":
    case "expired":
    case "cancelled":
    case "qualification_failed":
    case "appraisal_failed":
    case "rejected":
      return ["本轮申报已结束。"];
    case "certified":
      return ["请在本人账号中下载打印电子证书（R4.6）。"];
    default:
      return ["材料已报送评委会，不能再修改或补充（R7.3）；请关注评审进展和结果公示。"];
  }
}

/** The state, what to do now, and every transition with its time, role and reason (issue #5 §6). */
export function toStatusView(
  application: ApplicationRecord,
  events: readonly ApplicationEvent[],
  calendar: RoundCalendar,
): z.input<typeof statusView> {
  const transitions = events.filter((event) => event.toState !== undefined);
  const lastReturn = RETURNED.includes(application.state)
    ? [...transitions].reverse().find((event) => event.toState === application.state)?.reason
    : undefined;
  return {
    applicationId: application.applicationId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    nextSteps: [
      ...(application.testData
        ? [
            `这是系统预准备期间的测试数据，将在${formatShanghai(calendar.preparation.to)}（北京时间）系统重置时清除；` +
              `正式申报请在${formatShanghai(calendar.application.from)}后重新创建（R3.3、R3.5）。`,
          ]
        : []),
      ...nextSteps(application, calendar),
    ],
    availableActions: availableActions(application.state, "applicant"),
    ...(lastReturn ? { returnReason: lastReturn } : {}),
    ...(application.originalsRequired
      ? {
          originalsRequired: {
            items: application.originalsRequired.items,
            ...(application.originalsRequired.note ? { note: application.originalsRequired.note } : {}),
            requiredAt: application.originalsRequired.requiredAt,
          },
        }
      : {}),
    timeline: timelineView(transitions),
    ...testDataOf(application),
  };
}
