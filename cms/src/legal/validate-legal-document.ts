import type { Core } from '@strapi/strapi';
import { checkAttachments } from '../document-middlewares/attachments';
import type { Problem, Validator } from '../document-middlewares/problems';
import { fieldOf, inputText, relationRefs } from '../document-middlewares/relation-input';
import { findRow, findRows } from '../content-types';
import { parseDocumentNumber } from './document-number';
import { documentNumberTypeCode, documentTypeByCode, documentTypeByKey } from './document-types';
import { isRelationKey, validateRelations, validityEffect } from './relations';
import { deriveValidityStatus, validateDocumentDates, vietnamDate } from './validity';

export const LEGAL_DOCUMENT = 'api::legal-document.legal-document';

async function storedDraft(strapi: Core.Strapi, documentId: string | undefined) {
  if (!documentId) return null;
  return strapi.documents(LEGAL_DOCUMENT).findOne({
    documentId,
    status: 'draft',
    populate: { issuingAgency: { fields: ['documentId'] } },
  });
}
type Stored = Awaited<ReturnType<typeof storedDraft>>;

/** Agency documentId of the incoming data (when the relation is written) or of the stored draft. */
async function agencyOf(strapi: Core.Strapi, value: unknown, stored: Stored): Promise<string | null> {
  const refs = relationRefs(value);
  if (refs === undefined) return stored?.issuingAgency?.documentId ?? null;
  const [ref] = refs;
  if (ref === undefined) return null;
  if (typeof ref === 'string') return ref;
  const row = await findRow(strapi, 'api::agency.agency', { where: { id: ref }, select: ['documentId'] });
  return row?.documentId ?? null;
}

/** Documents (published) whose relations act on this one: they can end its validity. */
export async function incomingEffects(strapi: Core.Strapi, documentId: string) {
  const sources = await strapi.documents(LEGAL_DOCUMENT).findMany({
    status: 'published',
    filters: { relations: { target: { documentId } } },
    populate: { relations: { populate: { target: { fields: ['documentId'] } } } },
    fields: ['documentId', 'issueDate', 'effectiveDate'],
  });
  return sources.flatMap((source) =>
    (source.relations ?? []).flatMap(({ type, target }) =>
      target?.documentId === documentId && type && isRelationKey(type)
        ? [{ source, effect: validityEffect(type) }]
        : [],
    ),
  );
}

/** A date field's value for the date rules: text as sent or stored; nothing when empty. */
export function dateText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return inputText(value);
}

export const validateLegalDocument: Validator = async ({ strapi, data, documentId, creating }) => {
  const problems: Problem[] = [];
  const stored = await storedDraft(strapi, documentId);
  // A field as it will be saved: the incoming value when sent, else the stored draft's.
  const merged = (field: keyof NonNullable<Stored>): unknown => (field in data ? data[field] : stored?.[field]);
  const out = { ...data };

  let canonical: string | undefined;
  if (creating || 'documentNumber' in data || 'documentType' in data) {
    const parsed = parseDocumentNumber(inputText(merged('documentNumber')), documentNumberTypeCode);
    if (!parsed.ok) {
      problems.push({ path: ['documentNumber'], message: parsed.message });
    } else {
      canonical = parsed.value.canonical;
      out.documentNumber = canonical;
      const numbered = parsed.value.typeCode ? documentTypeByCode(parsed.value.typeCode) : undefined;
      const chosen = documentTypeByKey(inputText(merged('documentType')));
      if (!chosen) {
        problems.push({ path: ['documentType'], message: 'Loại văn bản chưa được chọn hoặc không hợp lệ.' });
      } else if (numbered && numbered.key !== chosen.key) {
        problems.push({
          path: ['documentType'],
          message: `Số ký hiệu “${canonical}” là của loại “${numbered.name}” nhưng loại văn bản đã chọn là “${chosen.name}”.`,
        });
      }
    }
  }

  const agency = await agencyOf(strapi, data.issuingAgency, stored);
  const number = canonical ?? stored?.documentNumber;
  if (number && (creating || 'documentNumber' in data || 'issuingAgency' in data)) {
    const clash = await findRow(strapi, LEGAL_DOCUMENT, {
      where: {
        documentNumber: number,
        ...(agency ? { issuingAgency: { documentId: agency } } : { issuingAgency: { id: { $null: true } } }),
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      select: ['id'],
    });
    if (clash) {
      problems.push({
        path: ['documentNumber'],
        message: `Số ký hiệu “${number}” đã có ở một văn bản khác của cùng cơ quan ban hành.`,
      });
    }
  }

  for (const message of validateDocumentDates({
    issueDate: dateText(merged('issueDate')),
    effectiveDate: dateText(merged('effectiveDate')),
    expiryDate: dateText(merged('expiryDate')),
  })) {
    problems.push({ path: [message.includes('hết hiệu lực') ? 'expiryDate' : 'effectiveDate'], message });
  }
  if (!merged('issueDate')) problems.push({ path: ['issueDate'], message: 'Ngày ban hành không được để trống.' });

  if (Array.isArray(data.relations)) {
    const relations = data.relations.map((row: unknown) => ({
      type: inputText(fieldOf(row, 'type')),
      targetId: relationRefs(fieldOf(row, 'target'))?.[0],
    }));
    const selfIds: Array<string | number> = documentId
      ? [
          documentId,
          ...(await findRows(strapi, LEGAL_DOCUMENT, { where: { documentId }, select: ['id'] })).map((row) => row.id),
        ]
      : [];
    for (const message of validateRelations(
      documentId ?? '(mới)',
      relations.map((r) => ({
        type: r.type,
        targetId: r.targetId !== undefined && selfIds.includes(r.targetId) ? (documentId ?? '(mới)') : r.targetId,
      })),
    )) {
      problems.push({ path: ['relations'], message });
    }
  }

  if ('attachments' in data) {
    problems.push(...(await checkAttachments(strapi, data.attachments, ['attachments'], 'Tệp đính kèm')));
  }

  if (!merged('validityOverride') && problems.length === 0) {
    const effects = documentId ? await incomingEffects(strapi, documentId) : [];
    out.validityStatus = deriveValidityStatus({
      effectiveDate: dateText(merged('effectiveDate')),
      expiryDate: dateText(merged('expiryDate')),
      today: vietnamDate(new Date()),
      replacedInFull: effects.some((e) => e.effect === 'het_hieu_luc_toan_bo'),
      amendedOrPartlyRepealed: effects.some((e) => e.effect === 'het_hieu_luc_mot_phan'),
    });
  }
  return { problems, data: out };
};
