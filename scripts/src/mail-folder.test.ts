import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { describeMail, mailDestination, mailFileDir } from './mail-folder.ts';

describe('where outgoing mail goes', () => {
  it('goes to files under the data folder when no SMTP server is set', () => {
    assert.deepEqual(mailDestination('/srv/portal/.data', {}), { kind: 'files', dir: '/srv/portal/.data/mail' });
    assert.deepEqual(mailDestination('/srv/portal/.data', { SMTP_HOST: '  ' }), {
      kind: 'files',
      dir: '/srv/portal/.data/mail',
    });
    assert.match(describeMail(mailDestination('/d', {})), /files in \/d\/mail .*no SMTP_HOST/);
  });

  it('takes MAIL_FILE_DIR as the folder, resolved', () => {
    assert.equal(mailFileDir('/d', { MAIL_FILE_DIR: 'thu' }), path.resolve('thu'));
  });

  it('goes to the SMTP server when one is set', () => {
    assert.deepEqual(mailDestination('/d', { SMTP_HOST: 'smtp.example.gov.vn' }), {
      kind: 'smtp',
      host: 'smtp.example.gov.vn',
    });
    assert.equal(describeMail({ kind: 'smtp', host: 'smtp.example.gov.vn' }), 'SMTP smtp.example.gov.vn');
  });
});
