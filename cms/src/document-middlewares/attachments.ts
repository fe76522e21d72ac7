import type { Core } from '@strapi/strapi';
import type { Problem } from './problems';
import { relationRefs } from './relation-input';
import { findRows } from '../content-types';

/** Formats citizens can open without special software, and that the law's "downloadable file" means. */
const ALLOWED = new Map([
  ['.pdf', 'application/pdf'],
  ['.doc', 'application/msword'],
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.odt', 'application/vnd.oasis.opendocument.text'],
]);

export function maxAttachmentMb(): number {
  const value = Number(process.env.PORTAL_MAX_ATTACHMENT_MB ?? 20);
  return Number.isFinite(value) && value > 0 ? value : 20;
}

/** Checks files attached to a field: type PDF/DOC/DOCX/ODT and size under the configured limit. */
export async function checkAttachments(
  strapi: Core.Strapi,
  value: unknown,
  path: string[],
  label: string,
): Promise<Problem[]> {
  const refs = relationRefs(value);
  if (!refs || refs.length === 0) return [];
  const ids = refs.map(Number).filter(Number.isInteger);
  const files = await findRows(strapi, 'plugin::upload.file', {
    where: { id: { $in: ids } },
    select: ['id', 'name', 'ext', 'mime', 'size'],
  });
  const limit = maxAttachmentMb();
  const problems: Problem[] = [];
  if (files.length !== ids.length) problems.push({ path, message: `${label}: có tệp không tồn tại trong thư viện.` });
  for (const file of files) {
    const ext = (file.ext ?? '').toLowerCase();
    if (!ALLOWED.has(ext) || ALLOWED.get(ext) !== file.mime) {
      problems.push({ path, message: `${label}: tệp “${file.name}” không phải PDF, DOC, DOCX hoặc ODT.` });
    }
    // Strapi stores sizes in kB.
    if ((file.size ?? 0) / 1024 > limit) {
      problems.push({ path, message: `${label}: tệp “${file.name}” lớn hơn ${limit} MB.` });
    }
  }
  return problems;
}
