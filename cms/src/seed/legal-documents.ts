import type { Core } from '@strapi/strapi';
import { toRichBlocks } from './blocks';
import type { DemoContent, DemoLegalDocument } from './demo-content';
import { documents, localisedRef, resolve, type SeedRefs } from './writer';

const LEGAL_DOCUMENT = 'api::legal-document.legal-document';

/**
 * Targets before the documents that act on them: the validity propagation runs when the replacing or
 * amending document is published and reads the published target, so "18/2021" must be out before "12/2026".
 */
export function publicationOrder(list: DemoLegalDocument[]): DemoLegalDocument[] {
  const byNumber = new Map(list.map((d) => [d.documentNumber, d]));
  const ordered: DemoLegalDocument[] = [];
  const placed = new Set<string>();
  const place = (document: DemoLegalDocument, path: string[]) => {
    if (placed.has(document.documentNumber)) return;
    if (path.includes(document.documentNumber)) {
      throw new Error(`Demo content: legal document relations loop: ${[...path, document.documentNumber].join(' → ')}`);
    }
    for (const relation of document.relations ?? []) {
      const target = byNumber.get(relation.target);
      if (target) place(target, [...path, document.documentNumber]);
    }
    placed.add(document.documentNumber);
    ordered.push(document);
  };
  for (const document of list) place(document, []);
  return ordered;
}

/**
 * All documents as drafts first (relations need every target's id), then the relations, then publication
 * in dependency order so the replaced 2021 decision ends up "hết hiệu lực toàn bộ" with a history entry.
 */
export async function seedLegalDocuments(strapi: Core.Strapi, content: DemoContent, refs: SeedRefs): Promise<void> {
  const service = documents(strapi, LEGAL_DOCUMENT);
  for (const document of content.legalDocuments) {
    const created = await service.create({
      data: {
        documentNumber: document.documentNumber,
        documentType: document.documentType,
        abstract: document.abstract,
        issuingAgency: localisedRef(resolve(refs.agencies, document.issuingAgency, 'agency'), 'vi'),
        signer: document.signer,
        signerTitle: document.signerTitle,
        fields: document.fields.map((slug) => resolve(refs.fields, slug, 'field')),
        issueDate: document.issueDate,
        ...(document.effectiveDate ? { effectiveDate: document.effectiveDate } : {}),
        ...(document.expiryDate ? { expiryDate: document.expiryDate } : {}),
        body: toRichBlocks(document.body),
      },
    });
    refs.documents.set(document.documentNumber, created.documentId);
  }
  for (const document of content.legalDocuments) {
    if (!document.relations?.length) continue;
    await service.update({
      documentId: resolve(refs.documents, document.documentNumber, 'legal document'),
      data: {
        relations: document.relations.map((relation) => ({
          type: relation.type,
          target: resolve(refs.documents, relation.target, 'legal document'),
          ...(relation.note ? { note: relation.note } : {}),
        })),
      },
    });
  }
  for (const document of publicationOrder(content.legalDocuments)) {
    const documentId = resolve(refs.documents, document.documentNumber, 'legal document');
    // The workflow middleware marks the stage da_xuat_ban on publication.
    await service.publish({ documentId });
  }
}
