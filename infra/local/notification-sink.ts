import type { Clock } from "../../functions/adapters/clock";
import type { NotificationChannel, OutgoingMessage } from "../../functions/adapters/notify/channel";
import { CHANNEL_LABELS, maskedAddress } from "../../functions/core/notifications";

/** A message as the local sink received it: what the person would have read, and where it would have gone. */
export interface SunkMessage {
  outboxId: string;
  accountId: string;
  channel: OutgoingMessage["channel"];
  /** Masked: the sink is read by developers, not by the person. */
  to: string;
  subject: string;
  text: string;
  at: string;
}

/** An outbox record the stream consumer gave up on after its retries (the dead-letter queue in AWS). */
export interface DeadLetter {
  outboxId: string;
  attempts: number;
  error: string;
  at: string;
}

/**
 * The local notification channel (DESIGN.md §7a): instead of SNS and SES, messages land here, readable at
 * `GET /dev/outbox` and written as one log line each. Failures can be injected to watch the retries.
 */
export class NotificationSink implements NotificationChannel {
  readonly delivered: SunkMessage[] = [];
  readonly deadLetters: DeadLetter[] = [];
  failedAttempts = 0;
  private failuresToInject = 0;

  constructor(
    private readonly clock: Clock,
    private readonly log: (line: string) => void = console.log,
  ) {}

  /** The next `count` sends fail, as a gateway that is down would. */
  failNext(count: number): void {
    this.failuresToInject = count;
  }

  async send(message: OutgoingMessage): Promise<{ messageId: string }> {
    if (this.failuresToInject > 0) {
      this.failuresToInject -= 1;
      this.failedAttempts += 1;
      throw new Error("local notification sink: failure injected by POST /dev/outbox/failures");
    }
    const split = message.deliveryKey.lastIndexOf("#");
    const sunk: SunkMessage = {
      outboxId: message.deliveryKey.slice(0, split),
      accountId: message.deliveryKey.slice(split + 1),
      channel: message.channel,
      to: maskedAddress(message),
      subject: message.subject,
      text: message.text,
      at: this.clock.now().toISOString(),
    };
    this.delivered.push(sunk);
    this.log(
      `[notification] ${CHANNEL_LABELS[sunk.channel]} → ${sunk.to}: ${sunk.text.replaceAll("\n", " ")}`,
    );
    return { messageId: `local-${this.delivered.length}` };
  }

  deadLetter(given: Omit<DeadLetter, "at">): void {
    const letter = { ...given, at: this.clock.now().toISOString() };
    this.deadLetters.push(letter);
    this.log(
      `[notification dead letter] ${letter.outboxId} after ${letter.attempts} attempts: ${letter.error}`,
    );
  }
}
