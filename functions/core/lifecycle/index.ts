export { ACTION_LABELS, ACTIONS, type Action } from "./actions";
export type { Actor, ApplicationSnapshot, LifecycleContext } from "./application";
export { applyAction, assertEditable, availableActions } from "./apply-action";
export { assertActionInTime } from "./deadlines";
export {
  APPLICATION_STATES,
  type ApplicationState,
  isEditable,
  RECEIVED_STATES,
  STATE_LABELS,
} from "./states";
export { TRANSITIONS, type Transition } from "./transitions";
