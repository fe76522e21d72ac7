/**
 * The receipt a citizen gets by e-mail when they left an address: the tracking code and how to look it
 * up, nothing else they wrote. Sent through SMTP_* settings (nodemailer); without SMTP_HOST, each mail
 * is written as an .eml file into MAIL_FILE_DIR (npm start sets it to <data folder>/mail), or, with
 * neither, not sent at all: the confirmation page alone carries the code. A failure is logged without
 * the address.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { z } from 'zod';
import { errorCode, errorMessage } from '../errors.ts';
import { QUESTION_PAGES, SECTIONS } from '../url-words.ts';

/** The site's question look-up page, linked from the receipt. */
const LOOKUP_PATH = `/${SECTIONS.questions}/${QUESTION_PAGES.lookup}/`;

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const MailEnvSchema = z.object({
  SMTP_HOST: z.preprocess(blank, z.string().optional()),
  SMTP_PORT: z.preprocess(blank, z.coerce.number().int().min(1).max(65535).default(587)),
  SMTP_SECURE: z.preprocess(blank, z.enum(['true', 'false']).default('false')),
  SMTP_USER: z.preprocess(blank, z.string().optional()),
  SMTP_PASSWORD: z.preprocess(blank, z.string().optional()),
  MAIL_FROM: z.preprocess(blank, z.string().default('Cổng thông tin điện tử <no-reply@localhost>')),
  /** Public address of the site, for the look-up link in the mail. */
  PUBLIC_SITE_URL: z.preprocess(blank, z.string().optional()),
  /** Without SMTP_HOST: the folder outgoing mail is written to, one .eml file per message. */
  MAIL_FILE_DIR: z.preprocess(blank, z.string().optional()),
});

/** Sends a message; the SMTP transporter or the file writer below. */
interface Mailer {
  sendMail(message: SendMailOptions): Promise<unknown>;
}

/** A recipient as a file-name part: letters, digits, . _ @ - only. */
function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._@-]+/gu, '_').slice(0, 80) || 'unknown';
}

/**
 * Outgoing mail as files, for a portal without an SMTP server: each message is rendered by nodemailer
 * (the same MIME an SMTP server would receive) into <dir>/<time>-<to>.eml, readable by the owner only.
 */
export function fileMailer(dir: string, now: () => Date = () => new Date()): Mailer & { written: string[] } {
  const renderer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const written: string[] = [];
  // The folder is made once, and again only if someone removed it (a write then fails with ENOENT).
  let folder: Promise<unknown> | null = null;
  return {
    written,
    async sendMail(message) {
      const info = (await renderer.sendMail(message)) as { message: Buffer };
      await (folder ??= mkdir(dir, { recursive: true, mode: 0o700 }));
      const to = [message.to ?? []]
        .flat()
        .map((recipient) => (typeof recipient === 'string' ? recipient : recipient.address))
        .join(',');
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      // wx: never overwrite a message already written; two in the same millisecond get a number.
      for (let n = 1; ; n += 1) {
        const file = path.join(dir, `${stamp}${n > 1 ? `-${n}` : ''}-${fileSafe(to)}.eml`);
        try {
          await writeFile(file, info.message, { mode: 0o600, flag: 'wx' });
          written.push(file);
          return info;
        } catch (error) {
          const code = errorCode(error);
          if (code === 'ENOENT' && n === 1) {
            await (folder = mkdir(dir, { recursive: true, mode: 0o700 }));
            n -= 1;
            continue;
          }
          if (code !== 'EEXIST' || n >= 100) throw error;
        }
      }
    },
  };
}

let transport: { mailer: Mailer; from: string; site: string } | null | undefined;

function mailer(): typeof transport {
  if (transport !== undefined) return transport;
  const env = MailEnvSchema.parse(process.env);
  const smtp: Transporter | null = env.SMTP_HOST
    ? nodemailer.createTransport({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE === 'true',
        ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
      })
    : null;
  const mailer = smtp ?? (env.MAIL_FILE_DIR ? fileMailer(env.MAIL_FILE_DIR) : null);
  transport = mailer ? { mailer, from: env.MAIL_FROM, site: (env.PUBLIC_SITE_URL ?? '').replace(/\/$/, '') } : null;
  return transport;
}

/** One plain-text message to a citizen, through the configured transport; a failure is logged without the address. */
export async function sendCitizenMail(
  strapi: Core.Strapi,
  message: { to: string; subject: string; lines: (site: string) => string[]; logLabel: string },
): Promise<void> {
  const smtp = mailer();
  if (!smtp) return;
  try {
    await smtp.mailer.sendMail({
      from: smtp.from,
      to: message.to,
      subject: message.subject,
      text: [...message.lines(smtp.site), '', 'Thư này được gửi tự động; vui lòng không trả lời.'].join('\n'),
    });
  } catch (error) {
    strapi.log.warn(`${message.logLabel} not sent: ${errorMessage(error)}`);
  }
}

export async function sendReceipt(
  strapi: Core.Strapi,
  to: string,
  stored: { trackingCode: string; receivedAt: string },
): Promise<void> {
  await sendCitizenMail(strapi, {
    to,
    subject: `Đã nhận câu hỏi của bạn – mã ${stored.trackingCode}`,
    lines: (site) => [
      'Cơ quan đã nhận câu hỏi bạn gửi qua cổng thông tin điện tử.',
      '',
      `Mã theo dõi: ${stored.trackingCode}`,
      `Tra cứu tình trạng xử lý: ${site}${LOOKUP_PATH}?ma=${encodeURIComponent(stored.trackingCode)}`,
    ],
    logLabel: `[hoi-dap] receipt for ${stored.trackingCode}`,
  });
}
