/**
 * Where the CMS's outgoing mail goes: the SMTP server in SMTP_HOST, or, without one, .eml files in the
 * data folder (MAIL_FILE_DIR overrides the folder), so a receipt is never silently lost on a portal
 * set up without mail. The CMS makes the same choice (cms/src/questions/mail.ts); this tells npm start's
 * summary which one it made.
 */
import path from 'node:path';

export type MailDestination = { kind: 'smtp'; host: string } | { kind: 'files'; dir: string };

export function mailFileDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['MAIL_FILE_DIR']?.trim() ? path.resolve(env['MAIL_FILE_DIR'].trim()) : path.join(dataDir, 'mail');
}

export function mailDestination(dataDir: string, env: NodeJS.ProcessEnv = process.env): MailDestination {
  const host = env['SMTP_HOST']?.trim();
  return host ? { kind: 'smtp', host } : { kind: 'files', dir: mailFileDir(dataDir, env) };
}

/** The line of npm start's summary. */
export function describeMail(destination: MailDestination): string {
  return destination.kind === 'smtp'
    ? `SMTP ${destination.host}`
    : `written to files in ${destination.dir} (no SMTP_HOST set: nothing is sent)`;
}
