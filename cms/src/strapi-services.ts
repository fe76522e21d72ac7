/**
 * Strapi's own services, typed. `strapi.service(uid)` and `strapi.plugin(name).service(name)` answer
 * `{ [key]: any }`, so every call through them goes unchecked; Strapi's packages ship the types of their
 * services (each package's `strapi-server` export), and these accessors hand them out. The one conversion
 * from Strapi's untyped registry to those types is here (and the plugins' own `service<T>`).
 */
import type { Core } from '@strapi/strapi';
import type admin from '@strapi/admin/strapi-server';
import type i18n from '@strapi/i18n/strapi-server';

type AdminServices = (typeof admin)['services'];

type LocaleService = ReturnType<ReturnType<typeof i18n>['services']['locales']>;

/**
 * The upload service as the seed calls it: a file on disk in (the fields it reads of a formidable upload,
 * which its own type requires in full), the stored files out.
 */
type UploadService = {
  upload(input: {
    data: { fileInfo: { name: string; alternativeText?: string; caption?: string } };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }): Promise<Array<{ id: number }>>;
};

/** A service of the admin (`admin::<name>`), with the admin's own types. */
export function adminService<N extends keyof AdminServices>(strapi: Core.Strapi, name: N): AdminServices[N] {
  return strapi.service(`admin::${name}`) as AdminServices[N];
}

/** The i18n plugin's locales (create, find by code, the default locale). */
export function localeService(strapi: Core.Strapi): LocaleService {
  return strapi.plugin('i18n').service<LocaleService>('locales');
}

/** The upload plugin's service (files into the media library). */
export function uploadService(strapi: Core.Strapi): UploadService {
  return strapi.plugin('upload').service<UploadService>('upload');
}

/** Strapi's service registry, for wrapping a service in place (`extend`), as Strapi's own docs do. */
type ServiceRegistry = {
  extend<T extends object>(uid: string, extender: (service: T) => T): void;
};

/** Replaces methods of a Strapi service for every caller (the content manager's, the upload's, ...). */
export function extendService<T extends object>(strapi: Core.Strapi, uid: string, extender: (service: T) => T): void {
  strapi.get<ServiceRegistry>('services').extend(uid, extender);
}
