export {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type ContactPreference,
  contactFields,
  contactPreferenceSchema,
  DEFAULT_CONTACT,
  EMAIL_MISSING,
  hasAddressForChannel,
  maskedAddress,
  type Route,
  routeFor,
} from "./contact";
export { shortened, withoutIdentifiers } from "./redaction";
export {
  dueReminders,
  nextReminderAt,
  noticeAlertFrom,
  REMINDER_DEFAULTS,
  REVIEW_CUTOFFS,
  type ReminderPoint,
  type ReminderSettings,
  type ReviewCutoff,
  reminderSettingsSchema,
  reviewCutoffOf,
} from "./reminders";
export {
  deadlineWords,
  type NotificationParams,
  type RenderedMessage,
  renderMessage,
  TEMPLATE_IDS,
  type TemplateId,
} from "./templates";
export {
  type NotificationIntent,
  notificationsFor,
  type Recipient,
  TRANSITION_NOTICES,
  type TransitionFacts,
} from "./transition-notices";
