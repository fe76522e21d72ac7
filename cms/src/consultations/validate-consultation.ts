import { findRow } from '../content-types';
import type { Problem, Validator } from '../document-middlewares/problems';
import { CONSULTATION_UID } from './consultations';
import { timeOf } from '../text/dates';

const time = timeOf;

/**
 * A comment period must have both ends, the close after the open: citizens are told the period and the
 * public route takes comments only inside it. An update naming one end is checked against the other as stored.
 */
export const validateConsultation: Validator = async ({ strapi, data, documentId, creating }) => {
  const problems: Problem[] = [];
  if (!creating && !('openAt' in data) && !('closeAt' in data)) return { problems, data };
  let stored: { openAt?: unknown; closeAt?: unknown } | null = null;
  if (documentId && !('openAt' in data && 'closeAt' in data))
    stored = await findRow(strapi, CONSULTATION_UID, {
      where: { documentId, publishedAt: { $null: true } },
      select: ['openAt', 'closeAt'],
    });
  const openAt = time('openAt' in data ? data.openAt : stored?.openAt);
  const closeAt = time('closeAt' in data ? data.closeAt : stored?.closeAt);
  if (openAt === null) problems.push({ path: ['openAt'], message: 'Thời điểm bắt đầu lấy ý kiến chưa được nhập.' });
  if (closeAt === null) problems.push({ path: ['closeAt'], message: 'Thời điểm kết thúc lấy ý kiến chưa được nhập.' });
  if (openAt !== null && closeAt !== null && closeAt <= openAt)
    problems.push({
      path: ['closeAt'],
      message: 'Thời điểm kết thúc lấy ý kiến phải sau thời điểm bắt đầu.',
    });
  return { problems, data };
};
