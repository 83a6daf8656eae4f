import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { clientSettings } from "../aws-clients";
import type { NotificationChannel, OutgoingMessage } from "./channel";

// A message that still fails after the client's attempts fails its stream record, which the event
// source mapping retries and finally hands to the dead-letter queue.
const sns = new SNSClient(clientSettings("sns"));
const ses = new SESv2Client(clientSettings("ses"));

/** Mainland mobile numbers are stored as their 11 digits; SNS wants E.164. */
function e164(phone: string): string {
  return phone.startsWith("+") ? phone : `+86${phone}`;
}

function emailSender(): string {
  const sender = process.env.NOTIFICATION_EMAIL_SENDER;
  if (!sender) throw new Error("NOTIFICATION_EMAIL_SENDER is not set: e-mail is not offered here");
  return sender;
}

/** SMS by Amazon SNS (transactional, so that it is not held back as marketing), e-mail by Amazon SES. */
export const awsChannel: NotificationChannel = {
  async send(message: OutgoingMessage) {
    if (message.channel === "sms") {
      const sent = await sns.send(
        new PublishCommand({
          PhoneNumber: e164(message.address),
          Message: message.text,
          MessageAttributes: {
            "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
          },
        }),
      );
      return { messageId: sent.MessageId ?? "" };
    }
    const sent = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: emailSender(),
        Destination: { ToAddresses: [message.address] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: "UTF-8" },
            Body: { Text: { Data: message.text, Charset: "UTF-8" } },
          },
        },
      }),
    );
    return { messageId: sent.MessageId ?? "" };
  },
};
