import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateLegalDocument } from '../legal/validate-legal-document';
import { validateProcedure } from '../procedures/validate-procedure';
import { validateConsultation } from '../consultations/validate-consultation';
import { abbreviationProblems } from '../search-sync/abbreviations';
import type { Problem, Validator } from './problems';
import { callParams } from './params';

/** Text fields that must not be empty, with the name an editor sees. */
const REQUIRED_TEXT: Partial<Record<UID.ContentType, Array<[field: string, label: string]>>> = {
  'api::article.article': [['title', 'Tiêu đề']],
  'api::legal-document.legal-document': [['abstract', 'Trích yếu']],
  'api::procedure.procedure': [['name', 'Tên thủ tục']],
  'api::page.page': [['title', 'Tiêu đề']],
  'api::consultation.consultation': [
    ['title', 'Tên dự thảo'],
    ['summary', 'Tóm tắt'],
  ],
  'api::agency.agency': [['name', 'Tên cơ quan']],
  'api::category.category': [['name', 'Tên chuyên mục']],
  'api::field.field': [['name', 'Tên lĩnh vực']],
  'api::calendar-entry.calendar-entry': [
    ['content', 'Nội dung'],
    ['leaders', 'Lãnh đạo'],
  ],
};

const VALIDATORS: Partial<Record<UID.ContentType, Validator>> = {
  'api::legal-document.legal-document': validateLegalDocument,
  'api::procedure.procedure': validateProcedure,
  'api::consultation.consultation': validateConsultation,
  'api::abbreviation.abbreviation': ({ data, creating }) =>
    Promise.resolve({
      problems: abbreviationProblems(
        creating ? { abbreviation: data['abbreviation'] ?? '', expansions: data['expansions'] ?? '' } : data,
      ),
      data,
    }),
};

function requiredText(uid: UID.ContentType, data: Record<string, unknown>, creating: boolean): Problem[] {
  return (REQUIRED_TEXT[uid] ?? []).flatMap(([field, label]): Problem[] => {
    if (!creating && !(field in data)) return [];
    const value = data[field];
    return typeof value === 'string' && value.trim() !== ''
      ? []
      : [{ path: [field], message: `${label} không được để trống.` }];
  });
}

/**
 * Refuses bad input before anything is written, with messages in Vietnamese naming the field: Strapi
 * saves drafts without its own required checks, and a rule like "unique per issuing agency" or
 * "effective on or after the issue date" is ours anyway. Runs after the text rules (NFC, slugs).
 */
export function registerValidation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();
    const { uid } = context;
    const params = callParams(context);
    if (!params.data || (!REQUIRED_TEXT[uid] && !VALIDATORS[uid])) return next();

    const creating = context.action === 'create';
    const problems = requiredText(uid, params.data, creating);
    const validator = VALIDATORS[uid];
    if (validator) {
      const result = await validator({ strapi, data: params.data, documentId: params.documentId, creating });
      problems.push(...result.problems);
      params.data = result.data;
    }
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
      });
    }
    return next();
  });
}
