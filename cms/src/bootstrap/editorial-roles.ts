import type { Core, Data } from '@strapi/strapi';
import { findRow, isContentType, isLocalized } from '../content-types';
import { AUDIT_ENTRY, PORTAL_ROLES, type EditorialRole } from '../editorial/roles';
import { AGENCY_OFFICER_CONDITION } from '../questions/officers';
import { adminService } from '../strapi-services';

interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  /** Empty: the permission applies without a condition (Strapi's own default). */
  conditions: string[];
}

const CONTENT_ACTION = (action: string) => `plugin::content-manager.explorer.${action}`;
const IS_CREATOR = 'admin::is-creator';

function mediaPermissions(scope: EditorialRole['media']): Permission[] {
  const own = scope === 'own' ? [IS_CREATOR] : [];
  return [
    { action: 'plugin::upload.read', conditions: own },
    { action: 'plugin::upload.configure-view', conditions: [] },
    { action: 'plugin::upload.assets.create', conditions: [] },
    { action: 'plugin::upload.assets.update', conditions: own },
    { action: 'plugin::upload.assets.download', conditions: [] },
    { action: 'plugin::upload.assets.copy-link', conditions: [] },
  ];
}

function localized(strapi: Core.Strapi, uid: string | null | undefined): boolean {
  return Boolean(uid && isContentType(strapi, uid) && isLocalized(strapi, uid));
}

/** The permission's field list cut to the grant's fields (nested component paths kept under their field). */
function onlyFields(properties: Record<string, unknown> | undefined, fields: readonly string[]): string[] {
  const all = (properties?.fields as string[] | undefined) ?? [];
  return all.filter((path) => fields.includes(path.split('.')[0]!));
}

/** The role table as Strapi permissions, with every field of each type and all locales. */
function permissionsOf(strapi: Core.Strapi, role: EditorialRole): Permission[] {
  const { actionProvider } = adminService(strapi, 'permission');
  const contentTypes = adminService(strapi, 'content-type');
  return [
    ...role.grants.flatMap((grant) => {
      const action = actionProvider.get(CONTENT_ACTION(grant.action));
      // Strapi computes the nested field list the same way for its own default roles.
      const all = contentTypes.getPermissionsWithNestedFields([action]) as Permission[];
      return all
        .filter((permission) => permission.subject && grant.subjects.includes(permission.subject))
        .map((permission) => ({
          action: permission.action,
          subject: permission.subject,
          // `locales: null` is every locale, present and future (i18n's permission engine).
          properties: {
            ...permission.properties,
            ...(grant.fields ? { fields: onlyFields(permission.properties, grant.fields) } : {}),
            ...(localized(strapi, permission.subject) ? { locales: null } : {}),
          },
          conditions: [...(grant.own ? [IS_CREATOR] : []), ...(grant.agency ? [AGENCY_OFFICER_CONDITION] : [])],
        }));
    }),
    ...mediaPermissions(role.media),
  ];
}

/**
 * Creates the editorial roles and sets their permissions from the table on every start (idempotent:
 * Strapi only writes the difference). Permissions changed by hand in the panel are put back: the table
 * in code is the truth, reviewed like any other change.
 */
export async function ensureEditorialRoles(strapi: Core.Strapi): Promise<void> {
  const roles = adminService(strapi, 'role');
  for (const role of PORTAL_ROLES) {
    let row: { id: Data.ID } | null = await findRow(strapi, 'admin::role', {
      where: { code: role.code },
      select: ['id'],
    });
    if (!row) {
      row = await roles.create({ name: role.name, code: role.code, description: role.description });
      strapi.log.info(`[portal] created admin role "${role.name}"`);
    }
    await roles.assignPermissions(row.id, permissionsOf(strapi, role));
  }
}

/**
 * The editorial log is read-only in the panel for everyone: Strapi gives the super admin every permission on
 * every start, so the create, edit, delete and publish permissions on the audit trail are taken out of that
 * grant here (the Document Service refuses such writes anyway; this removes the buttons). Call in `register`.
 */
export function keepAuditTrailReadOnly(strapi: Core.Strapi): void {
  const writes = new Set(['create', 'update', 'delete', 'publish'].map(CONTENT_ACTION));
  const { hooks } = adminService(strapi, 'role');
  hooks.willResetSuperAdminPermissions.register((permissions: Permission[]) =>
    permissions.filter((permission) => !(permission.subject === AUDIT_ENTRY && writes.has(permission.action))),
  );
}
