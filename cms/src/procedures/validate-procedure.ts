import { checkAttachments } from '../document-middlewares/attachments';
import type { Problem, Validator } from '../document-middlewares/problems';
import { inputText, isRecord } from '../document-middlewares/relation-input';
import { findRow } from '../content-types';
import { parseProcedureCode, PROCEDURE_LEVELS } from './procedure-code';

const PROCEDURE = 'api::procedure.procedure';

export const validateProcedure: Validator = async ({ strapi, data, documentId, creating }) => {
  const problems: Problem[] = [];
  const out = { ...data };

  if (creating || 'code' in data) {
    const parsed = parseProcedureCode(inputText(data.code));
    if (!parsed.ok) {
      problems.push({ path: ['code'], message: parsed.message });
    } else {
      out.code = parsed.canonical;
      const clash = await findRow(strapi, PROCEDURE, {
        where: { code: parsed.canonical, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
        select: ['id'],
      });
      if (clash)
        problems.push({ path: ['code'], message: `Mã thủ tục “${parsed.canonical}” đã có ở một thủ tục khác.` });
    }
  }

  if (creating || 'level' in data) {
    const level = PROCEDURE_LEVELS.find((l) => l.key === data.level);
    if (!level) problems.push({ path: ['level'], message: 'Cấp thực hiện chưa được chọn.' });
    // Kept for procedures published before the 2025 reform; a new one cannot be at district level.
    else if (level.obsolete && creating) {
      problems.push({
        path: ['level'],
        message: `${level.vi} không còn từ ngày 01/7/2025; chọn cấp tỉnh hoặc cấp xã.`,
      });
    }
  }

  if (typeof data.onlineUrl === 'string' && data.onlineUrl.trim() !== '') {
    const valid = URL.canParse(data.onlineUrl) && new URL(data.onlineUrl).protocol === 'https:';
    if (!valid)
      problems.push({ path: ['onlineUrl'], message: 'Đường dẫn nộp hồ sơ trực tuyến phải là địa chỉ https://.' });
  }

  if (Array.isArray(data.dossier)) {
    for (const [index, row] of data.dossier.entries()) {
      if (!isRecord(row)) continue;
      if ('form' in row) {
        problems.push(
          ...(await checkAttachments(
            strapi,
            row.form,
            ['dossier', String(index), 'form'],
            `Mẫu đơn, tờ khai (dòng ${index + 1})`,
          )),
        );
      }
    }
  }
  return { problems, data: out };
};
