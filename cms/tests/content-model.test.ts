/**
 * Editorial rules of the content model, through the admin API as an editor uses it, on a real Strapi
 * with a temporary database: bad input is refused with a Vietnamese message naming the field and
 * nothing is saved; document relations act on both sides.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adminSession, graphql, startTestBackend, type TestBackend } from '@portal/scripts/testing';

const DOC = 'api::legal-document.legal-document';
const PROCEDURE = 'api::procedure.procedure';
const AGENCY = 'api::agency.agency';
const ARTICLE = 'api::article.article';

type Session = Awaited<ReturnType<typeof adminSession>>;

describe('content model rules', () => {
  let backend: TestBackend;
  let editor: Session;
  let ubnd: string;
  let hdnd: string;

  before(async () => {
    // A 10 kB attachment limit, so the size rule is tested with small files.
    backend = await startTestBackend({ demoContent: false, cmsEnv: { PORTAL_MAX_ATTACHMENT_MB: '0.01' } });
    editor = await adminSession(backend);
    ubnd = String(
      (await editor.createPublished(AGENCY, { name: 'Ủy ban nhân dân tỉnh Sơn Hà', code: 'UBND' })).documentId,
    );
    hdnd = String(
      (await editor.createPublished(AGENCY, { name: 'Hội đồng nhân dân tỉnh Sơn Hà', code: 'HĐND' })).documentId,
    );
  });
  after(async () => {
    await backend?.dispose();
  });

  const total = async (uid: string): Promise<number> => {
    const answer = await editor.request('GET', `${editor.base(uid)}?page=1&pageSize=1`);
    return (answer.body as { pagination: { total: number } }).pagination.total;
  };

  /** Expects a refusal (400) naming the field, in Vietnamese, and no new entry. */
  async function refused(uid: string, send: () => ReturnType<Session['request']>, field: string, message: RegExp) {
    const before = await total(uid);
    const answer = await send();
    assert.equal(answer.status, 400, JSON.stringify(answer.error ?? answer.data));
    assert.equal(answer.error?.name, 'ValidationError');
    const errors = answer.error?.details?.errors ?? [];
    assert.ok(
      errors.some((e) => e.path[0] === field && message.test(e.message)),
      `expected an error on ${field} matching ${message}, got ${JSON.stringify(errors)}`,
    );
    assert.equal(await total(uid), before, 'nothing was saved');
  }

  const document = (overrides: Record<string, unknown> = {}) => ({
    documentNumber: '2543/QĐ-UBND',
    documentType: 'quyet_dinh',
    abstract: 'Về việc ban hành Kế hoạch chuyển đổi số tỉnh Sơn Hà năm 2027',
    issueDate: '2026-10-15',
    effectiveDate: '2026-10-15',
    issuingAgency: ubnd,
    ...overrides,
  });

  it('normalises the document number and derives the validity status', async () => {
    const saved = await editor.createPublished(DOC, document({ documentNumber: ' 2543 / qd - ubnd ' }));
    assert.equal(saved.documentNumber, '2543/QĐ-UBND');
    assert.equal(saved.validityStatus, 'con_hieu_luc');
    assert.equal(saved.slug, '2543-qd-ubnd');
  });

  it('refuses a malformed document number, naming the field', async () => {
    await refused(
      DOC,
      () => editor.request('POST', editor.base(DOC), document({ documentNumber: 'QĐ-UBND' })),
      'documentNumber',
      /Số ký hiệu/,
    );
  });

  it('refuses a document number already used by the same issuing agency, and accepts it for another', async () => {
    await refused(DOC, () => editor.request('POST', editor.base(DOC), document()), 'documentNumber', /đã có/);
    const other = await editor.createDraft(DOC, document({ documentNumber: '2543/QĐ-HĐND', issuingAgency: hdnd }));
    assert.equal(other.documentNumber, '2543/QĐ-HĐND');
  });

  it('refuses a number whose type code contradicts the chosen document type', async () => {
    await refused(
      DOC,
      () =>
        editor.request(
          'POST',
          editor.base(DOC),
          document({ documentNumber: '77/NQ-UBND', documentType: 'quyet_dinh' }),
        ),
      'documentType',
      /Nghị quyết/,
    );
  });

  it('refuses an effective date before the issue date', async () => {
    await refused(
      DOC,
      () =>
        editor.request(
          'POST',
          editor.base(DOC),
          document({ documentNumber: '88/QĐ-UBND', effectiveDate: '2026-10-01' }),
        ),
      'effectiveDate',
      /hiệu lực/,
    );
  });

  it('refuses an empty abstract and an empty article title', async () => {
    await refused(
      DOC,
      () => editor.request('POST', editor.base(DOC), document({ documentNumber: '89/QĐ-UBND', abstract: '  ' })),
      'abstract',
      /Trích yếu/,
    );
    await refused(ARTICLE, () => editor.request('POST', editor.base(ARTICLE), { title: '' }), 'title', /Tiêu đề/);
  });

  it('refuses a relation of a document to itself', async () => {
    const own = await editor.createDraft(DOC, document({ documentNumber: '90/QĐ-UBND' }));
    const answer = await editor.request('PUT', `${editor.base(DOC)}/${String(own.documentId)}`, {
      relations: [{ type: 'thay_the', target: String(own.documentId) }],
    });
    assert.equal(answer.status, 400);
    assert.match(JSON.stringify(answer.error?.details), /chính nó/);
  });

  it('shows a replaced document as replaced, without anyone editing it', async () => {
    const old = await editor.createPublished(
      DOC,
      document({
        documentNumber: '15/2020/QĐ-UBND',
        documentType: 'quyet_dinh',
        issueDate: '2020-05-01',
        effectiveDate: '2020-05-15',
      }),
    );
    assert.equal(old.validityStatus, 'con_hieu_luc');
    const replacing = await editor.createPublished(
      DOC,
      document({
        documentNumber: '21/2026/QĐ-UBND',
        issueDate: '2026-09-01',
        effectiveDate: '2026-09-15',
        relations: [{ type: 'thay_the', target: String(old.documentId) }],
      }),
    );
    const { body } = await graphql(
      backend.cmsUrl,
      backend.secrets.PORTAL_SITE_TOKEN,
      `
        query ($id: ID!) {
          legalDocument(documentId: $id) {
            documentNumber
            validityStatus
            validityChanges {
              status
              date
              cause {
                documentNumber
              }
            }
          }
          replacedBy: legalDocuments(
            filters: { relations: { type: { eq: "thay_the" }, target: { documentId: { eq: $id } } } }
          ) {
            documentNumber
          }
        }
      `,
      { id: old.documentId },
    );
    const data = body.data as {
      legalDocument: {
        validityStatus: string;
        validityChanges: Array<{ status: string; date: string; cause: { documentNumber: string } }>;
      };
      replacedBy: Array<{ documentNumber: string }>;
    };
    assert.equal(data.legalDocument.validityStatus, 'het_hieu_luc_toan_bo', JSON.stringify(body));
    assert.deepEqual(data.replacedBy, [{ documentNumber: String(replacing.documentNumber) }]);
    assert.deepEqual(data.legalDocument.validityChanges, [
      { status: 'het_hieu_luc_toan_bo', date: '2026-09-15', cause: { documentNumber: '21/2026/QĐ-UBND' } },
    ]);
  });

  it('refuses an attachment that is not PDF, DOC, DOCX or ODT', async () => {
    const form = new FormData();
    form.append('files', new Blob(['không phải văn bản'], { type: 'text/plain' }), 'ghi-chu.txt');
    const upload = await editor.request('POST', '/upload', form);
    // The upload route answers with the list of files itself, not under data.
    const fileId = (upload.body as Array<{ id: number }> | null)?.[0]?.id;
    assert.ok(fileId, `upload failed: ${JSON.stringify(upload)}`);
    await refused(
      DOC,
      () => editor.request('POST', editor.base(DOC), document({ documentNumber: '91/QĐ-UBND', attachments: [fileId] })),
      'attachments',
      /không phải PDF/,
    );
  });

  /** A file that PDF readers, and Strapi's type detection, take for a PDF. */
  const pdf = (bytes: number) => {
    const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
    const tail = '\n%%EOF\n';
    return new Blob([head + ' '.repeat(Math.max(0, bytes - head.length - tail.length)) + tail], {
      type: 'application/pdf',
    });
  };
  const upload = async (blob: Blob, name: string) => {
    const form = new FormData();
    form.append('files', blob, name);
    const answer = await editor.request('POST', '/upload', form);
    const id = (answer.body as Array<{ id: number }> | null)?.[0]?.id;
    assert.ok(id, `upload failed: ${JSON.stringify(answer.body)}`);
    return id;
  };

  it('accepts a PDF under the size limit and refuses one over it', async () => {
    const small = await upload(pdf(2_000), 'quyet-dinh-92.pdf');
    const saved = await editor.createDraft(DOC, document({ documentNumber: '92/QĐ-UBND', attachments: [small] }));
    assert.equal(saved.documentNumber, '92/QĐ-UBND');
    const large = await upload(pdf(20_000), 'quyet-dinh-93.pdf');
    await refused(
      DOC,
      () => editor.request('POST', editor.base(DOC), document({ documentNumber: '93/QĐ-UBND', attachments: [large] })),
      'attachments',
      /lớn hơn 0.01 MB/,
    );
  });

  it('counts the revisions of a published calendar entry, not of a draft', async () => {
    const CALENDAR = 'api::calendar-entry.calendar-entry';
    const entry = {
      date: '2026-11-23',
      session: 'sang',
      content: 'Họp UBND tỉnh thường kỳ',
      leaders: 'Chủ tịch UBND tỉnh',
    };
    const published = await editor.createPublished(CALENDAR, entry);
    const id = String(published.documentId);
    assert.equal((await editor.update(CALENDAR, id, { venue: 'Phòng họp số 1' })).revision, 1);
    assert.equal((await editor.update(CALENDAR, id, { venue: 'Phòng họp số 2' })).revision, 2);
    const draft = await editor.createDraft(CALENDAR, entry);
    assert.equal((await editor.update(CALENDAR, String(draft.documentId), { venue: 'Hội trường' })).revision, 0);
  });

  it('refuses a malformed or duplicate procedure code and accepts a valid one', async () => {
    const procedure = { code: '1.000948', name: 'Đăng ký thành lập hộ kinh doanh', level: 'xa' };
    const saved = await editor.createDraft(PROCEDURE, procedure);
    assert.equal(saved.code, '1.000948');
    await refused(PROCEDURE, () => editor.request('POST', editor.base(PROCEDURE), procedure), 'code', /đã có/);
    await refused(
      PROCEDURE,
      () => editor.request('POST', editor.base(PROCEDURE), { ...procedure, code: '1000948' }),
      'code',
      /định dạng/,
    );
    await refused(
      PROCEDURE,
      () => editor.request('POST', editor.base(PROCEDURE), { ...procedure, code: '1.000949', level: 'huyen' }),
      'level',
      /01\/7\/2025/,
    );
  });

  it('stores one tone placement, so "Thanh Hoá" and "Thanh Hóa" are one value', async () => {
    const saved = await editor.createDraft(ARTICLE, {
      title: 'Đoàn công tác tỉnh Thanh Hoá thăm Sơn Hà',
      lead: 'Hợp tác về thuỷ lợi',
    });
    assert.equal(saved.title, 'Đoàn công tác tỉnh Thanh Hóa thăm Sơn Hà');
    assert.equal(saved.lead, 'Hợp tác về thủy lợi');
  });

  it("never gives a slug that names one of the site's own list pages", async () => {
    // /tin-tuc/trang/2/ is page 2 of the news list; /tin-tuc/ itself is a section, not a static page.
    const article = await editor.createDraft(ARTICLE, { title: 'Trang', lead: 'Một bài có tên trùng từ khóa' });
    assert.equal(article.slug, 'trang-2');
    const page = await editor.createDraft('api::page.page', { title: 'Tin tức', kind: 'khac' });
    assert.equal(page.slug, 'tin-tuc-2');
    const typed = await editor.createDraft(ARTICLE, { title: 'Chuyên mục', slug: 'chuyen-muc' });
    assert.equal(typed.slug, 'chuyen-muc-2', 'a slug typed by the editor is kept off the list words too');
  });
});
