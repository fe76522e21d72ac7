/**
 * The first day of a provincial editorial board in the admin panel, in Chromium, as the people do it: a Biên tập
 * viên writes a news article with a cover image and a legal document with its attachment and sends both for
 * review; the Thư ký tòa soạn sends one back with a reason and approves the other; the Trưởng ban biên tập
 * publishes it. Every step waits for the Vietnamese words on the screen, checks the saved entry through the
 * admin API (the screen told the truth), and checks that none of the English strings below shows on the way.
 * It takes the editors' guide's pictures (guide-screenshots.ts).
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { GUIDE_VIEWPORT, screenshot } from './guide-screenshots.ts';

const ARTICLE = 'api::article.article';
const DOCUMENT = 'api::legal-document.legal-document';

/**
 * Strapi's English that must not show on an editor's path (whole words, case-sensitive): the buttons, badges,
 * menus and the media library's words, which its own Vietnamese translation lacks or which we translate.
 */
export const ENGLISH_ON_THE_PATH = [
  'Save',
  'Saved',
  'Publish',
  'Unpublish',
  'Create new entry',
  'Draft',
  'Published',
  'Modified',
  'Add new assets',
  'Content Manager',
  'Collection Types',
  'Media Library',
  'Browse files',
  'Upload',
  'Finish',
  'Cancel',
  'Click to add an asset',
  'Drag & Drop',
  'entries found',
  'Filters',
  'Search',
  'Status',
  'Entry',
  'More actions',
  'Last update',
  'Created',
  'Preview',
  'Welcome',
  'Home',
  'Profile',
  'No content found',
  'Last edited entries',
];

/** The strings of ENGLISH_ON_THE_PATH in a text, as whole words. */
export function englishIn(text: string): string[] {
  return ENGLISH_ON_THE_PATH.filter((english) => new RegExp(`(^|[^\\p{L}])${english}([^\\p{L}]|$)`, 'u').test(text));
}

/** The English strings the page shows (visible text and the dialogs over it). */
async function englishOn(page: Page): Promise<string[]> {
  return englishIn(await page.locator('body').innerText());
}

export interface Login {
  email: string;
  password: string;
}

export interface FirstDayOptions {
  cmsUrl: string;
  editor: Login;
  reviewer: Login;
  chief: Login;
  /** The saved entry as the admin API returns it (the draft, with the editorial fields). */
  read(uid: string, documentId: string): Promise<Record<string, unknown>>;
}

/** A cover photo and a PDF, as an editor has them on the desktop. */
async function files() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portal-first-day-'));
  const cover = path.join(dir, 'hoi-nghi-chuyen-doi-so.jpg');
  // A real JPEG (sharp decodes it into the library's formats), with a gradient so it is not blank.
  const width = 1200;
  const height = 675;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = 30 + Math.round((x / width) * 80);
      pixels[at + 1] = 90 + Math.round((y / height) * 90);
      pixels[at + 2] = 160;
    }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(cover);
  const attachment = path.join(dir, 'qd-15-2026-qd-ubnd.pdf');
  await writeFile(attachment, minimalPdf('Quyet dinh 15/2026/QD-UBND'));
  return { cover, attachment };
}

/** A one-page PDF that readers open (objects, cross-reference table and trailer with correct offsets). */
function minimalPdf(text: string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

export async function firstDay(browser: Browser, options: FirstDayOptions) {
  const { cmsUrl } = options;
  const { cover, attachment } = await files();
  const visited: Array<{ where: string; english: string[] }> = [];
  /** Records the English the page shows at this step; asserted once at the end, naming every step. */
  const checkEnglish = async (page: Page, where: string) => visited.push({ where, english: await englishOn(page) });

  const contexts: BrowserContext[] = [];
  /** A person opens the panel in a fresh browser whose own language is English, and logs in. */
  const login = async (who: Login) => {
    const context = await browser.newContext({ locale: 'en-US', viewport: GUIDE_VIEWPORT });
    contexts.push(context);
    // Generous: on a shared two-core machine the panel's first load can take a while.
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${cmsUrl}/admin/auth/login`);
    await page.getByText('Đăng nhập vào trang quản trị').waitFor();
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Mật khẩu').fill(who.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    await page.getByText('Việc của tôi').first().waitFor();
    // Strapi's banner about its new media library, closed as a person would (it stays closed for the browser).
    const banner = page.getByRole('button', { name: 'Đóng thông báo.' });
    if (await banner.count()) await banner.first().click();
    return page;
  };
  /** A field's label as the edit view shows it (a required field's label ends in a star). */
  const label = (page: Page, text: string) =>
    page.locator('label').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`) });
  /** The home page's widgets have loaded (nothing is published before the chief publishes). */
  const homeLoaded = (page: Page) => page.getByText('Chưa có mục nào được xuất bản').first().waitFor();
  const desk = (page: Page, list: string) => page.getByRole('region', { name: list });
  const openType = async (page: Page, typeName: string) => {
    await page.getByRole('link', { name: 'Quản lý nội dung' }).first().click();
    await page.getByRole('link', { name: typeName, exact: true }).first().click();
    await page.getByRole('heading', { name: typeName, exact: true }).waitFor();
  };
  /** Saves the form with the panel's "Lưu" and waits for Strapi's confirmation. */
  const save = async (page: Page) => {
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const saved = page.locator('[data-sonner-toast]').filter({ hasText: 'Đã lưu' });
    await saved.first().waitFor();
    // Closed as a person would ("Đóng"), so the next save's notice is a new one and no picture shows it.
    await saved.getByRole('button', { name: 'Đóng' }).first().click();
    await saved.first().waitFor({ state: 'detached' });
  };
  const chooseStage = async (page: Page, stage: string) => {
    await page.getByRole('combobox', { name: 'Trạng thái biên tập' }).click();
    await page.getByRole('option', { name: stage, exact: true }).click();
  };
  const documentIdOf = (page: Page) => {
    const match = /\/collection-types\/[^/]+\/([a-z0-9]{20,})/.exec(new URL(page.url()).pathname);
    assert.ok(match, `no entry in ${page.url()}`);
    return match[1]!;
  };
  /** Adds a file through the media field labelled `label`: the library, "Thêm tệp mới", "Chọn tệp", upload, finish. */
  const labelOf = (page: Page, text: string) => label(page, text);
  const addFile = async (page: Page, label: string, file: string, shot?: string) => {
    // The article and the document each have one media field.
    await labelOf(page, label).first().waitFor();
    await page.getByText('Bấm để thêm tệp', { exact: false }).first().click();
    const library = page.getByRole('dialog');
    await library
      .getByRole('button', { name: /^Thêm tệp( mới)?$/ })
      .first()
      .click();
    const upload = page.getByRole('dialog');
    await upload.getByText('Từ máy tính').first().waitFor();
    await upload.locator('input[type="file"]').setInputFiles(file);
    await upload.getByRole('button', { name: /Tải 1 tệp lên thư viện/ }).waitFor();
    if (shot) await screenshot(page, shot, { guide: true });
    await checkEnglish(page, `${label}: upload dialog`);
    await upload.getByRole('button', { name: /Tải 1 tệp lên thư viện/ }).click();
    const chosen = page.getByRole('dialog');
    await chosen.getByRole('button', { name: 'Hoàn tất' }).waitFor();
    await checkEnglish(page, `${label}: library with the uploaded file`);
    await chosen.getByRole('button', { name: 'Hoàn tất' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  };

  try {
    // ── The Biên tập viên: a news article with its cover ─────────────────────────────────────────────────
    const editor = await login(options.editor);
    await desk(editor, 'Việc của tôi').or(editor.getByText('Không có việc nào đang chờ bạn.')).first().waitFor();
    await checkEnglish(editor, 'editor: home');
    await openType(editor, 'Tin tức');
    await checkEnglish(editor, 'editor: news list');
    await editor.getByRole('link', { name: 'Tạo mới' }).first().click();
    await editor.getByText('Tạo mục mới').first().waitFor();
    for (const text of ['Tiêu đề', 'Tóm tắt', 'Nội dung', 'Ảnh đại diện', 'Chú thích ảnh', 'Trạng thái biên tập'])
      await label(editor, text).first().waitFor();
    await checkEnglish(editor, 'editor: new article');

    const title = 'Hội nghị triển khai chuyển đổi số năm 2027';
    await editor.locator('input[name="title"]').fill(title);
    await editor
      .locator('textarea[name="lead"]')
      .fill('Sáng 2/12, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2027.');
    const body = editor.locator('[contenteditable="true"]').first();
    await body.click();
    await body.pressSequentially(
      'Hội nghị có sự tham dự của lãnh đạo các sở, ban, ngành và Ủy ban nhân dân cấp huyện.',
    );
    await addFile(editor, 'Ảnh đại diện', cover, 'tai-anh-dai-dien');
    await editor.locator('input[name="coverCaption"]').fill('Quang cảnh hội nghị. Ảnh: Văn phòng UBND tỉnh');
    await save(editor);
    const article = documentIdOf(editor);
    await chooseStage(editor, 'Chờ duyệt');
    await save(editor);
    const sent = await options.read(ARTICLE, article);
    assert.equal(sent.editorialStage, 'cho_duyet');
    assert.equal(sent.title, title);
    assert.ok((sent.cover as { mime?: string } | null)?.mime?.startsWith('image/'), JSON.stringify(sent.cover));
    await screenshot(editor, 'soan-tin', { guide: true, height: 1500 });
    await checkEnglish(editor, 'editor: article sent for review');

    // ── … and a legal document with its attachment ──────────────────────────────────────────────────────
    await openType(editor, 'Văn bản');
    await editor.getByRole('link', { name: 'Tạo mới' }).first().click();
    await editor.getByText('Tạo mục mới').first().waitFor();
    for (const text of ['Số ký hiệu', 'Trích yếu', 'Loại văn bản', 'Ngày ban hành', 'Tệp đính kèm'])
      await label(editor, text).first().waitFor();
    await editor.locator('input[name="documentNumber"]').fill('15/2026/QĐ-UBND');
    await editor
      .locator('textarea[name="abstract"]')
      .fill('Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh');
    await editor.getByRole('combobox', { name: 'Loại văn bản' }).click();
    await editor.getByRole('option', { name: 'Quyết định', exact: true }).click();
    const issued = editor.getByRole('combobox', { name: 'Ngày ban hành' });
    await issued.fill('01/12/2026');
    await issued.press('Enter');
    await addFile(editor, 'Tệp đính kèm', attachment);
    await save(editor);
    const document = documentIdOf(editor);
    await chooseStage(editor, 'Chờ duyệt');
    await save(editor);
    const legal = await options.read(DOCUMENT, document);
    assert.equal(legal.editorialStage, 'cho_duyet');
    assert.equal(legal.documentType, 'quyet_dinh');
    assert.equal(legal.issueDate, '2026-12-01');
    const attachments = legal.attachments as Array<{ mime: string }> | null;
    assert.equal(attachments?.[0]?.mime, 'application/pdf', JSON.stringify(attachments));
    await screenshot(editor, 'soan-van-ban', { guide: true, height: 1500 });
    // The field shows the attached file by its name.
    await editor.getByText('qd-15-2026-qd-ubnd.pdf').first().scrollIntoViewIfNeeded();
    await screenshot(editor, 'tep-dinh-kem', { guide: true });
    await checkEnglish(editor, 'editor: legal document sent for review');

    // ── The Thư ký tòa soạn: sends the document back with a reason, approves the article ───────────────
    const reviewer = await login(options.reviewer);
    const queue = desk(reviewer, 'Bài chờ duyệt');
    await queue.getByRole('link', { name: title }).first().waitFor();
    await queue.getByRole('link', { name: '15/2026/QĐ-UBND', exact: false }).first().waitFor();
    await homeLoaded(reviewer);
    await screenshot(reviewer, 'viec-cua-toi-thu-ky', { guide: true });
    await checkEnglish(reviewer, 'reviewer: home');
    await queue.getByRole('link', { name: '15/2026/QĐ-UBND', exact: false }).first().click();
    await label(reviewer, 'Trích yếu').first().waitFor();
    await chooseStage(reviewer, 'Trả lại');
    const reason = 'Trích yếu cần ghi đúng như trên văn bản gốc: “Ban hành Quy chế quản lý, vận hành…”.';
    await reviewer.locator('textarea[name="reviewNote"]').fill(reason);
    await save(reviewer);
    assert.deepEqual(
      [(await options.read(DOCUMENT, document)).editorialStage, (await options.read(DOCUMENT, document)).reviewNote],
      ['tra_lai', reason],
    );
    await checkEnglish(reviewer, 'reviewer: document sent back');

    await reviewer.goto(`${cmsUrl}/admin`);
    await desk(reviewer, 'Bài chờ duyệt').getByRole('link', { name: title }).first().click();
    await label(reviewer, 'Tóm tắt').first().waitFor();
    await chooseStage(reviewer, 'Đã duyệt');
    await save(reviewer);
    assert.equal((await options.read(ARTICLE, article)).editorialStage, 'da_duyet');
    await checkEnglish(reviewer, 'reviewer: article approved');
    await openType(reviewer, 'Tin tức');
    await reviewer.locator('table').getByText('Đã duyệt', { exact: true }).first().waitFor();
    await screenshot(reviewer, 'danh-sach-tin', { guide: true, width: 1600 });
    await checkEnglish(reviewer, 'reviewer: news list');

    // ── The Biên tập viên sees what was sent back, and why ─────────────────────────────────────────────
    await editor.goto(`${cmsUrl}/admin`);
    const sentBack = desk(editor, 'Bài bị trả lại');
    await sentBack.getByText(reason, { exact: false }).waitFor();
    await homeLoaded(editor);
    await screenshot(editor, 'viec-cua-toi-bien-tap-vien', { guide: true });
    await checkEnglish(editor, 'editor: home with the entry sent back');
    await sentBack.getByRole('link', { name: '15/2026/QĐ-UBND', exact: false }).first().click();
    await editor.locator('[data-portal="stage-panel"]').getByText('Trả lại', { exact: true }).waitFor();
    await screenshot(editor, 'bai-bi-tra-lai', { guide: true });

    // ── The Trưởng ban biên tập publishes the approved article ─────────────────────────────────────────
    const chief = await login(options.chief);
    const approved = desk(chief, 'Bài đã duyệt, chờ xuất bản');
    await approved.getByRole('link', { name: title }).first().waitFor();
    // "Sửa gần đây" lists the entries people edited (the sent-back document), never the log's own lines.
    await chief.getByText('15/2026/QĐ-UBND').first().waitFor();
    assert.equal(await chief.getByText('Nhật ký biên tập').count(), 0);
    await homeLoaded(chief);
    await screenshot(chief, 'viec-cua-toi-truong-ban', { guide: true });
    await checkEnglish(chief, 'chief: home');
    await approved.getByRole('link', { name: title }).first().click();
    await chief.locator('[data-portal="stage-panel"]').getByText('Đã duyệt', { exact: true }).waitFor();
    await screenshot(chief, 'sua-tin', { guide: true });
    await checkEnglish(chief, 'chief: approved article');
    await chief.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    await chief.locator('[data-portal="stage-panel"]').getByText('Đã xuất bản', { exact: true }).waitFor();
    const published = await options.read(ARTICLE, article);
    assert.equal(published.editorialStage, 'da_xuat_ban');
    await screenshot(chief, 'da-xuat-ban', { guide: true });
    await checkEnglish(chief, 'chief: article published');

    // ── The Trưởng ban biên tập reads the day in the editorial log ─────────────────────────────────────
    await openType(chief, 'Nhật ký biên tập');
    const log = chief.locator('table tbody');
    await log.getByText('Xuất bản', { exact: true }).first().waitFor();
    // Newest first: the publication heads the log.
    await log.locator('tr').first().getByText('Xuất bản', { exact: true }).waitFor();
    for (const action of ['Tạo mới', 'Chuyển trạng thái'])
      await log.getByText(action, { exact: true }).first().waitFor();
    // Each entry's type by its Vietnamese name, not the uid.
    await log.getByText('Văn bản', { exact: true }).first().waitFor();
    assert.equal(await log.getByText(/^api::/).count(), 0);
    assert.equal(await chief.getByRole('link', { name: 'Tạo mới' }).count(), 0);
    await screenshot(chief, 'nhat-ky', { guide: true, width: 1600 });
    await checkEnglish(chief, 'chief: editorial log');

    const english = visited.filter((step) => step.english.length > 0);
    assert.deepEqual(english, [], `English on the editors' path:\n${JSON.stringify(english, null, 2)}`);
    return { article, document, steps: visited.map((step) => step.where) };
  } catch (error) {
    // What each person's screen showed when a step failed.
    await Promise.all(contexts.flatMap((c, i) => c.pages().map((p) => screenshot(p, `loi-ngay-dau-${i}`))));
    throw error;
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}
