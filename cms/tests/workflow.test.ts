/**
 * The editorial workflow on a real Strapi (temporary SQLite), through the admin API as each member of
 * the board uses it: what each role may do (RBAC answers 403; the stage rules answer 400 with a
 * Vietnamese message naming the field), the chain of stages, the schedule and the audit trail.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminSession,
  CONFIRM_UNREVIEWED,
  createAdminUser,
  graphql,
  startTestBackend,
  type AdminSession,
  type TestBackend,
} from '@portal/scripts/testing';
import {
  ARTICLE,
  formatMatrix,
  trustMatrix,
  trustTests,
  type Answer,
  type Outcome,
  type AuditEntry,
  type MatrixRow,
  type Role,
  type WorkflowContext,
} from './workflow-trust.ts';
import { assertChromium, launchChromium } from '../../site/tests/browser.ts';
import { englishIn, firstDay } from './first-day.ts';
import { GUIDE_VIEWPORT, screenshot } from './guide-screenshots.ts';
import articleLabels from '../src/api/article/content-types/article/admin-labels.ts';
import { EDITORIAL_FIELD_LABELS, type FieldLabels } from '../src/editorial/field-labels.ts';
import { WORKFLOW_TYPES } from '../src/editorial/roles.ts';

const AUDIT = 'api::audit-entry.audit-entry';
const WORKFLOW_UIDS: readonly string[] = WORKFLOW_TYPES;
/** Strapi's English that its Vietnamese translation lacked on the list view (cms/src/admin/strapi-vi.ts). */
const ENGLISH_ON_THE_LIST = [
  'Create new entry',
  'entries found',
  'Content Manager',
  'Collection Types',
  'Draft',
  'Search',
  'Status',
];

type LabelTable = { default: FieldLabels; LIST: readonly string[] };
/** The tables next to the schemas, as the bootstrap applies them. */
const LABEL_TABLES: Record<string, LabelTable> = Object.fromEntries(
  await Promise.all(
    [
      'agency',
      'article',
      'audit-entry',
      'banner-link',
      'calendar-entry',
      'category',
      'consultation',
      'consultation-comment',
      'field',
      'legal-document',
      'page',
      'procedure',
      'question',
      'site-setting',
      'tag',
      'validity-change',
    ].map(async (name): Promise<[string, LabelTable]> => [
      `api::${name}.${name}`,
      (await import(`../src/api/${name}/content-types/${name}/admin-labels.ts`)) as LabelTable,
    ]),
  ),
);
interface ViewConfiguration {
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
  metadatas: Record<string, { edit: { label?: string; description?: string }; list: { label?: string } }>;
}

describe('editorial workflow', () => {
  let backend: TestBackend;
  let admin: AdminSession;
  const as = {} as Record<Role | 'otherEditor', AdminSession>;
  let counter = 0;

  before(async () => {
    // The schedule runs every 2 s here instead of every minute.
    backend = await startTestBackend({ demoContent: false, cmsEnv: { PORTAL_SCHEDULE_CRON: '*/2 * * * * *' } });
    admin = await adminSession(backend);
    const user = (key: string, firstname: string, roleName: string) =>
      createAdminUser(backend, admin, { email: `${key}@portal.test`, firstname, roleName });
    as.editor = await user('btv', 'Lan', 'Biên tập viên');
    as.otherEditor = await user('btv2', 'Minh', 'Biên tập viên');
    as.reviewer = await user('tkts', 'Hùng', 'Thư ký tòa soạn');
    as.chief = await user('tbbt', 'Hoa', 'Trưởng ban biên tập');
  });
  after(async () => {
    // The role matrix as the closing note shows it (expected/observed).
    console.log(`\nRole × action matrix (expected/observed)\n${formatMatrix(observed, ROWS)}\n`);
    await backend?.dispose();
  });

  const ok = (answer: Answer) => {
    assert.ok(answer.status < 300, `HTTP ${answer.status} ${JSON.stringify(answer.error)}`);
    return answer.data as { documentId: string } & Record<string, unknown>;
  };
  const article = async (session: AdminSession, extra: Record<string, unknown> = {}) =>
    ok(
      await session.request('POST', session.base(ARTICLE), {
        title: `Tin thử nghiệm số ${++counter}`,
        lead: 'Tóm tắt',
        ...extra,
      }),
    ).documentId;
  const put = (session: AdminSession, id: string, data: Record<string, unknown>) =>
    session.request('PUT', `${session.base(ARTICLE)}/${id}`, data);
  const action = (session: AdminSession, id: string, name: 'publish' | 'unpublish') =>
    session.request('POST', `${session.base(ARTICLE)}/${id}/actions/${name}`, {});
  /** An entry by another editor, moved along the chain by the super admin. */
  const othersAt = async (stage: 'nhap' | 'cho_duyet' | 'da_duyet' | 'published') => {
    const id = await article(as.otherEditor);
    if (stage !== 'nhap') ok(await put(as.otherEditor, id, { editorialStage: 'cho_duyet' }));
    if (stage === 'da_duyet' || stage === 'published') ok(await put(admin, id, { editorialStage: 'da_duyet' }));
    if (stage === 'published') ok(await action(admin, id, 'publish'));
    return id;
  };
  const stageOf = async (id: string) => ok(await admin.request('GET', `${admin.base(ARTICLE)}/${id}`)).editorialStage;
  const trail = async (id: string) => {
    const answer = await admin.request(
      'GET',
      `${admin.base(AUDIT)}?filters[entryDocumentId][$eq]=${id}&sort=id:asc&pageSize=100`,
    );
    assert.equal(answer.status, 200);
    return (answer.body as { results: AuditEntry[] }).results;
  };

  // First, on a board with no content yet: the pictures of the editors' guide are taken here.
  it('carries the first day in Chromium, in Vietnamese: an article with a cover and a document with an attachment written, sent back with a reason, approved, published', async () => {
    assertChromium();
    assert.deepEqual(englishIn('Lưu\nSave Draft · Bản nháp'), ['Save', 'Draft'], 'the English check finds English');
    const browser = await launchChromium();
    try {
      const started = Date.now();
      const { steps } = await firstDay(browser, {
        cmsUrl: backend.cmsUrl,
        editor: as.editor.login,
        reviewer: as.reviewer.login,
        chief: as.chief.login,
        read: async (uid, documentId) => ok(await admin.request('GET', `${admin.base(uid)}/${documentId}`)),
      });
      console.log(`First day: ${steps.length} screens checked in ${Math.round((Date.now() - started) / 1000)} s`);
    } finally {
      await browser.close();
    }
  });

  const MATRIX: Array<[what: string, run: (s: AdminSession) => Promise<Answer>, Record<Role, Outcome>]> = [
    [
      'create a draft',
      (s) => s.request('POST', s.base(ARTICLE), { title: `Tin mới ${++counter}` }),
      { editor: 'ok', reviewer: 'ok', chief: 'ok' },
    ],
    [
      'update an own draft',
      async (s) => put(s, await article(s), { lead: 'Tóm tắt đã sửa' }),
      { editor: 'ok', reviewer: 'ok', chief: 'ok' },
    ],
    [
      "update another editor's draft",
      async (s) => put(s, await othersAt('nhap'), { lead: 'Sửa bài người khác' }),
      { editor: 403, reviewer: 'ok', chief: 'ok' },
    ],
    [
      'submit an own draft for review',
      async (s) => put(s, await article(s), { editorialStage: 'cho_duyet' }),
      { editor: 'ok', reviewer: 'ok', chief: 'ok' },
    ],
    [
      'approve an own entry',
      async (s) => {
        const id = await article(s);
        ok(await put(s, id, { editorialStage: 'cho_duyet' }));
        return put(s, id, { editorialStage: 'da_duyet' });
      },
      // Separation of duties (on by default): whoever wrote the text does not approve it.
      { editor: 400, reviewer: 400, chief: 400 },
    ],
    [
      "approve another editor's entry",
      async (s) => put(s, await othersAt('cho_duyet'), { editorialStage: 'da_duyet' }),
      { editor: 403, reviewer: 'ok', chief: 'ok' },
    ],
    [
      'send an entry back with a reason',
      async (s) => put(s, await othersAt('cho_duyet'), { editorialStage: 'tra_lai', reviewNote: 'Thiếu nguồn tin.' }),
      { editor: 403, reviewer: 'ok', chief: 'ok' },
    ],
    [
      'publish an approved entry',
      async (s) => action(s, await othersAt('da_duyet'), 'publish'),
      { editor: 403, reviewer: 403, chief: 'ok' },
    ],
    [
      'unpublish a published entry',
      async (s) => action(s, await othersAt('published'), 'unpublish'),
      { editor: 403, reviewer: 403, chief: 'ok' },
    ],
    [
      'delete an own entry',
      async (s) => s.request('DELETE', `${s.base(ARTICLE)}/${await article(s)}`),
      { editor: 403, reviewer: 403, chief: 'ok' },
    ],
    ['read the audit trail', (s) => s.request('GET', s.base(AUDIT)), { editor: 403, reviewer: 403, chief: 'ok' }],
  ];

  const context: WorkflowContext = {
    backend: () => backend,
    admin: () => admin,
    as,
    ok,
    article,
    put,
    othersAt,
    trail,
  };
  const trust = trustMatrix(context);
  const ROWS: MatrixRow[] = [
    ...MATRIX.map(([what, run, expected]): MatrixRow => ({ what, run, expected })),
    ...trust.rows,
  ];
  const observed = new Map<string, Record<Role, string>>();

  for (const row of ROWS) {
    for (const role of ['editor', 'reviewer', 'chief'] as const) {
      const expected = row.expected[role];
      it(`${expected === 'ok' ? 'lets' : 'refuses'} the ${role} ${row.what}${expected === 'ok' ? '' : ` (${expected})`}`, async () => {
        const answer = await row.run(as[role], role);
        const seen = observed.get(row.what) ?? ({} as Record<Role, string>);
        seen[role] = answer.status < 300 ? 'ok' : String(answer.status);
        observed.set(row.what, seen);
        if (expected === 'ok') {
          ok(answer);
          await row.check?.(answer, as[role], role);
        } else {
          assert.equal(answer.status, expected, JSON.stringify(answer.error));
          if (expected === 400) {
            assert.equal(answer.error?.name, 'ValidationError');
            assert.match(answer.error?.details?.errors?.[0]?.message ?? '', row.message ?? /^Trạng thái biên tập/);
          }
          await row.after?.();
        }
      });
    }
  }

  trustTests(context, trust);

  it('shows the stage as a column of the admin list and filters by it', async () => {
    const view = await admin.request('GET', `/content-manager/content-types/${ARTICLE}/configuration`);
    const layouts = (view.data as { contentType: { layouts: { list: string[] } } }).contentType.layouts;
    assert.ok(layouts.list.includes('editorialStage'), JSON.stringify(layouts.list));
    const waiting = await othersAt('cho_duyet');
    const list = await as.reviewer.request(
      'GET',
      `${as.reviewer.base(ARTICLE)}?filters[editorialStage][$eq]=cho_duyet&pageSize=100`,
    );
    const results = (list.body as { results: Array<{ documentId: string; editorialStage: string }> }).results;
    assert.ok(results.some((r) => r.documentId === waiting));
    assert.ok(results.every((r) => r.editorialStage === 'cho_duyet'));
  });

  it('refuses to publish an entry that is not approved, saying so in Vietnamese', async () => {
    const id = await othersAt('cho_duyet');
    const answer = await action(as.chief, id, 'publish');
    assert.equal(answer.status, 400);
    assert.equal(answer.error?.details?.errors?.[0]?.path[0], 'editorialStage');
    assert.match(answer.error?.message ?? '', /Chỉ xuất bản được bài đã duyệt; bài đang ở trạng thái “Chờ duyệt”/);
    assert.equal(await stageOf(id), 'cho_duyet');
  });

  it('refuses to send an entry back without a reason, naming the field', async () => {
    const answer = await put(as.reviewer, await othersAt('cho_duyet'), { editorialStage: 'tra_lai', reviewNote: ' ' });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.error?.details?.errors?.[0]?.path, ['reviewNote']);
    assert.match(answer.error?.message ?? '', /^Lý do trả lại/);
  });

  it('marks a published entry da_xuat_ban and sends it back to draft when an editor edits it', async () => {
    const id = await article(as.editor);
    ok(await put(as.editor, id, { editorialStage: 'cho_duyet' }));
    ok(await put(as.reviewer, id, { editorialStage: 'da_duyet' }));
    ok(await action(as.chief, id, 'publish'));
    assert.equal(await stageOf(id), 'da_xuat_ban');
    ok(await put(as.editor, id, { lead: 'Tóm tắt sửa sau khi đăng' }));
    assert.equal(await stageOf(id), 'nhap');
  });

  it('refuses a publication schedule set by anyone but the chief', async () => {
    const id = await article(as.editor);
    const answer = await put(as.editor, id, { scheduledPublishAt: new Date().toISOString() });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.error?.details?.errors?.[0]?.path, ['scheduledPublishAt']);
    assert.match(answer.error?.message ?? '', /^Lịch xuất bản/);
  });

  it('records each action in the audit trail with the user and the before and after', async () => {
    const id = await article(as.editor, { title: 'Tiêu đề ban đầu' });
    ok(await put(as.editor, id, { title: 'Tiêu đề đã sửa' }));
    const category = ok(
      await as.editor.request('POST', as.editor.base('api::category.category'), { name: 'Chuyển đổi số' }),
    ).documentId;
    ok(await put(as.editor, id, { category: { connect: [{ documentId: category }] } }));
    ok(await put(as.editor, id, { editorialStage: 'cho_duyet' }));
    ok(await put(as.reviewer, id, { editorialStage: 'tra_lai', reviewNote: 'Cần thêm ảnh.' }));
    ok(await put(as.editor, id, { editorialStage: 'cho_duyet' }));
    ok(await put(as.reviewer, id, { editorialStage: 'da_duyet' }));
    ok(await action(as.chief, id, 'publish'));
    ok(await action(as.chief, id, 'unpublish'));
    ok(await as.chief.request('DELETE', `${as.chief.base(ARTICLE)}/${id}`));

    const entries = await trail(id);
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorEmail]),
      [
        ['create', 'btv@portal.test'],
        ['update', 'btv@portal.test'],
        ['update', 'btv@portal.test'],
        ['stage', 'btv@portal.test'],
        ['stage', 'tkts@portal.test'],
        ['stage', 'btv@portal.test'],
        ['stage', 'tkts@portal.test'],
        ['publish', 'tbbt@portal.test'],
        ['unpublish', 'tbbt@portal.test'],
        ['delete', 'tbbt@portal.test'],
      ],
    );
    assert.deepEqual(entries[1]?.changes?.title, { before: 'Tiêu đề ban đầu', after: 'Tiêu đề đã sửa' });
    assert.deepEqual(entries[2]?.changes, { category: { before: null, after: category } });
    assert.deepEqual(entries[4]?.changes, {
      editorialStage: { before: 'cho_duyet', after: 'tra_lai' },
      reviewNote: { before: null, after: 'Cần thêm ảnh.' },
    });
    assert.equal(entries[7]?.actorName, 'Hoa Thử nghiệm');
    assert.equal(entries[9]?.entryTitle, 'Tiêu đề đã sửa');
    const [created] = await trail(category);
    assert.deepEqual(
      [created?.action, created?.contentType, created?.actorEmail],
      ['create', 'api::category.category', 'btv@portal.test'],
    );
  });

  it('records discarding the changes of a published entry', async () => {
    const id = await othersAt('published');
    ok(await put(as.reviewer, id, { lead: 'Tóm tắt chưa duyệt' }));
    ok(await as.reviewer.request('POST', `${as.reviewer.base(ARTICLE)}/${id}/actions/discard`, {}));
    const last = (await trail(id)).at(-1);
    assert.deepEqual([last?.action, last?.actorEmail], ['discard', 'tkts@portal.test']);
  });

  it('publishes and later withdraws an entry at the scheduled times, as the system acting for the chief', async () => {
    const id = await othersAt('da_duyet');
    const soon = () => new Date(Date.now() + 1000).toISOString();
    const waitForStage = async (wanted: string) => {
      let stage: unknown;
      for (let tries = 0; tries < 40 && stage !== wanted; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        stage = await stageOf(id);
      }
      assert.equal(stage, wanted);
    };
    ok(await put(as.chief, id, { scheduledPublishAt: soon() }));
    await waitForStage('da_xuat_ban');
    ok(await put(as.chief, id, { scheduledUnpublishAt: soon() }));
    // Unpublished text keeps its approval.
    await waitForStage('da_duyet');
    const scheduled = (await trail(id)).filter((e) => e.action === 'publish' || e.action === 'unpublish');
    assert.deepEqual(
      scheduled.map((e) => [e.action, e.actorName]),
      [
        ['publish', 'Hệ thống (lịch hẹn)'],
        ['unpublish', 'Hệ thống (lịch hẹn)'],
      ],
    );
    for (const entry of scheduled) assert.match(entry.onBehalfOf ?? '', /tbbt@portal\.test/);
  });

  it('keeps the audit trail unalterable through the admin API, even for the super admin', async () => {
    const list = await admin.request('GET', `${admin.base(AUDIT)}?pageSize=1`);
    const entry = (list.body as { results: Array<{ documentId: string }> }).results[0];
    assert.ok(entry);
    for (const session of [admin, as.chief]) {
      const edit = await session.request('PUT', `${session.base(AUDIT)}/${entry.documentId}`, { actorName: 'Ai đó' });
      const remove = await session.request('DELETE', `${session.base(AUDIT)}/${entry.documentId}`);
      const forge = await session.request('POST', session.base(AUDIT), {
        at: new Date().toISOString(),
        action: 'publish',
        actorName: 'Giả mạo',
        contentType: ARTICLE,
        entryDocumentId: 'x',
      });
      assert.deepEqual([edit.status, remove.status, forge.status], [403, 403, 403]);
    }
    const still = await admin.request('GET', `${admin.base(AUDIT)}/${entry.documentId}`);
    assert.notEqual(still.data?.actorName, 'Ai đó');
  });

  it('labels every field of each type in Vietnamese in the Content Manager, from the tables next to the schemas', async () => {
    for (const [uid, table] of Object.entries(LABEL_TABLES)) {
      const view = await admin.request('GET', `/content-manager/content-types/${uid}/configuration`);
      assert.equal(view.status, 200, uid);
      const { layouts, metadatas } = (view.data as { contentType: ViewConfiguration }).contentType;
      const expected = WORKFLOW_UIDS.includes(uid) ? { ...table.default, ...EDITORIAL_FIELD_LABELS } : table.default;
      for (const [field, { label, description, visible }] of Object.entries(expected)) {
        assert.equal(metadatas[field]?.edit.label, label, `${uid}.${field}`);
        assert.equal(metadatas[field]?.edit.description, description, `${uid}.${field}`);
        const inLayout = layouts.edit.flat().some((cell) => cell.name === field);
        assert.equal(inLayout, visible !== false, `${uid}.${field} in the edit layout`);
      }
      assert.deepEqual(layouts.list, [...table.LIST], uid);
    }
    const article = await admin.request('GET', `/content-manager/content-types/${ARTICLE}/configuration`);
    const { metadatas } = (article.data as { contentType: ViewConfiguration }).contentType;
    assert.equal(metadatas.updatedAt?.list.label, 'Cập nhật lần cuối');
    assert.equal(metadatas.createdBy?.list.label, 'Người tạo');
  });

  it('opens the panel in Vietnamese for every new account', async () => {
    for (const session of [as.editor, as.reviewer, as.chief]) {
      const me = await session.request('GET', '/admin/users/me');
      assert.equal(me.data?.preferedLanguage, 'vi');
    }
  });

  it('leaves the editorial log read-only in the panel: no role, not even the super admin, may create, edit or delete', async () => {
    for (const session of [admin, as.chief, as.reviewer, as.editor]) {
      const mine = await session.request('GET', '/admin/users/me/permissions');
      const onLog = (mine.data as unknown as Array<{ action: string; subject: string | null }>)
        .filter((permission) => permission.subject === AUDIT)
        .map((permission) => permission.action.replace('plugin::content-manager.explorer.', ''));
      assert.deepEqual(
        onLog.filter((action) => action !== 'read'),
        [],
        `${session === admin ? 'super admin' : session.userId}: ${onLog.join(',')}`,
      );
    }
  });

  it('publishes an unreviewed entry for the super admin only when confirmed, and records it as such', async () => {
    const id = await article(as.editor);
    const refused = await action(admin, id, 'publish');
    assert.equal(refused.status, 400);
    assert.equal(refused.error?.details?.errors?.[0]?.path[0], 'editorialStage');
    assert.match(refused.error?.message ?? '', /Bài chưa qua duyệt \(trạng thái “Nháp”\).*Xuất bản không qua duyệt/);
    assert.equal(await stageOf(id), 'nhap');
    assert.ok(!(await trail(id)).some((entry) => entry.action.startsWith('publish')));

    const confirmed = await admin.request(
      'POST',
      `${admin.base(ARTICLE)}/${id}/actions/publish`,
      {},
      CONFIRM_UNREVIEWED,
    );
    assert.ok(confirmed.status < 300, JSON.stringify(confirmed.error));
    assert.equal(await stageOf(id), 'da_xuat_ban');
    const unreviewed = (await trail(id)).filter((entry) => entry.action === 'publish_unreviewed');
    assert.equal(unreviewed.length, 1);
    assert.deepEqual(unreviewed[0]?.changes?.editorialStage, { before: 'nhap', after: 'da_xuat_ban' });
    assert.match(unreviewed[0]?.actorEmail ?? '', /@/);

    // The confirmation is the super admin's alone: the chief still cannot publish what is not approved.
    const waiting = await othersAt('cho_duyet');
    const chief = await as.chief.request(
      'POST',
      `${as.chief.base(ARTICLE)}/${waiting}/actions/publish`,
      {},
      CONFIRM_UNREVIEWED,
    );
    assert.equal(chief.status, 400);
    assert.equal(await stageOf(waiting), 'cho_duyet');
  });

  it('shows the panel in Vietnamese in Chromium: login page, list columns, stage labels, field help, a log without a create button', async () => {
    assertChromium();
    const waiting = await othersAt('cho_duyet');
    const browser = await launchChromium();
    try {
      // A fresh browser whose own language is English: the panel still opens in Vietnamese.
      const context = await browser.newContext({ locale: 'en-US', viewport: GUIDE_VIEWPORT });
      const page = await context.newPage();
      const shot = (name: string, guide = false) => screenshot(page, name, { guide });
      await page.goto(`${backend.cmsUrl}/admin/auth/login`);
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      await page.getByText('Đăng nhập vào trang quản trị').waitFor();
      await shot('dang-nhap', true);

      await page.locator('input[name="email"]').fill(as.reviewer.login.email);
      await page.locator('input[name="password"]').fill(as.reviewer.login.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'));
      // The home page's desk: what waits for the reviewer.
      const queue = page.getByRole('region', { name: 'Bài chờ duyệt' });
      await queue.getByRole('link', { name: 'Tin thử nghiệm', exact: false }).first().waitFor();
      await page.getByText('Việc của tôi').first().waitFor();
      const home = await page.locator('body').innerText();
      assert.deepEqual(
        ['Last edited entries', 'Last published entries', 'Profile', 'No published entries'].filter((english) =>
          home.includes(english),
        ),
        [],
        `English on the home page:\n${home}`,
      );
      await shot('kiem-tra-viec-cua-toi');

      await page.goto(`${backend.cmsUrl}/admin/content-manager/collection-types/${ARTICLE}`);
      const table = page.locator('table');
      await table.locator('tbody tr').first().waitFor();
      const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim().toLowerCase());
      for (const column of ['Tiêu đề', 'Trạng thái biên tập', 'Người tạo', 'Cập nhật lần cuối', 'Tình trạng đăng'])
        assert.ok(headers.includes(column.toLowerCase()), `no column ${column} in ${JSON.stringify(headers)}`);
      await table.getByText('Chờ duyệt').first().waitFor();
      assert.equal(await table.getByText('cho_duyet', { exact: true }).count(), 0);
      const text = await page.locator('body').innerText();
      assert.deepEqual(
        ENGLISH_ON_THE_LIST.filter((english) => text.includes(english)),
        [],
        `English on the list view:\n${text}`,
      );
      await page.getByRole('link', { name: 'Tạo mới' }).waitFor();
      await shot('kiem-tra-danh-sach-tin');

      await page.goto(`${backend.cmsUrl}/admin/content-manager/collection-types/${ARTICLE}/${waiting}`);
      await page.getByText('Tóm tắt', { exact: true }).first().waitFor();
      await page.getByText(articleLabels.lead.description).waitFor();
      await page.getByText('Ảnh đại diện', { exact: true }).first().waitFor();
      await shot('kiem-tra-sua-tin');

      assert.match(await page.locator('body').innerText(), /tối đa 300 ký tự/);
      await context.close();

      // The editorial log as the super admin sees it (Strapi grants that account every permission).
      const operator = await browser.newContext({ locale: 'en-US', viewport: GUIDE_VIEWPORT });
      const logPage = await operator.newPage();
      await logPage.goto(`${backend.cmsUrl}/admin/auth/login`);
      await logPage.locator('input[name="email"]').fill(admin.login.email);
      await logPage.locator('input[name="password"]').fill(admin.login.password);
      await logPage.getByRole('button', { name: 'Đăng nhập' }).click();
      await logPage.waitForURL((url) => !url.pathname.includes('/auth/'));
      await logPage.getByText('Việc của tôi').first().waitFor();
      // Strapi's banner about its new media library, closed as a person would.
      const banner = logPage.getByRole('button', { name: 'Đóng thông báo.' });
      if (await banner.count()) await banner.first().click();
      // An unreviewed entry: the ordinary "Xuất bản" is refused, the confirmed action goes through.
      const unreviewed = await article(as.editor);
      await logPage.goto(`${backend.cmsUrl}/admin/content-manager/collection-types/${ARTICLE}/${unreviewed}`);
      await logPage.getByText('Tóm tắt', { exact: true }).first().waitFor();
      await screenshot(logPage, 'xuat-ban-0');
      await logPage.getByRole('button', { name: 'Xuất bản', exact: true }).click();
      await logPage
        .getByText(/Bài chưa qua duyệt/)
        .first()
        .waitFor();
      await screenshot(logPage, 'xuat-ban-1');
      assert.equal(await stageOf(unreviewed), 'nhap');
      await logPage.getByRole('button', { name: 'Thao tác khác' }).last().click();
      await logPage.getByRole('menuitem', { name: 'Xuất bản không qua duyệt' }).click();
      const dialog = logPage.getByRole('alertdialog');
      await dialog.getByText(/chưa được thư ký tòa soạn duyệt/).waitFor();
      await screenshot(logPage, 'xuat-ban-khong-qua-duyet', { guide: true });
      // The action reloads the page once the publication went through.
      const reloaded = logPage.waitForEvent('load');
      await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      await reloaded;
      assert.equal(await stageOf(unreviewed), 'da_xuat_ban');
      await logPage.getByText('Tóm tắt', { exact: true }).first().waitFor();
      const panel = await logPage.locator('body').innerText();
      assert.deepEqual(
        ['Preview', 'Set up preview', 'Entry', 'More document actions'].filter((english) => panel.includes(english)),
        [],
        `English on the edit view:\n${panel}`,
      );
      assert.ok((await trail(unreviewed)).some((entry) => entry.action === 'publish_unreviewed'));

      await logPage.goto(`${backend.cmsUrl}/admin/content-manager/collection-types/${AUDIT}`);
      await logPage.locator('table tbody tr').first().waitFor();
      const logHeaders = (await logPage.locator('table thead th').allInnerTexts()).map((t) => t.trim().toLowerCase());
      for (const column of ['Thời điểm', 'Thao tác', 'Mục', 'Người thực hiện'])
        assert.ok(logHeaders.includes(column.toLowerCase()), `no column ${column} in ${JSON.stringify(logHeaders)}`);
      await logPage.locator('table tbody').getByText('Chuyển trạng thái').first().waitFor();
      // The type of each entry by its Vietnamese name (the schema's displayName), not the uid.
      await logPage.locator('table tbody').getByText('Tin tức', { exact: true }).first().waitFor();
      assert.equal(await logPage.locator('table tbody').getByText(ARTICLE).count(), 0);
      assert.equal(await logPage.getByRole('link', { name: /Tạo mới|Create new entry/ }).count(), 0);
      assert.equal(await logPage.getByRole('button', { name: /Tạo mới|Create new entry/ }).count(), 0);
      await screenshot(logPage, 'kiem-tra-nhat-ky');
      await operator.close();
    } catch (error) {
      // What the panel showed when a check failed.
      await Promise.all(
        browser
          .contexts()
          .flatMap((c) => c.pages())
          .map((p, i) => screenshot(p, `loi-${i}`)),
      );
      throw error;
    } finally {
      await browser.close();
    }
  });

  it("shows each role's desk: the editor's drafts and what was sent back with the reason, the reviewer's queue, the chief's approved entries", async () => {
    type Desk = {
      role: string;
      lists: Array<{ key: string; title: string; entries: Array<Record<string, unknown>> }>;
    };
    const desk = async (session: AdminSession) => {
      const answer = await session.request('GET', '/portal/desk');
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.data as unknown as Desk;
    };
    const inList = (d: Desk, key: string, id: string) =>
      d.lists.find((list) => list.key === key)?.entries.find((entry) => entry.documentId === id);

    const draft = await article(as.editor);
    const returned = await article(as.editor);
    ok(await put(as.editor, returned, { editorialStage: 'cho_duyet' }));
    ok(await put(as.reviewer, returned, { editorialStage: 'tra_lai', reviewNote: 'Thiếu nguồn ảnh.' }));
    const waiting = await othersAt('cho_duyet');
    const approved = await othersAt('da_duyet');

    const editorDesk = await desk(as.editor);
    assert.deepEqual(
      editorDesk.lists.map((list) => list.title),
      ['Bản nháp của tôi', 'Bài bị trả lại'],
    );
    assert.equal(inList(editorDesk, 'myDrafts', draft)?.stageLabel, 'Nháp');
    assert.equal(inList(editorDesk, 'sentBack', returned)?.reviewNote, 'Thiếu nguồn ảnh.');
    // Only the editor's own entries.
    assert.equal(inList(editorDesk, 'myDrafts', await article(as.otherEditor)), undefined);

    const reviewerDesk = await desk(as.reviewer);
    assert.equal(inList(reviewerDesk, 'waitingReview', waiting)?.typeName, 'Tin tức');
    assert.equal(inList(reviewerDesk, 'waitingReview', approved), undefined);

    const chiefDesk = await desk(as.chief);
    assert.equal(chiefDesk.lists[0]?.title, 'Bài đã duyệt, chờ xuất bản');
    assert.ok(inList(chiefDesk, 'waitingPublication', approved));
    assert.equal(
      String(inList(chiefDesk, 'waitingPublication', approved)?.href),
      `/content-manager/collection-types/${ARTICLE}/${approved}`,
    );

    const anonymous = await fetch(`${backend.cmsUrl}/portal/desk`);
    assert.equal(anonymous.status, 401);
  });

  it('gives the site token neither the audit trail nor the private workflow fields', async () => {
    const headers = { Authorization: `Bearer ${backend.secrets.PORTAL_SITE_TOKEN}` };
    const rest = await fetch(`${backend.cmsUrl}/api/audit-entries`, { headers });
    assert.ok([403, 404].includes(rest.status), `REST answered ${rest.status}`);
    const query = await graphql(backend.cmsUrl, backend.secrets.PORTAL_SITE_TOKEN, '{ auditEntries { documentId } }');
    assert.equal(query.body.data ?? null, null);
    const [error] = (query.body.errors ?? []) as Array<{ message: string }>;
    assert.match(error?.message ?? '', /Cannot query field "auditEntries"/);
    const articles = await fetch(`${backend.cmsUrl}/api/articles`, { headers });
    assert.doesNotMatch(await articles.text(), /editorialStage|reviewNote|scheduledPublishAt/);
  });
});
