import type { DefenseSlot } from "../../adapters/dynamodb/application-record";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { panelRepository } from "../../adapters/dynamodb/panel-repository";
import { formatShanghai } from "../../core/calendar";
import { DomainError, ruleViolation } from "../../core/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import { recordDefenseResult, scheduleDefense } from "../../http/routes/committee";
import { toReviewResult } from "../../http/views/review-view";
import { conflictWith } from "../../services/committee-roster";
import { actingAs } from "./desk";

export const defenseRoutes: BoundRoute[] = [
  /**
   * R4.5: the defense is open and before a subject panel; its time and place are set when announced
   * (另行通知), not before the defense date the round published. Members with a conflict of interest
   * are left out of this applicant's panel and the recusal is recorded (R8.2).
   */
  route(scheduleDefense, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const organiser = actingAs(actor, "organiser");
    const panel = await panelRepository.get(inScope.scope, body.panelId);
    if (!panel) {
      throw new DomainError("PANEL_NOT_FOUND", "未找到该学科组，请先创建学科组或从列表中选择。", {
        fields: [{ path: "body.panelId", message: "学科组不存在" }],
      });
    }
    const announced = inScope.calendar.defenseAt;
    if (announced !== undefined && body.at < announced) {
      throw ruleViolation(
        "R4.5",
        "DEFENSE_BEFORE_ANNOUNCED",
        `答辩时间不能早于已公布的答辩日期 ${formatShanghai(announced)}（北京时间）`,
        [{ path: "body.at", message: "早于公布的答辩时间" }],
      );
    }
    const appraisee = {
      applicationId: application.applicationId,
      applicantId: application.applicantId,
      unitId: application.unitId,
    };
    const conflicts = await Promise.all(
      panel.members.map(async (member) => ({
        member,
        conflict: await conflictWith(inScope.scope, member.accountId, appraisee),
      })),
    );
    const recused = conflicts.flatMap(({ member, conflict }) =>
      conflict ? [{ accountId: member.accountId, conflict }] : [],
    );
    const sitting = conflicts.flatMap(({ member, conflict }) => (conflict ? [] : [member.accountId]));
    if (sitting.length === 0) {
      throw ruleViolation("R8.2", "PANEL_ALL_RECUSED", "该学科组成员均须回避该申报人的答辩，请另选学科组。", [
        { path: "body.panelId", message: "成员均须回避" },
      ]);
    }
    const defense: DefenseSlot = {
      panelId: panel.panelId,
      panelName: panel.name,
      members: sitting,
      at: body.at.toISOString(),
      place: body.place,
      scheduledBy: organiser.id,
    };
    const scheduled = await applicationRepository.transition({
      application,
      action: "schedule_defense",
      actor: organiser,
      context: lifecycleContext(inScope, now),
      expectedVersion: body.expectedVersion,
      facts: { defense },
      detail: { panelId: panel.panelId, at: defense.at, place: defense.place, recused },
    });
    return {
      ...toReviewResult(scheduled),
      defense: {
        panelId: panel.panelId,
        panelName: panel.name,
        at: defense.at,
        place: defense.place,
        recused,
      },
    };
  }),

  /** R4.5: a panel member records the result once the applicant's defense has taken place. */
  route(recordDefenseResult, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const member = actingAs(actor, "panel_member");
    const defense = application.defense;
    if (application.state !== "defense" || defense === undefined) {
      throw new DomainError("DEFENSE_NOT_PENDING", "该申报不在待答辩状态，不能录入答辩结果。");
    }
    if (now < new Date(defense.at)) {
      throw ruleViolation(
        "R4.5",
        "DEFENSE_NOT_HELD",
        `该申报人的答辩定于${formatShanghai(new Date(defense.at))}（北京时间）举行，答辩后方可录入结果`,
      );
    }
    const result = {
      outcome: body.outcome,
      comments: body.comments,
      recordedBy: member.id,
      recordedAt: now.toISOString(),
    };
    const referred = await applicationRepository.transition({
      application,
      action: "refer_to_committee",
      actor: member,
      context: lifecycleContext(inScope, now),
      expectedVersion: body.expectedVersion,
      facts: { defense: { ...defense, result } },
      detail: { outcome: body.outcome },
    });
    return toReviewResult(referred);
  }),
];
