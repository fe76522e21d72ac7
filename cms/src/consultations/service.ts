/**
 * The public side of lấy ý kiến dự thảo: which published consultation a comment is for and whether its
 * period is open now, and storing the comment (one Document Service create, so the audit trail sees it
 * like any other write). A comment is never published; the board sums comments up in its report.
 */
import { randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { findRow } from '../content-types';
import { errors } from '@strapi/utils';
import { newTrackingCode } from '../questions/questions';
import type { FieldProblem } from '../citizen/fields';
import { COMMENT_CONSENT, COMMENT_UID, CONSULTATION_UID, consultationPhase, type CommentStatus } from './consultations';
import type { OpenConsultation } from './period';
import type { CommentSubmission } from './comment-submission';

export { periodRefusal, vietnamTime, type OpenConsultation } from './period';

const iso = (value: unknown) => new Date(String(value)).toISOString();

/** The published consultation with this slug and its phase now, or null. */
export async function findConsultation(
  strapi: Core.Strapi,
  slug: string,
  now = new Date(),
): Promise<OpenConsultation | null> {
  const row = await findRow(strapi, CONSULTATION_UID, {
    where: { slug, publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'title', 'openAt', 'closeAt'],
  });
  if (!row?.documentId || !row.slug || !row.openAt || !row.closeAt) return null;
  const period = { openAt: iso(row.openAt), closeAt: iso(row.closeAt) };
  return {
    documentId: row.documentId,
    slug: row.slug,
    title: row.title ?? row.slug,
    ...period,
    phase: consultationPhase(period, now),
  };
}

export class CommentProblem extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.problems = problems;
  }
}

async function unusedCode(strapi: Core.Strapi): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = newTrackingCode((n) => randomInt(n));
    if (!(await findRow(strapi, COMMENT_UID, { where: { receiptCode: code }, select: ['id'] }))) return code;
  }
  throw new Error('Could not draw an unused receipt code in 5 tries');
}

export interface StoredComment {
  receiptCode: string;
  receivedAt: string;
}

export async function storeComment(
  strapi: Core.Strapi,
  consultation: OpenConsultation,
  submission: CommentSubmission,
  proofOfWork: boolean,
): Promise<StoredComment> {
  const receiptCode = await unusedCode(strapi);
  const now = new Date().toISOString();
  const data = {
    consultation: { documentId: consultation.documentId },
    section: submission.dieuKhoan,
    content: submission.noiDung,
    receivedAt: now,
    receiptCode,
    moderationStatus: 'moi_nhan' as const satisfies CommentStatus,
    commenterName: submission.hoTen,
    // Left out when not given: the row stores null, which the Document Service's input type spells as absent.
    commenterEmail: submission.email,
    commenterPhone: submission.dienThoai,
    commenterAddress: submission.diaChi,
    commenterOrganisation: submission.toChuc,
    consentVersion: COMMENT_CONSENT.version,
    consentText: COMMENT_CONSENT.text,
    consentAt: now,
    proofOfWork,
  };
  try {
    await strapi.documents(COMMENT_UID).create({ data });
  } catch (error) {
    if (error instanceof errors.ValidationError)
      throw new CommentProblem([{ field: '', message: `Góp ý chưa được lưu: ${error.message}` }]);
    throw error;
  }
  return { receiptCode, receivedAt: now };
}
