/**
 * What a document page shows, as data: its facts for the summary list and its validity notice.
 * The page file only arranges components.
 */
import { documentTypeLabel, enumSlug, validityLabel } from './documents.ts';
import type { DocumentEntry } from './legal-content.ts';
import { routes } from './routes.ts';
import { datePart, summaryRow, summaryRows, type SummaryRow } from './summary-list.ts';

export function documentFacts(d: DocumentEntry): SummaryRow[] {
  return summaryRows(
    summaryRow('Số ký hiệu', d.documentNumber, 'document-number'),
    summaryRow('Loại văn bản', {
      text: documentTypeLabel(d.documentType),
      href: routes.documentFacet('type', enumSlug(d.documentType)),
    }),
    summaryRow(
      'Cơ quan ban hành',
      d.agency && { text: d.agency.name, href: routes.documentFacet('agency', d.agency.slug) },
    ),
    summaryRow('Người ký', d.signer && { text: d.signer, note: d.signerTitle ?? undefined }),
    summaryRow('Ngày ban hành', datePart(d.issueDate)),
    summaryRow('Ngày có hiệu lực', datePart(d.effectiveDate)),
    summaryRow('Ngày hết hiệu lực', datePart(d.expiryDate)),
    summaryRow(
      'Tình trạng hiệu lực',
      d.validityStatus && {
        text: validityLabel(d.validityStatus),
        href: routes.documentFacet('status', enumSlug(d.validityStatus)),
      },
      'validity',
    ),
    summaryRow(
      'Lĩnh vực',
      d.fields.map((field) => ({ text: field.name, href: routes.documentFacet('field', field.slug) })),
    ),
  );
}
