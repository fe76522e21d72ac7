import type { Core } from '@strapi/strapi';
import { ensureSuperAdmin, firstAdminLogin, forgetFirstAdminFile } from './bootstrap/admin-user';
import { defaultAdminLanguage, setMissingAdminLanguages } from './bootstrap/admin-language';
import { registerDeskRoute } from './bootstrap/desk-route';
import { ensureEditorialRoles, keepAuditTrailReadOnly } from './bootstrap/editorial-roles';
import { configureAdminViews } from './bootstrap/admin-views';
import { ensureLocales } from './bootstrap/locales';
import { ensureSiteToken } from './bootstrap/site-token';
import { removeStrapiDefaults } from './bootstrap/strapi-defaults';
import { hideLogFromRecentEdits } from './bootstrap/home-widgets';
import { registerAuditTrail } from './document-middlewares/audit';
import { registerMediaLock } from './document-middlewares/media-lock';
import { registerCalendarRevision } from './document-middlewares/calendar-revision';
import { registerInputTypes } from './document-middlewares/input-types';
import { registerPublishedOnlyReads } from './document-middlewares/published-only';
import { registerTextRules } from './document-middlewares/text-rules';
import { registerValidation } from './document-middlewares/validation';
import { registerWorkflow } from './document-middlewares/workflow';
import { fillEnumerations } from './enumerations';
import { registerValidityPropagation } from './legal/validity-propagation';
import { restrictPublicSchema } from './graphql/public-schema';
import { readPortalEnv } from './portal-env';
import { registerSearchSync, startSearchSync, stopSearchSync } from './search-sync';
import { registerSitePublish, startSitePublish } from './site-publish';
import { registerSiteExportRoutes } from './site-publish/export';
import { seedDemoContent } from './seed';
import { questionGuard } from './questions/abuse';
import { fillMissingDueDates, registerQuestionDeadline } from './questions/deadline';
import { registerAgencyOfficerCondition } from './questions/officers';
import { registerPersonalDataRoute } from './questions/personal-data';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // First: the schemas' enumerations take their values from the lists that own them.
    fillEnumerations(strapi);
    // Order matters: types are checked first, then text is normalised, then validated.
    registerInputTypes(strapi);
    registerTextRules(strapi);
    registerValidation(strapi);
    registerCalendarRevision(strapi);
    registerQuestionDeadline(strapi);
    // The write policy (system fields, stages, clone) refuses before anything is written; the audit trail,
    // inside it, records what went through.
    registerWorkflow(strapi);
    registerAuditTrail(strapi);
    // Inside the audit trail's transaction: the outbox row commits or rolls back with the change.
    registerSearchSync(strapi);
    registerSitePublish(strapi);
    registerValidityPropagation(strapi);
    registerPublishedOnlyReads(strapi);
    registerMediaLock(strapi);
    hideLogFromRecentEdits(strapi);
    restrictPublicSchema(strapi);
    keepAuditTrailReadOnly(strapi);
    defaultAdminLanguage(strapi);
    registerDeskRoute(strapi);
    registerPersonalDataRoute(strapi);
    // Before the roles are set in bootstrap: their permissions name it.
    registerAgencyOfficerCondition(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = readPortalEnv();
    // First: the outbox table must exist before anything (the demo seed) writes content.
    await startSearchSync(strapi);
    await startSitePublish(strapi, env.PORTAL_PUBLISHER_TOKEN);
    // The site build's bulk read, with the site token.
    registerSiteExportRoutes(strapi, env.PORTAL_SITE_TOKEN);
    await ensureLocales(strapi);
    await ensureSuperAdmin(strapi, firstAdminLogin(env));
    forgetFirstAdminFile(env.PORTAL_ADMIN_FILE);
    await ensureEditorialRoles(strapi);
    await setMissingAdminLanguages(strapi);
    await configureAdminViews(strapi);
    await ensureSiteToken(strapi, env.PORTAL_SITE_TOKEN);
    await removeStrapiDefaults(strapi);
    // Rate-limit and proof-of-work tables of the public question routes.
    await questionGuard(strapi);
    await fillMissingDueDates(strapi);
    if (env.PORTAL_DEMO_CONTENT_DIR) await seedDemoContent(strapi, env.PORTAL_DEMO_CONTENT_DIR);
  },

  async destroy() {
    await stopSearchSync();
  },
};
