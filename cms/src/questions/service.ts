/**
 * The public side of hỏi đáp: storing a citizen's question (one Document Service create, so the workflow,
 * audit trail and search outbox see it like any other write, in one transaction) and the public look-up
 * by tracking code, which reveals status and dates only.
 */
import { randomInt } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { findRows, findSomeRow } from '../content-types';
import { errors } from '@strapi/utils';
import { slugify } from '../text/vietnamese';
import { newTrackingCode, QUESTION_STATUSES, QUESTION_UID, type QuestionStatus } from './questions';
import { CONSENT, type FieldProblem, type Submission } from './submission';
import { timeOf } from '../text/dates';
import { publicPath } from '../site-publish/public-url';

const UID_Q = QUESTION_UID;

export class SubmissionProblem extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

async function exists(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  published: boolean,
): Promise<boolean> {
  const row = await findSomeRow<{ id: number }>(strapi, uid, {
    where: { documentId, ...(published ? { publishedAt: { $notNull: true } } : {}) },
    select: ['id'],
  });
  return Boolean(row);
}

async function unusedCode(strapi: Core.Strapi): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = newTrackingCode((n) => randomInt(n));
    if (!(await strapi.db.query(UID_Q).findOne({ where: { trackingCode: code }, select: ['id'] }))) return code;
  }
  throw new Error('Could not draw an unused tracking code in 5 tries');
}

export interface Stored {
  trackingCode: string;
  receivedAt: string;
}

export async function storeQuestion(
  strapi: Core.Strapi,
  submission: Submission,
  proofOfWork: boolean,
): Promise<Stored> {
  const problems: FieldProblem[] = [];
  if (!(await exists(strapi, 'api::field.field', submission.linhVuc, false)))
    problems.push({ field: 'linhVuc', message: 'Lĩnh vực: lựa chọn không có trong danh sách.' });
  if (submission.coQuan && !(await exists(strapi, 'api::agency.agency', submission.coQuan, true)))
    problems.push({ field: 'coQuan', message: 'Cơ quan nhận câu hỏi: lựa chọn không có trong danh sách.' });
  if (problems.length > 0) throw new SubmissionProblem(problems);

  const trackingCode = await unusedCode(strapi);
  const now = new Date().toISOString();
  const data = {
    title: submission.tieuDe,
    // Random tail: the page address says nothing about the asker and cannot be guessed from the title.
    slug: `${slugify(submission.tieuDe, 80)}-${trackingCode.replace('-', '').slice(0, 5).toLowerCase()}${randomInt(10, 99)}`,
    question: submission.noiDung,
    field: { documentId: submission.linhVuc },
    ...(submission.coQuan ? { agency: { documentId: submission.coQuan, locale: 'vi' } } : {}),
    receivedAt: now,
    processingStatus: 'moi_nhan' as const satisfies QuestionStatus,
    trackingCode,
    askerName: submission.hoTen,
    // Left out when not given: the row stores null, which the Document Service's input type spells as absent.
    askerEmail: submission.email,
    askerPhone: submission.dienThoai,
    askerAddress: submission.diaChi,
    consentVersion: CONSENT.version,
    consentText: CONSENT.text,
    consentAt: now,
    proofOfWork,
  };
  try {
    await strapi.documents(UID_Q).create({ data });
  } catch (error) {
    if (error instanceof errors.ValidationError)
      throw new SubmissionProblem([{ field: '', message: `Câu hỏi chưa được lưu: ${error.message}` }]);
    throw error;
  }
  return { trackingCode, receivedAt: now };
}

export interface LookupResult {
  trackingCode: string;
  status: QuestionStatus;
  statusLabel: string;
  receivedAt: string;
  answeredAt: string | null;
  publishedAt: string | null;
  /** The public page once question and answer are published. */
  url: string | null;
}

export async function lookUp(strapi: Core.Strapi, trackingCode: string): Promise<LookupResult | null> {
  const rows = await findRows(strapi, UID_Q, {
    where: { trackingCode },
    select: ['processingStatus', 'receivedAt', 'answeredAt', 'publishedAt', 'slug'],
  });
  if (rows.length === 0) return null;
  const published = rows.find((row) => row.publishedAt);
  const draft = rows.find((row) => !row.publishedAt) ?? rows[0]!;
  // Required with a default in the schema, so only a row written around Strapi could lack it.
  const status = draft.processingStatus ?? 'moi_nhan';
  const iso = (value: unknown) => {
    const time = timeOf(value);
    return time === null ? null : new Date(time).toISOString();
  };
  return {
    trackingCode,
    status,
    statusLabel: QUESTION_STATUSES.find((s) => s.key === status)?.vi ?? status,
    receivedAt: iso(draft.receivedAt) ?? '',
    answeredAt: draft.answeredAt ? String(draft.answeredAt) : null,
    publishedAt: iso(published?.publishedAt),
    url: published?.slug ? publicPath(QUESTION_UID, { slug: published.slug }) : null,
  };
}
