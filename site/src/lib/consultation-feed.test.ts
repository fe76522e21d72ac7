import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consultationsRss, type FeedConsultation } from './consultation-feed.ts';

const draft = (n: number, extra: Partial<FeedConsultation> = {}): FeedConsultation => ({
  title: `Dự thảo số ${n} về <phí> & lệ phí`,
  slug: `du-thao-so-${n}`,
  summary: `Tóm tắt dự thảo ${n}. `.repeat(40),
  openAt: `2026-11-${String(n).padStart(2, '0')}T01:00:00.000Z`,
  closeAt: `2026-12-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  phase: 'dang_lay_y_kien',
  field: { name: 'Tài chính' },
  ...extra,
});

describe('consultationsRss', () => {
  const xml = consultationsRss(
    [draft(1), draft(3, { phase: 'da_ket_thuc' }), draft(2)],
    'https://cong.example.gov.vn/',
    'Cổng Thử',
  );

  it('lists the newest opening first, each linked to its page', () => {
    const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    assert.deepEqual(links, [
      'https://cong.example.gov.vn/du-thao/',
      'https://cong.example.gov.vn/du-thao/du-thao-so-3/',
      'https://cong.example.gov.vn/du-thao/du-thao-so-2/',
      'https://cong.example.gov.vn/du-thao/du-thao-so-1/',
    ]);
    assert.match(xml, /<atom:link href="https:\/\/cong.example.gov.vn\/du-thao\/rss.xml" rel="self"/);
    assert.match(xml, /<title>Lấy ý kiến dự thảo – Cổng Thử<\/title>/);
    assert.match(xml, /<category>Tài chính<\/category>/);
  });

  it('says the phase and the period in Vietnam time, escapes text and shortens the summary', () => {
    assert.match(xml, /Đã hết hạn lấy ý kiến: từ 08:00 03\/11\/2026 đến 17:00 03\/12\/2026\./);
    assert.match(xml, /Dự thảo số 1 về &lt;phí&gt; &amp; lệ phí/);
    assert.doesNotMatch(xml, /<phí>/);
    assert.match(xml, / …</);
  });
});
