import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mediaUrl } from './media.ts';

describe('mediaUrl', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'a local upload path is served by the CMS',
      '/uploads/cover_1.jpg',
      'http://127.0.0.1:1337',
      'http://127.0.0.1:1337/uploads/cover_1.jpg',
    ],
    [
      'a CMS URL with a trailing slash',
      '/uploads/a.jpg',
      'http://127.0.0.1:1337/',
      'http://127.0.0.1:1337/uploads/a.jpg',
    ],
    [
      'a CMS below a path keeps its path',
      'uploads/a.jpg',
      'https://sonha.gov.vn/cms',
      'https://sonha.gov.vn/cms/uploads/a.jpg',
    ],
    [
      'an absolute URL (cloud provider) is kept',
      'https://cdn.sonha.gov.vn/a.jpg',
      'http://127.0.0.1:1337',
      'https://cdn.sonha.gov.vn/a.jpg',
    ],
  ];
  for (const [name, url, cms, expected] of cases) it(name, () => assert.equal(mediaUrl(url, cms), expected));

  it('refuses a non-http URL', () => assert.throws(() => mediaUrl('file:///etc/passwd', 'http://cms'), RangeError));
});
