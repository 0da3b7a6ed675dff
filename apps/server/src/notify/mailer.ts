import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends plain-text e-mail; knows nothing of what the mail is about. Every caller has something
 * that works without the mail (a link on paper, a notice in the app), so a mail server that
 * fails is an outcome to report, not an error to throw.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<'sent' | 'failed'>;
  close(): void;
}

export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  // Short timeouts: the professional waits for the answer, and the link works without the mail too.
  const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    send: (mail) =>
      transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text }).then(
        () => 'sent' as const,
        () => 'failed' as const,
      ),
    close: () => transport.close(),
  };
}
