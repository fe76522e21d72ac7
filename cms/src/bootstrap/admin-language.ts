import type { Core } from '@strapi/strapi';

/** The admin panel's language for an account that has not chosen one (Strapi ships a Vietnamese translation). */
export const DEFAULT_ADMIN_LANGUAGE = 'vi';

/**
 * Every new admin account starts with the panel in Vietnamese: the panel applies an account's preferred
 * language at login, whatever the browser's own setting. English stays selectable in the profile.
 */
export function defaultAdminLanguage(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null };
      if (!data.preferedLanguage) data.preferedLanguage = DEFAULT_ADMIN_LANGUAGE;
    },
  });
}

/** Accounts made before this default (the first super admin of an older install) get it once, if unset. */
export async function setMissingAdminLanguages(strapi: Core.Strapi): Promise<void> {
  await strapi.db
    .query('admin::user')
    .updateMany({ where: { preferedLanguage: { $null: true } }, data: { preferedLanguage: DEFAULT_ADMIN_LANGUAGE } });
}
