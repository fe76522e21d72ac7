/**
 * Agency officers, deadlines, the personal-data export and malformed submissions, on a real Strapi
 * (temporary SQLite) through the admin API and the public route: an officer of agency A sees and answers
 * only A's question (B's is refused by id, not merely hidden); each question gets its due date in working
 * days; the overdue one is on the board's desk and in the list filter; only the super admin exports a
 * person's data, audited; a few hundred malformed submissions are refused with Vietnamese messages and
 * store nothing (the 10,000-run is `npm run bench:submit-fuzz`).
 */
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminSession,
  createAdminUser,
  graphql,
  startTestBackend,
  type AdminSession,
  type TestBackend,
} from '@portal/scripts/testing';
import { fuzzCases, isVietnamese, messageOf, send, validSubmission } from './submission-fuzz.ts';
import { dueDate, isWeekend, isWorkingDay, localDate, nextDay } from '../src/questions/working-days.ts';

const QUESTION = 'api::question.question';
const ASSIGNMENT = 'api::officer-assignment.officer-assignment';
const HOLIDAY = 'api::holiday.holiday';
const AUDIT = 'api::audit-entry.audit-entry';

describe('agency officers, deadlines and personal data', () => {
  let backend: TestBackend;
  let admin: AdminSession;
  let officerA: AdminSession;
  let officerB: AdminSession;
  let unassigned: AdminSession;
  let chief: AdminSession;
  let fieldId: string;
  let agencyA: string;
  let agencyB: string;
  const questions: Record<'A' | 'B', string> = { A: '', B: '' };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  let submitUrl: string;
  let clients = 0;

  const submit = async (body: Record<string, unknown>) => {
    const answer = await send(
      agent,
      submitUrl,
      `198.51.100.${++clients % 250}`,
      'application/json',
      Buffer.from(JSON.stringify(body)),
    );
    assert.equal(answer.status, 201, answer.text);
    return (JSON.parse(answer.text) as { data: { trackingCode: string } }).data.trackingCode;
  };
  const total = async () => {
    const list = await admin.request('GET', `${admin.base(QUESTION)}?page=1&pageSize=1`);
    return (list.body as { pagination: { total: number } }).pagination.total;
  };
  const results = (answer: { body: unknown }) =>
    (answer.body as { results: Array<{ documentId: string; title: string }> }).results;

  before(async () => {
    backend = await startTestBackend({
      demoContent: false,
      cmsEnv: { PROXY_TRUSTED_HOPS: '1', QA_LIMIT_WITHOUT_PROOF: '100000', QA_LIMIT_WITH_PROOF: '100000' },
    });
    submitUrl = `${backend.cmsUrl}/api/hoi-dap/cau-hoi`;
    admin = await adminSession(backend);
    fieldId = String((await admin.createDraft('api::field.field', { name: 'Giao thông vận tải' })).documentId);
    agencyA = String(
      (await admin.createPublished('api::agency.agency', { name: 'Sở Giao thông vận tải', slug: 'so-gtvt' }))
        .documentId,
    );
    agencyB = String(
      (await admin.createPublished('api::agency.agency', { name: 'Sở Tư pháp', slug: 'so-tu-phap' })).documentId,
    );
    // A day off in the next weeks, so the due date must step over it.
    const day = new Date(Date.now() + 3 * 86_400_000);
    await admin.createDraft(HOLIDAY, { date: localDate(day), name: 'Ngày nghỉ thử nghiệm' });

    await submit({
      ...validSubmission(fieldId, 1),
      coQuan: agencyA,
      tieuDe: 'Câu hỏi gửi Sở Giao thông vận tải',
      email: 'an.nguyen@example.vn',
    });
    await submit({
      ...validSubmission(fieldId, 2),
      coQuan: agencyB,
      tieuDe: 'Câu hỏi gửi Sở Tư pháp về hộ tịch',
      email: 'binh.tran@example.vn',
      dienThoai: '+84 987 654 321',
    });
    const all = results(await admin.request('GET', `${admin.base(QUESTION)}?page=1&pageSize=10`));
    questions.A = all.find((q) => q.title.includes('Giao thông'))!.documentId;
    questions.B = all.find((q) => q.title.includes('Tư pháp'))!.documentId;

    const user = (key: string, roleName: string) =>
      createAdminUser(backend, admin, { email: `${key}@portal.test`, firstname: key, roleName });
    officerA = await user('canbo.a', 'Cán bộ trả lời');
    officerB = await user('canbo.b', 'Cán bộ trả lời');
    unassigned = await user('canbo.c', 'Cán bộ trả lời');
    chief = await user('truongban', 'Trưởng ban biên tập');
    await admin.createDraft(ASSIGNMENT, {
      officerEmail: 'canbo.a@portal.test',
      agency: { connect: [{ documentId: agencyA, locale: 'vi' }] },
    });
    // Upper case on purpose: e-mails compare without case.
    await admin.createDraft(ASSIGNMENT, {
      officerEmail: 'CANBO.B@portal.test',
      agency: { connect: [{ documentId: agencyB, locale: 'vi' }] },
    });
  });
  after(async () => {
    agent.destroy();
    await backend?.dispose();
  });

  it("lists only the questions routed to the officer's agency", async () => {
    const listA = await officerA.request('GET', `${officerA.base(QUESTION)}?page=1&pageSize=50`);
    assert.equal(listA.status, 200, JSON.stringify(listA.error));
    assert.deepEqual(
      results(listA).map((q) => q.documentId),
      [questions.A],
    );
    const listB = await officerB.request('GET', `${officerB.base(QUESTION)}?page=1&pageSize=50`);
    assert.deepEqual(
      results(listB).map((q) => q.documentId),
      [questions.B],
    );
    // Without an assignment: no question at all.
    const none = await unassigned.request('GET', `${unassigned.base(QUESTION)}?page=1&pageSize=50`);
    assert.ok(none.status === 403 || results(none).length === 0, `HTTP ${none.status}`);
  });

  it("refuses to read or change another agency's question by its id", async () => {
    const read = await officerA.request('GET', `${officerA.base(QUESTION)}/${questions.B}`);
    assert.ok([403, 404].includes(read.status), `read: HTTP ${read.status}`);
    assert.equal(JSON.stringify(read.body).includes('binh.tran'), false);
    const write = await officerA.request('PUT', `${officerA.base(QUESTION)}/${questions.B}`, {
      answeringUnit: 'Phòng A',
    });
    assert.ok([403, 404].includes(write.status), `update: HTTP ${write.status}`);
    const publish = await officerA.request('POST', `${officerA.base(QUESTION)}/${questions.A}/actions/publish`, {});
    assert.equal(publish.status, 403);
    const stored = (await admin.request('GET', `${admin.base(QUESTION)}/${questions.B}`)).data as Record<
      string,
      unknown
    >;
    assert.equal(stored.answeringUnit ?? null, null);
  });

  it('lets the officer answer their question and send it for review, but not reroute it', async () => {
    const own = await officerA.request('GET', `${officerA.base(QUESTION)}/${questions.A}`);
    assert.equal(own.status, 200, JSON.stringify(own.error));
    const answer = await officerA.request('PUT', `${officerA.base(QUESTION)}/${questions.A}`, {
      answer: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Ông/bà nộp hồ sơ tại bộ phận một cửa của Sở.' }] },
      ],
      answeringUnit: 'Phòng Quản lý phương tiện và người lái',
      processingStatus: 'da_tra_loi',
      editorialStage: 'cho_duyet',
      // Not among the officer's fields: ignored or refused, never applied.
      agency: { connect: [{ documentId: agencyB, locale: 'vi' }] },
      title: 'Tiêu đề do cán bộ sửa',
    });
    // Strapi keeps only the permitted fields of the input: the answer is saved, the rest dropped.
    assert.equal(answer.status, 200, JSON.stringify(answer.error));
    const stored = (await admin.request('GET', `${admin.base(QUESTION)}/${questions.A}?populate=agency`))
      .data as Record<string, unknown> & { agency?: { documentId?: string } | { count: number } };
    assert.notEqual(stored.title, 'Tiêu đề do cán bộ sửa');
    assert.equal(stored.answeringUnit, 'Phòng Quản lý phương tiện và người lái');
    assert.equal(stored.processingStatus, 'da_tra_loi');
    assert.equal(stored.editorialStage, 'cho_duyet');
    // Still A's: B's officer cannot see it, A's still can.
    const listA = await officerA.request('GET', `${officerA.base(QUESTION)}?page=1&pageSize=50`);
    assert.deepEqual(
      results(listA).map((q) => q.documentId),
      [questions.A],
    );
    const listB = await officerB.request('GET', `${officerB.base(QUESTION)}?page=1&pageSize=50`);
    assert.deepEqual(
      results(listB).map((q) => q.documentId),
      [questions.B],
    );
    // Approving is the board's: the officer cannot move the answer on.
    const approve = await officerA.request('PUT', `${officerA.base(QUESTION)}/${questions.A}`, {
      editorialStage: 'da_duyet',
    });
    assert.equal(approve.status, 400);
    assert.match(approve.error?.message ?? '', /cán bộ trả lời không được chuyển/);
  });

  it('gives each question its due date in working days, and lists the overdue ones for the board', async () => {
    const stored = (await admin.request('GET', `${admin.base(QUESTION)}/${questions.B}`)).data as Record<
      string,
      unknown
    >;
    const holidays = new Set([localDate(new Date(Date.now() + 3 * 86_400_000))]);
    assert.equal(stored.answerDueDate, dueDate(new Date(String(stored.receivedAt)), 10, holidays));
    // B's deadline moved into the past (as if received weeks ago): overdue.
    assert.equal(
      (await admin.request('PUT', `${admin.base(QUESTION)}/${questions.B}`, { answerDueDate: '2026-01-05' })).status,
      200,
    );
    const today = localDate(new Date());
    const filtered = await admin.request(
      'GET',
      `${admin.base(QUESTION)}?page=1&pageSize=50&filters[$and][0][answerDueDate][$lt]=${today}`,
    );
    assert.deepEqual(
      results(filtered).map((q) => q.documentId),
      [questions.B],
    );
    const desk = (await chief.request('GET', '/portal/desk')).data as {
      lists: Array<{ key: string; entries: Array<{ documentId: string; overdue: boolean }> }>;
    };
    const overdue = desk.lists.find((list) => list.key === 'overdueQuestions');
    assert.deepEqual(
      overdue?.entries.map((e) => [e.documentId, e.overdue]),
      [[questions.B, true]],
    );
    // The officer's desk: their agency's waiting questions only (A's is answered, B's is not theirs).
    const officerDesk = (await officerB.request('GET', '/portal/desk')).data as typeof desk;
    assert.deepEqual(
      officerDesk.lists.map((l) => [l.key, l.entries.map((e) => e.documentId)]),
      [['agencyQuestions', [questions.B]]],
    );
  });

  it("recounts the open questions' due dates when the days off or make-up days change, audited", async () => {
    const code = await submit({ ...validSubmission(fieldId, 3), tieuDe: 'Câu hỏi chờ lịch làm việc mới' });
    const found = await admin.request('GET', `${admin.base(QUESTION)}?filters[trackingCode][$eq]=${code}`);
    const documentId = results(found)[0]!.documentId;
    const read = async () =>
      (await admin.request('GET', `${admin.base(QUESTION)}/${documentId}`)).data as Record<string, string>;
    const dueOf = async () => String((await read()).answerDueDate);
    const dueOfB = async () =>
      String(((await admin.request('GET', `${admin.base(QUESTION)}/${questions.B}`)).data ?? {}).answerDueDate);
    const received = new Date((await read()).receivedAt!);
    const holidays = new Set([localDate(new Date(Date.now() + 3 * 86_400_000))]);
    const makeUp = new Set<string>();
    const expected = () => dueDate(received, 10, holidays, makeUp);
    assert.equal(await dueOf(), expected());
    const manualB = await dueOfB();

    // A working day within the period becomes a day off: one day later.
    let workday = nextDay(localDate(received));
    while (!isWorkingDay(workday, holidays)) workday = nextDay(workday);
    const given = await dueOf();
    const added = await admin.createDraft(HOLIDAY, { date: workday, name: 'Nghỉ hoán đổi thử nghiệm' });
    holidays.add(workday);
    assert.equal(await dueOf(), expected());
    assert.ok((await dueOf()) > given, 'a day off within the period moves the deadline later');
    // A Saturday in the period is worked in exchange (ngày làm bù): one day earlier again.
    let saturday = nextDay(localDate(received));
    while (!(isWeekend(saturday) && isWeekend(nextDay(saturday)))) saturday = nextDay(saturday);
    const later = await dueOf();
    await admin.createDraft(HOLIDAY, { date: saturday, name: 'Làm bù thử nghiệm', makeUpDay: true });
    makeUp.add(saturday);
    assert.equal(await dueOf(), expected());
    assert.ok((await dueOf()) < later, 'a make-up Saturday within the period moves the deadline earlier');
    // The day off removed: recounted once more.
    assert.equal((await admin.request('DELETE', `${admin.base(HOLIDAY)}/${String(added.documentId)}`)).status, 200);
    holidays.delete(workday);
    assert.equal(await dueOf(), expected());
    // B's deadline was set by hand before its receipt: nothing to recount. A's is answered: not open.
    assert.equal(await dueOfB(), manualB);

    const trail = await admin.request(
      'GET',
      `${admin.base(AUDIT)}?page=1&pageSize=50&filters[$and][0][entryDocumentId][$eq]=${documentId}`,
    );
    const moves = (results(trail) as unknown as Array<{ action: string; actorName: string; changes: unknown }>).filter(
      (entry) => JSON.stringify(entry.changes).includes('answerDueDate') && entry.action === 'update',
    );
    assert.equal(moves.length, 3, JSON.stringify(results(trail)));
    // Under the operator who edited the calendar, not an anonymous system line.
    for (const entry of moves) assert.doesNotMatch(entry.actorName, /^Hệ thống/);
  });

  it("exports one person's questions for the super admin only, audited, by e-mail or either form of the phone", async () => {
    assert.equal((await fetch(`${backend.cmsUrl}/portal/personal-data?email=binh.tran@example.vn`)).status, 401);
    const denied = await chief.request('GET', '/portal/personal-data?email=binh.tran@example.vn');
    assert.equal(denied.status, 403);
    assert.equal((await officerB.request('GET', '/portal/personal-data?email=binh.tran@example.vn')).status, 403);
    const bad = await admin.request('GET', '/portal/personal-data?email=khong-phai-email');
    assert.equal(bad.status, 400);
    assert.ok(isVietnamese(bad.error?.message ?? ''), bad.error?.message);

    const byEmail = await admin.request('GET', '/portal/personal-data?email=BINH.TRAN@example.vn');
    assert.equal(byEmail.status, 200);
    const data = byEmail.data as { questions: Array<Record<string, unknown>> };
    assert.deepEqual(
      data.questions.map((q) => q.documentId),
      [questions.B],
    );
    assert.equal(data.questions[0]?.askerName, 'Nguyễn Văn An');
    assert.equal(data.questions[0]?.askerPhone, '+84987654321');
    assert.ok(data.questions[0]?.consentText);
    const byPhone = await admin.request('GET', '/portal/personal-data?phone=0987.654.321');
    assert.deepEqual(
      (byPhone.data as typeof data).questions.map((q) => q.documentId),
      [questions.B],
    );

    const audit = await admin.request(
      'GET',
      `${admin.base(AUDIT)}?page=1&pageSize=50&filters[$and][0][action][$eq]=export`,
    );
    const entries = results(audit) as unknown as Array<{ entryDocumentId: string; changes: unknown }>;
    assert.equal(entries.length, 2);
    for (const entry of entries) {
      assert.equal(entry.entryDocumentId, questions.B);
      assert.equal(JSON.stringify(entry.changes).includes('binh.tran'), false, 'the audit names fields, not values');
    }
  });

  it('keeps the officer assignments, the days off and the due date out of the public APIs', async () => {
    const token = backend.secrets.PORTAL_SITE_TOKEN;
    for (const query of [
      '{ officerAssignments { officerEmail } }',
      '{ holidays { date } }',
      '{ questions { answerDueDate } }',
    ]) {
      const answer = await graphql(backend.cmsUrl, token, query);
      assert.ok(answer.body.errors?.length, `${query} answered: ${JSON.stringify(answer.body.data)}`);
    }
    for (const pathname of ['/api/officer-assignments', '/api/holidays']) {
      const answer = await fetch(`${backend.cmsUrl}${pathname}`, { headers: { Authorization: `Bearer ${token}` } });
      assert.ok([403, 404].includes(answer.status), `${pathname}: HTTP ${answer.status}`);
    }
    // Officers cannot see who else is assigned, nor change the days off.
    assert.equal((await officerA.request('GET', `${officerA.base(ASSIGNMENT)}?page=1&pageSize=10`)).status, 403);
    assert.equal(
      (await officerA.request('POST', officerA.base(HOLIDAY), { date: '2027-01-04', name: 'Thử' })).status,
      403,
    );
  });

  it('refuses 400 malformed submissions with Vietnamese messages, never 5xx, and stores none', async () => {
    const before = await total();
    const cases = fuzzCases({ seed: 12, count: 400, fieldId });
    const statuses = new Map<number, number>();
    const unclear: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < cases.length) {
          const item = cases[next++]!;
          const answer = await send(agent, submitUrl, `203.0.113.${next % 250}`, item.contentType, item.body);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status < 400 || answer.status >= 500) unclear.push(`${item.kind}: HTTP ${answer.status}`);
          else if (!isVietnamese(messageOf(answer.text))) unclear.push(`${item.kind}: ${answer.text.slice(0, 160)}`);
        }
      }),
    );
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    assert.deepEqual(unclear.slice(0, 10), []);
    assert.equal(await total(), before, 'no malformed submission was stored');
  });
});
