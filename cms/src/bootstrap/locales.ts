import type { Core } from '@strapi/strapi';
import { localeService } from '../strapi-services';

/** Vietnamese first; English for what the law asks to be in English (the organisation and its contacts). */
export const LOCALES = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'English (en)' },
] as const;
export const DEFAULT_LOCALE = 'vi';

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = localeService(strapi);
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
}
