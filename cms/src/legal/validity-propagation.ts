import type { Core } from '@strapi/strapi';
import { deriveValidityStatus, vietnamDate } from './validity';
import { dateText, incomingEffects, LEGAL_DOCUMENT } from './validate-legal-document';
import { findRows } from '../content-types';
import { recordSearchChange } from '../search-sync';
import { recordSiteChange } from '../site-publish';
import { callParams } from '../document-middlewares/params';

/**
 * When a document is published, the documents it replaces, repeals or amends change validity without
 * anyone editing them: their status is derived again (unless an editor overrode it) and an entry is
 * added to their validity history naming the cause.
 */
export function registerValidityPropagation(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid !== LEGAL_DOCUMENT || (context.action !== 'publish' && context.action !== 'unpublish'))
      return result;
    const { documentId } = callParams(context);
    if (!documentId) return result;
    const source = await strapi.documents(LEGAL_DOCUMENT).findOne({
      documentId,
      status: 'draft',
      populate: { relations: { populate: { target: { fields: ['documentId'] } } } },
    });
    const targets = new Set((source?.relations ?? []).flatMap((r) => (r.target ? [r.target.documentId] : [])));
    for (const target of targets)
      await refreshValidity(strapi, target, context.action === 'publish' ? documentId : null);
    return result;
  });
}

async function refreshValidity(strapi: Core.Strapi, documentId: string, cause: string | null): Promise<void> {
  const rows = await findRows(strapi, LEGAL_DOCUMENT, {
    where: { documentId },
    select: ['id', 'effectiveDate', 'expiryDate', 'validityOverride', 'validityStatus'],
  });
  const [first] = rows;
  if (!first || first.validityOverride) return;
  const effects = await incomingEffects(strapi, documentId);
  const status = deriveValidityStatus({
    effectiveDate: dateText(first.effectiveDate),
    expiryDate: dateText(first.expiryDate),
    today: vietnamDate(new Date()),
    replacedInFull: effects.some((e) => e.effect === 'het_hieu_luc_toan_bo'),
    amendedOrPartlyRepealed: effects.some((e) => e.effect === 'het_hieu_luc_mot_phan'),
  });
  if (status === first.validityStatus) return;
  // Both the draft and the published row carry the status; a direct update keeps this a system change,
  // not an edit that would need review.
  await strapi.db.query(LEGAL_DOCUMENT).updateMany({ where: { documentId }, data: { validityStatus: status } });
  // The Document Service did not see that update: tell the search sync (same transaction).
  await recordSearchChange(strapi, LEGAL_DOCUMENT, documentId);
  await recordSiteChange(strapi, LEGAL_DOCUMENT, documentId);
  const causeRow = effects.find((e) => e.source.documentId === cause)?.source;
  await strapi.documents('api::validity-change.validity-change').create({
    data: {
      document: documentId,
      date: causeRow?.effectiveDate ?? causeRow?.issueDate ?? vietnamDate(new Date()),
      status,
      ...(cause ? { cause } : {}),
    },
  });
}
