/**
 * A local SMTP capture server for tests: the CMS's real mail path (nodemailer over SMTP) ends here, on
 * 127.0.0.1 and a free port, never in a real mailbox. Each received mail is parsed and kept in `mails`.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@portal/scripts/services';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface MailCapture {
  port: number;
  /** Every mail received so far, in order. */
  mails: CapturedMail[];
  close(): Promise<void>;
}

/** `mails` is the list to fill (a test's own, declared before its hooks run). */
export async function startMailCapture(mails: CapturedMail[] = []): Promise<MailCapture> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  return { port, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
