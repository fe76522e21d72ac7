import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { fileMailer, MailEnvSchema } from './mail.ts';

describe('the file mail transport (no SMTP server)', () => {
  it('writes each message as an .eml file only its owner can read, named by time and recipient', async (t) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mail-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const dir = path.join(root, 'mail');
    const mailer = fileMailer(dir, () => new Date('2026-12-02T14:30:00.123Z'));
    const message = {
      from: 'Cổng thông tin <no-reply@portal.test>',
      to: 'nguoi.hoi@example.vn',
      subject: 'Đã nhận câu hỏi của bạn – mã ABC234XYZ',
      text: 'Mã theo dõi: ABC234XYZ',
    };
    await mailer.sendMail(message);
    await mailer.sendMail({ ...message, to: '../../etc/x y@example.vn' });
    await mailer.sendMail(message);

    const files = (await readdir(dir)).sort();
    assert.deepEqual(files, [
      '2026-12-02T14-30-00-123Z-.._.._etc_x_y@example.vn.eml',
      '2026-12-02T14-30-00-123Z-2-nguoi.hoi@example.vn.eml',
      '2026-12-02T14-30-00-123Z-nguoi.hoi@example.vn.eml',
    ]);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    for (const file of files) assert.equal((await stat(path.join(dir, file))).mode & 0o777, 0o600, file);

    const parsed = await simpleParser(await readFile(path.join(dir, files[2]!)));
    assert.equal(parsed.subject, message.subject);
    assert.equal(parsed.text?.trim(), message.text);
    assert.deepEqual(
      (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((a) => a?.value.map((v) => v.address)),
      ['nguoi.hoi@example.vn'],
    );
    assert.deepEqual(mailer.written.map((file) => path.basename(file)).sort(), files);
  });

  it('is what the CMS uses when no SMTP_HOST is set and a mail folder is', () => {
    const env = MailEnvSchema.parse({ SMTP_HOST: '', MAIL_FILE_DIR: '/srv/portal/.data/mail' });
    assert.equal(env.SMTP_HOST, undefined);
    assert.equal(env.MAIL_FILE_DIR, '/srv/portal/.data/mail');
  });
});
