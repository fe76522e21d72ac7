/**
 * Agency officers (role Cán bộ trả lời, editorial/roles.ts): which agency an admin user answers for is data
 * the super admin keeps in Phân công cán bộ trả lời (officer e-mail → agency). A Strapi admin permission
 * condition turns it into a filter on the question's agency, so the admin API itself (list, read, update)
 * only ever sees those questions: the panel hides nothing the server would give.
 */
import type { Core } from '@strapi/strapi';
import { findRows } from '../content-types';
import { adminService } from '../strapi-services';

export const ASSIGNMENT_UID = 'api::officer-assignment.officer-assignment';

/** The condition's id as role permissions name it (Strapi gives project conditions the `api::` prefix). */
export const AGENCY_OFFICER_CONDITION = 'api::agency-officer';

/** The documentIds of the agencies an admin user (by login e-mail) is assigned to; none for anyone else. */
export async function officerAgencies(strapi: Core.Strapi, email: string | null | undefined): Promise<string[]> {
  if (!email) return [];
  const rows = await findRows(strapi, ASSIGNMENT_UID, {
    where: { officerEmail: { $eqi: email.trim() } },
    select: ['id'],
    populate: { agency: { select: ['documentId'] } },
  });
  return [...new Set(rows.flatMap((row) => (row.agency?.documentId ? [row.agency.documentId] : [])))];
}

/**
 * Registers the condition (call in `register`: Strapi accepts conditions only before it has loaded). An
 * officer without an assignment gets `false`: the permission does not apply, so no question at all.
 */
export function registerAgencyOfficerCondition(strapi: Core.Strapi): void {
  const { conditionProvider } = adminService(strapi, 'permission');
  void conditionProvider.register({
    displayName: 'Câu hỏi đã chuyển cho cơ quan của cán bộ',
    name: 'agency-officer',
    category: 'Hỏi đáp',
    handler: async (user: { email?: string | null }) => {
      const agencies = await officerAgencies(strapi, user?.email);
      // The agency is localized: its draft and published rows share the documentId the question links.
      return agencies.length > 0 ? { 'agency.documentId': { $in: agencies } } : false;
    },
  });
}
