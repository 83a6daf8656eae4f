import * as z from "zod/mini";
import type { ApplicationEvent } from "../../adapters/dynamodb/application-record";
import { ACTION_LABELS, type Action, APPLICATION_STATES, STATE_LABELS } from "../../core/lifecycle";
import { ROLE_LABELS } from "../../core/roles";

/** One transition of an application, as the applicant and the reviewers see it (R7.9). */
export const timelineSchema = z.array(
  z.object({
    at: z.iso.datetime(),
    action: z.string(),
    actionLabel: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    org: z.optional(z.string()),
    fromState: z.optional(z.enum(APPLICATION_STATES)),
    toState: z.enum(APPLICATION_STATES),
    toStateLabel: z.string(),
    reason: z.optional(z.string()),
  }),
);

/** Events that changed the state, oldest first; edits without a state change are not transitions. */
export function timelineView(events: readonly ApplicationEvent[]): z.input<typeof timelineSchema> {
  return events.flatMap((event) =>
    event.toState === undefined
      ? []
      : [
          {
            at: event.at,
            action: event.action,
            actionLabel: event.action === "create" ? "创建申报" : ACTION_LABELS[event.action as Action],
            role: event.role,
            roleLabel: ROLE_LABELS[event.role],
            ...(event.org ? { org: event.org } : {}),
            ...(event.fromState ? { fromState: event.fromState } : {}),
            toState: event.toState,
            toStateLabel: STATE_LABELS[event.toState],
            ...(event.reason ? { reason: event.reason } : {}),
          },
        ],
  );
}
