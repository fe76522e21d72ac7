/** What a procedure page shows, as data: its general facts for the summary list and its two tables. */
import { enumSlug, fileTypeLabel, formatFileSize } from './documents.ts';
import type { ProcedureEntry } from './legal-content.ts';
import { channelLabel, copiesLabel, levelLabel, serviceLevelLabel } from './procedures.ts';
import { routes } from './routes.ts';
import { summaryRow, summaryRows, type SummaryRow } from './summary-list.ts';

/** `decision`: the published document whose number is the procedure's decisionNumber, if any. */
export function procedureFacts(p: ProcedureEntry, decision: { slug: string; name: string } | null): SummaryRow[] {
  return summaryRows(
    summaryRow(
      'Quyết định công bố',
      p.decisionNumber && (decision ? { text: decision.name, href: routes.document(decision.slug) } : p.decisionNumber),
    ),
    summaryRow('Cấp thực hiện', { text: levelLabel(p.level), href: routes.procedureFacet('level', enumSlug(p.level)) }),
    summaryRow('Loại thủ tục', p.procedureType),
    summaryRow(
      'Lĩnh vực',
      p.fields.map((field) => ({ text: field.name, href: routes.procedureFacet('field', field.slug) })),
    ),
    summaryRow(
      'Mức độ dịch vụ công',
      p.serviceLevel && {
        text: serviceLevelLabel(p.serviceLevel),
        href: routes.procedureFacet('serviceLevel', enumSlug(p.serviceLevel)),
      },
    ),
    summaryRow('Đối tượng thực hiện', p.subjects),
    summaryRow('Cơ quan thực hiện', p.implementingAgency?.name),
    summaryRow('Cơ quan có thẩm quyền', p.competentAgency?.name),
    summaryRow(
      'Cơ quan phối hợp',
      p.coordinatingAgencies.map((agency) => ({ text: agency.name })),
    ),
    summaryRow('Địa chỉ tiếp nhận hồ sơ', p.receivingAddress),
  );
}

export const METHOD_COLUMNS = ['Hình thức nộp', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Mô tả'] as const;
export const DOSSIER_COLUMNS = ['Tên giấy tờ', 'Mẫu đơn, tờ khai', 'Số lượng'] as const;

export interface TableCell {
  text: string;
  href?: string;
  download?: string;
  note?: string;
}

/** Rows of the cách thức and thành phần hồ sơ tables; `fileUrl` makes a form's download URL. */
export function procedureTables(p: ProcedureEntry, fileUrl: (url: string) => string) {
  const methods: TableCell[][] = (p.methods ?? [])
    .filter((method) => method != null)
    .map((method) => [
      { text: channelLabel(method.channel) },
      { text: method.duration ?? '—' },
      { text: method.fee ?? '—' },
      { text: method.description ?? '—' },
    ]);
  const dossier: TableCell[][] = (p.dossier ?? [])
    .filter((item) => item != null)
    .map((item) => [
      { text: item.name },
      item.form
        ? {
            text: `Tải mẫu ${item.form.name}`,
            href: fileUrl(item.form.url),
            download: item.form.name,
            note: `${fileTypeLabel(item.form.ext, item.form.mime)}, ${formatFileSize(item.form.size)}`,
          }
        : { text: 'Không có mẫu' },
      { text: copiesLabel(item.originals, item.copies) },
    ]);
  return { methods, dossier };
}
