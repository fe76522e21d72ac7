/**
 * The receipt a citizen gets by e-mail when they left an address: the tracking code and how to look it
 * up, nothing else they wrote. Sent through SMTP_* settings (nodemailer); without SMTP_HOST no mail is
 * sent and the confirmation page alone carries the code. A failure is logged without the address.
 */
import type { Core } from '@strapi/strapi';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';

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
});

let transport: { mailer: Transporter; from: string; site: string } | null | undefined;

function mailer(): typeof transport {
  if (transport !== undefined) return transport;
  const env = MailEnvSchema.parse(process.env);
  transport = env.SMTP_HOST
    ? {
        mailer: nodemailer.createTransport({
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE === 'true',
          ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
        }),
        from: env.MAIL_FROM,
        site: (env.PUBLIC_SITE_URL ?? '').replace(/\/$/, ''),
      }
    : null;
  return transport;
}

export async function sendReceipt(
  strapi: Core.Strapi,
  to: string,
  stored: { trackingCode: string; receivedAt: string },
): Promise<void> {
  const smtp = mailer();
  if (!smtp) return;
  const lookup = `${smtp.site}/hoi-dap/tra-cuu/?ma=${encodeURIComponent(stored.trackingCode)}`;
  try {
    await smtp.mailer.sendMail({
      from: smtp.from,
      to,
      subject: `Đã nhận câu hỏi của bạn – mã ${stored.trackingCode}`,
      text: [
        'Cơ quan đã nhận câu hỏi bạn gửi qua cổng thông tin điện tử.',
        '',
        `Mã theo dõi: ${stored.trackingCode}`,
        `Tra cứu tình trạng xử lý: ${lookup}`,
        '',
        'Thư này được gửi tự động; vui lòng không trả lời.',
      ].join('\n'),
    });
  } catch (error) {
    strapi.log.warn(`[hoi-dap] receipt for ${stored.trackingCode} not sent: ${(error as Error).message}`);
  }
}
