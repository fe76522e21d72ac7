/**
 * The bypasses of the editorial chain that a probe found (issue 11), as rows of the role × action matrix
 * in workflow.test.ts and checks on the same backend: clone, system fields, separation of duties, media
 * replace and delete, Strapi's default tokens and roles. Imported by workflow.test.ts (not a test file of
 * its own) so it shares that file's CMS instead of booting another.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AdminSession, TestBackend } from '@portal/scripts/testing';
import { PORTAL_ROLES } from '../src/editorial/roles.ts';

export const ARTICLE = 'api::article.article';
export const CATEGORY = 'api::category.category';
export const LEGAL_DOCUMENT = 'api::legal-document.legal-document';
const AGENCY = 'api::agency.agency';
const PROCEDURE = 'api::procedure.procedure';
const FILE = 'plugin::upload.file';

/** A file that PDF readers, and Strapi's type detection, take for a PDF. */
const pdf = (text: string) =>
  new Blob([`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`], { type: 'application/pdf' });
const filesForm = (blob: Blob, name: string) => {
  const form = new FormData();
  form.append('files', blob, name);
  return form;
};

export type Role = 'editor' | 'reviewer' | 'chief';
/** ok = 2xx; 403 = refused by RBAC; 400 = refused by the editorial rules with a Vietnamese ValidationError. */
export type Outcome = 'ok' | 403 | 400;
export type Answer = Awaited<ReturnType<AdminSession['request']>>;

export interface MatrixRow {
  what: string;
  run: (session: AdminSession, role: Role) => Promise<Answer>;
  expected: Record<Role, Outcome>;
  /** What a refusal's message starts with (the field's name as an editor reads it). */
  message?: RegExp;
  /** Further checks when the action was refused as expected. */
  after?: () => Promise<void>;
  /** Further checks when the action went through. */
  check?: (answer: Answer, session: AdminSession, role: Role) => Promise<void>;
}

export interface AuditEntry {
  action: string;
  actorName: string;
  actorId: number | null;
  actorEmail: string | null;
  onBehalfOf: string | null;
  entryDocumentId: string;
  entryTitle: string | null;
  contentType: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

export interface WorkflowContext {
  backend: () => TestBackend;
  admin: () => AdminSession;
  as: Record<Role | 'otherEditor', AdminSession>;
  ok: (answer: Answer) => { documentId: string } & Record<string, unknown>;
  article: (session: AdminSession, extra?: Record<string, unknown>) => Promise<string>;
  put: (session: AdminSession, id: string, data: Record<string, unknown>) => Promise<Answer>;
  othersAt: (stage: 'nhap' | 'cho_duyet' | 'da_duyet' | 'published') => Promise<string>;
  trail: (id: string) => Promise<AuditEntry[]>;
}

/** Uploads a one-line PDF to the media library as the session's user; the stored file. */
async function uploadPdf(s: AdminSession, text: string, name: string): Promise<{ id: number; documentId: string }> {
  const uploaded = await s.request('POST', '/upload', filesForm(pdf(text), name));
  const file = (uploaded.body as Array<{ id: number; documentId: string }> | null)?.[0];
  assert.ok(file, `upload failed: ${JSON.stringify(uploaded.body)}`);
  return file;
}

const ALL_OK: Record<Role, Outcome> = { editor: 'ok', reviewer: 'ok', chief: 'ok' };
const ALL_400: Record<Role, Outcome> = { editor: 400, reviewer: 400, chief: 400 };
const FILE_LOCKED = /^Tệp “.*” đang gắn với nội dung đã duyệt hoặc đã xuất bản/;
const SYSTEM_FIELD = /^Trường hệ thống “(documentId|id)”|^Ngôn ngữ \(locale\)/;

export function trustMatrix(ctx: WorkflowContext) {
  const { ok, article, put, othersAt, trail } = ctx;
  const clones: string[] = [];
  /** The entry the last row cloned (rows run one at a time). */
  let source = '';
  const clone = (s: AdminSession, id: string, body: Record<string, unknown>) =>
    s.request('POST', `${s.base(ARTICLE)}/clone/${id}`, body);

  let agency = '';
  let documentNumber = 0;
  /** A PDF the session uploads, attached to a legal document it writes; `published` moves it out. */
  const attachedPdf = async (s: AdminSession, published: boolean) => {
    const admin = ctx.admin();
    if (!agency) agency = ok(await admin.request('POST', admin.base(AGENCY), { name: 'UBND tỉnh Sơn Hà' })).documentId;
    const file = await uploadPdf(s, 'ban goc', 'quyet-dinh.pdf');
    const entry = ok(
      await s.request('POST', s.base(LEGAL_DOCUMENT), {
        documentNumber: `${++documentNumber + 100}/QĐ-UBND`,
        documentType: 'quyet_dinh',
        abstract: 'Về việc ban hành quy chế thử nghiệm',
        issueDate: '2026-10-15',
        effectiveDate: '2026-10-15',
        issuingAgency: { connect: [{ documentId: agency }] },
        attachments: [file.id],
      }),
    ).documentId;
    if (published) {
      ok(await admin.request('PUT', `${admin.base(LEGAL_DOCUMENT)}/${entry}`, { editorialStage: 'da_duyet' }));
      ok(await admin.request('POST', `${admin.base(LEGAL_DOCUMENT)}/${entry}/actions/publish`, {}));
    }
    return file;
  };
  /** Every replace and delete of a file used by an entry is in the trail, refused or not. */
  const fileTrail = async (documentId: string) => {
    const admin = ctx.admin();
    const answer = await admin.request(
      'GET',
      `${admin.base('api::audit-entry.audit-entry')}?filters[entryDocumentId][$eq]=${documentId}&filters[contentType][$eq]=${FILE}&sort=id:asc`,
    );
    return (answer.body as { results: AuditEntry[] }).results;
  };
  const lastFile = { documentId: '', userId: 0 };

  /** The clone is the cloner's fresh, unscheduled draft, and the trail says who cloned what. */
  const checkClone = async (answer: Answer, session: AdminSession, source: string) => {
    const copy = ok(answer).documentId;
    clones.push(copy);
    assert.notEqual(copy, source);
    const stored = ok(await ctx.admin().request('GET', `${session.base(ARTICLE)}/${copy}`));
    assert.equal(stored.editorialStage, 'nhap');
    assert.equal(stored.scheduledPublishAt, null);
    assert.equal(stored.scheduledUnpublishAt, null);
    assert.equal(stored.reviewNote ?? null, null);
    assert.equal((stored.createdBy as { id?: number } | null)?.id, session.userId);
    const entries = await trail(copy);
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorId]),
      [['clone', session.userId]],
    );
    assert.deepEqual(entries[0]?.changes?.clonedFrom, { before: null, after: source });
    assert.equal(entries[0]?.changes?.editorialStage?.after, 'nhap');
  };

  const rows: MatrixRow[] = [
    {
      what: 'clone an own draft asking for approval, a past schedule and the chief as author',
      run: async (s) => {
        source = await article(s);
        return clone(s, source, {
          editorialStage: 'da_duyet',
          scheduledPublishAt: new Date(Date.now() - 60_000).toISOString(),
          scheduledById: ctx.as.chief.userId,
          createdBy: ctx.as.chief.userId,
          reviewNote: 'Đã duyệt',
        });
      },
      expected: ALL_OK,
      check: (answer, s) => checkClone(answer, s, source),
    },
    {
      what: 'clone a published entry of another editor',
      run: async (s) => {
        source = await othersAt('published');
        return clone(s, source, {});
      },
      expected: ALL_OK,
      check: (answer, s) => checkClone(answer, s, source),
    },
    {
      what: 'rewrite the documentId of an own draft (70 characters)',
      run: async (s) => put(s, await article(s), { documentId: 'x'.repeat(70), lead: 'Sửa' }),
      expected: ALL_400,
      message: SYSTEM_FIELD,
    },
    {
      what: "point an own draft at another user's published entry (documentId)",
      run: async (s) => put(s, await article(s), { documentId: await othersAt('published') }),
      expected: ALL_400,
      message: SYSTEM_FIELD,
    },
    {
      what: 'choose the database id of a new entry',
      run: (s) => s.request('POST', s.base(ARTICLE), { id: 1, title: 'Tin chọn id' }),
      expected: ALL_400,
      message: SYSTEM_FIELD,
    },
    {
      what: 'set a locale on a type without translations',
      run: (s) => s.request('POST', s.base(CATEGORY), { name: `Chuyên mục ${Date.now()}`, locale: 'xx' }),
      expected: ALL_400,
      message: SYSTEM_FIELD,
    },
    {
      what: 'name another user as author and publication time of a new draft',
      run: (s) =>
        s.request('POST', s.base(ARTICLE), {
          title: 'Tin mạo danh tác giả',
          createdBy: ctx.as.chief.userId,
          updatedBy: ctx.as.chief.userId,
          publishedAt: new Date().toISOString(),
        }),
      expected: ALL_OK,
      check: async (answer, s) => {
        const created = ok(await ctx.admin().request('GET', `${s.base(ARTICLE)}/${ok(answer).documentId}`));
        assert.equal((created.createdBy as { id?: number } | null)?.id, s.userId);
        const published = await fetch(`${ctx.backend().cmsUrl}/api/articles/${ok(answer).documentId}`, {
          headers: { Authorization: `Bearer ${ctx.backend().secrets.PORTAL_SITE_TOKEN}` },
        });
        assert.equal(published.status, 404);
      },
    },
    {
      what: "replace the PDF it uploaded of a published legal document (media library 'replace')",
      run: async (s) => {
        const file = await attachedPdf(s, true);
        Object.assign(lastFile, { documentId: file.documentId, userId: s.userId });
        return s.request('POST', `/upload?id=${file.id}`, filesForm(pdf('ban thay the'), 'quyet-dinh.pdf'));
      },
      expected: ALL_400,
      message: FILE_LOCKED,
      after: async () => {
        const [refusal] = await fileTrail(lastFile.documentId);
        assert.deepEqual([refusal?.action, refusal?.actorId], ['refuse', lastFile.userId]);
        assert.equal(refusal?.changes?.attempted?.after, 'replace');
      },
    },
    {
      what: 'delete the PDF of a published legal document from the media library',
      run: async (s) => {
        const file = await attachedPdf(s, true);
        Object.assign(lastFile, { documentId: file.documentId, userId: s.userId });
        return s.request('DELETE', `/upload/files/${file.id}`);
      },
      // Strapi checks its media "update" permission for a delete: every editorial role reaches the lock.
      expected: ALL_400,
      message: FILE_LOCKED,
      after: async () => {
        const [refusal] = await fileTrail(lastFile.documentId);
        assert.deepEqual([refusal?.action, refusal?.actorId], ['refuse', lastFile.userId]);
        assert.equal(refusal?.changes?.attempted?.after, 'delete');
      },
    },
    {
      what: 'give the PDF of a published legal document another alternative text in the media library',
      run: async (s) => {
        const file = await attachedPdf(s, true);
        Object.assign(lastFile, { documentId: file.documentId, userId: s.userId });
        return s.request('PUT', `/upload/files/${file.id}`, { fileInfo: { alternativeText: 'Quyết định đã sửa' } });
      },
      expected: ALL_400,
      message: FILE_LOCKED,
      after: async () => {
        const [refusal] = await fileTrail(lastFile.documentId);
        assert.deepEqual([refusal?.action, refusal?.actorId], ['refuse', lastFile.userId]);
        assert.equal(refusal?.changes?.attempted?.after, 'info');
      },
    },
    {
      what: 'rename the PDF of an own draft legal document (audited)',
      run: async (s) => {
        const file = await attachedPdf(s, false);
        Object.assign(lastFile, { documentId: file.documentId, userId: s.userId });
        return s.request('PUT', `/upload/files/${file.id}`, { fileInfo: { name: 'quyet-dinh-ban-sua.pdf' } });
      },
      expected: ALL_OK,
      check: async () => {
        const entries = await fileTrail(lastFile.documentId);
        assert.deepEqual(
          entries.map((e) => [e.action, e.actorId, e.changes?.name]),
          [['update', lastFile.userId, { before: 'quyet-dinh.pdf', after: 'quyet-dinh-ban-sua.pdf' }]],
        );
      },
    },
    {
      what: 'replace the PDF of an own draft legal document (audited)',
      run: async (s) => {
        const file = await attachedPdf(s, false);
        Object.assign(lastFile, { documentId: file.documentId, userId: s.userId });
        return s.request('POST', `/upload?id=${file.id}`, filesForm(pdf('ban sua'), 'quyet-dinh.pdf'));
      },
      expected: ALL_OK,
      check: async () => {
        const entries = await fileTrail(lastFile.documentId);
        assert.deepEqual(
          entries.map((e) => [e.action, e.actorId]),
          [['update', lastFile.userId]],
        );
      },
    },
    {
      what: 'approve an entry it edited last (separation of duties)',
      run: async (s) => {
        const id = await othersAt('cho_duyet');
        const edit = await put(s, id, { lead: 'Người duyệt tự sửa' });
        if (edit.status >= 300) return edit;
        return put(s, id, { editorialStage: 'da_duyet' });
      },
      expected: { editor: 403, reviewer: 400, chief: 400 },
      message: /^Trạng thái biên tập: người duyệt không được là người viết hoặc sửa bài lần cuối/,
    },
    {
      what: 'change the text of an approved entry, which goes back for review (separation of duties)',
      run: async (s) => {
        source = await othersAt('da_duyet');
        return put(s, source, { lead: 'Sửa sau khi duyệt' });
      },
      expected: { editor: 403, reviewer: 'ok', chief: 'ok' },
      check: async () => {
        const stored = ok(await ctx.admin().request('GET', `${ctx.admin().base(ARTICLE)}/${source}`));
        assert.equal(stored.editorialStage, 'cho_duyet');
        const last = (await trail(source)).at(-1);
        assert.deepEqual(last?.changes?.editorialStage, { before: 'da_duyet', after: 'cho_duyet' });
      },
    },
    {
      what: 'edit and approve in the same save (separation of duties)',
      run: async (s) => put(s, await othersAt('cho_duyet'), { lead: 'Sửa và duyệt luôn', editorialStage: 'da_duyet' }),
      expected: { editor: 403, reviewer: 400, chief: 400 },
      message: /^Trạng thái biên tập: người duyệt không được là người viết hoặc sửa bài lần cuối/,
    },
  ];
  return { rows, clones, attachedPdf, fileTrail };
}

/** Checks beyond one request per role, on the same backend. */
export function trustTests(ctx: WorkflowContext, matrix: ReturnType<typeof trustMatrix>): void {
  const { ok, article, put, trail } = ctx;
  const clones = () => matrix.clones;

  it("refuses even the super admin the replace or delete of a published legal document's PDF, and audits both", async () => {
    const admin = ctx.admin();
    const file = await matrix.attachedPdf(admin, true);
    const replace = await admin.request('POST', `/upload?id=${file.id}`, filesForm(pdf('thay'), 'quyet-dinh.pdf'));
    const remove = await admin.request('DELETE', `/upload/files/${file.id}`);
    assert.deepEqual([replace.status, remove.status], [400, 400]);
    assert.match(remove.error?.message ?? '', FILE_LOCKED);
    // The public URL still serves the approved bytes.
    const stored = (await admin.request('GET', `/upload/files/${file.id}`)).body as { url: string };
    assert.match(await (await fetch(`${ctx.backend().cmsUrl}${stored.url}`)).text(), /ban goc/);
    assert.deepEqual(
      (await matrix.fileTrail(file.documentId)).map((e) => [e.action, e.changes?.attempted?.after]),
      [
        ['refuse', 'replace'],
        ['refuse', 'delete'],
      ],
    );
  });

  it("refuses even the super admin a bulk rename of a published legal document's PDF; its caption may change", async () => {
    const admin = ctx.admin();
    const file = await matrix.attachedPdf(admin, true);
    const bulk = await admin.request('POST', '/upload/actions/bulk-update', {
      updates: [{ id: file.id, fileInfo: { name: 'doi-ten.pdf', alternativeText: null, caption: null } }],
    });
    assert.equal(bulk.status, 400, JSON.stringify(bulk.body));
    assert.match(bulk.error?.message ?? '', FILE_LOCKED);
    // The media library sends every field when one changes: the same name and text with a new caption pass.
    const caption = await admin.request('PUT', `/upload/files/${file.id}`, {
      fileInfo: { name: 'quyet-dinh.pdf', alternativeText: null, caption: 'Bản ký số' },
    });
    assert.equal(caption.status, 200, JSON.stringify(caption.body));
    const stored = (await admin.request('GET', `/upload/files/${file.id}`)).body as { name: string; caption: string };
    assert.deepEqual([stored.name, stored.caption], ['quyet-dinh.pdf', 'Bản ký số']);
    assert.deepEqual(
      (await matrix.fileTrail(file.documentId)).map((e) => [e.action, e.changes?.attempted?.after]),
      [['refuse', 'info']],
    );
  });

  it("refuses the replace of a form in an approved procedure's dossier (a file inside a component)", async () => {
    const admin = ctx.admin();
    const file = await uploadPdf(admin, 'mau don', 'mau-don.pdf');
    const procedure = ok(
      await admin.request('POST', admin.base(PROCEDURE), {
        code: '1.009901',
        name: 'Cấp giấy phép thử nghiệm',
        level: 'tinh',
        dossier: [{ name: 'Đơn đề nghị', form: file.id }],
      }),
    ).documentId;
    // The form of a draft may still be replaced.
    const draft = await admin.request('POST', `/upload?id=${file.id}`, filesForm(pdf('mau sua'), 'mau-don.pdf'));
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    ok(await admin.request('PUT', `${admin.base(PROCEDURE)}/${procedure}`, { editorialStage: 'da_duyet' }));
    const approved = await admin.request('POST', `/upload?id=${file.id}`, filesForm(pdf('mau moi'), 'mau-don.pdf'));
    assert.equal(approved.status, 400);
    assert.match(approved.error?.message ?? '', FILE_LOCKED);
  });

  it('never publishes a clone through the schedule, even one asking for a past publication time', async () => {
    const ids = clones();
    assert.ok(ids.length >= 3, `only ${ids.length} clones were made`);
    // The schedule runs every 2 s in this backend: three runs.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    for (const id of ids) {
      const published = await fetch(`${ctx.backend().cmsUrl}/api/articles/${id}`, {
        headers: { Authorization: `Bearer ${ctx.backend().secrets.PORTAL_SITE_TOKEN}` },
      });
      assert.equal(published.status, 404, `clone ${id} was published`);
      assert.ok(!(await trail(id)).some((e) => e.action === 'publish'));
    }
  });

  it('refuses system fields from the super admin too, and the entry stays editable and deletable', async () => {
    const admin = ctx.admin();
    const id = await article(admin);
    const wedge = await put(admin, id, { documentId: 'y'.repeat(80) });
    assert.equal(wedge.status, 400);
    assert.deepEqual(wedge.error?.details?.errors?.[0]?.path, ['documentId']);
    // The panel sends the entry back as it read it: repeating the stored values is not an error.
    const stored = ok(await admin.request('GET', `${admin.base(ARTICLE)}/${id}`));
    ok(await put(admin, id, { ...stored, lead: 'Lưu lại như bảng quản trị' }));
    ok(await admin.request('DELETE', `${admin.base(ARTICLE)}/${id}`));
    assert.deepEqual(
      (await trail(id)).map((e) => e.action),
      ['create', 'update', 'delete'],
    );
  });

  it('lets a reviewer approve what it wrote when the site setting allows it', async () => {
    const admin = ctx.admin();
    const settings = '/content-manager/single-types/api::site-setting.site-setting';
    const base = { portalName: 'Cổng thử nghiệm', ownerAgency: 'UBND tỉnh' };
    ok(await admin.request('PUT', settings, { ...base, separateApproval: false }));
    try {
      const id = await article(ctx.as.reviewer);
      ok(await put(ctx.as.reviewer, id, { editorialStage: 'cho_duyet' }));
      ok(await put(ctx.as.reviewer, id, { editorialStage: 'da_duyet' }));
    } finally {
      ok(await admin.request('PUT', settings, { ...base, separateApproval: true }));
    }
  });

  it("has none of Strapi's default API tokens or admin roles, and keeps the portal's own", async () => {
    const admin = ctx.admin();
    const tokens = await admin.request('GET', '/admin/api-tokens');
    const names = (tokens.data as unknown as Array<{ name: string }>).map((t) => t.name);
    assert.ok(names.includes('site-build'), names.join());
    assert.ok(!names.includes('Full Access') && !names.includes('Read Only'), names.join());
    const roles = await admin.request('GET', '/admin/roles');
    const roleNames = (roles.data as unknown as Array<{ name: string }>).map((r) => r.name).sort();
    // The portal's roles as editorial/roles.ts owns them (the agency officer's included), and the super admin.
    assert.deepEqual(roleNames, [...PORTAL_ROLES.map((role) => role.name), 'Super Admin'].sort());
  });
}

/** The matrix as the closing note shows it: one line per action, expected/observed per role. */
export function formatMatrix(observed: Map<string, Record<Role, string>>, rows: MatrixRow[]): string {
  const roles: Role[] = ['editor', 'reviewer', 'chief'];
  const lines = [`| action | ${roles.join(' | ')} |`, `| --- | ${roles.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const seen = observed.get(row.what);
    const cells = roles.map((role) => `${row.expected[role]}/${seen?.[role] ?? 'not run'}`);
    lines.push(`| ${row.what} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
