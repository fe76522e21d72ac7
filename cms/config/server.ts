import type { Core } from '@strapi/strapi';
import { scheduleTasks } from '../src/editorial/schedule-task';
import { httpSettings } from '../src/http/settings';
import { RETENTION_RULE } from '../src/questions/retention-rule';
import { retentionTasks } from '../src/questions/retention';
import { phaseTasks } from '../src/consultations/phase-task';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('CMS_PUBLIC_URL', ''),
  // Behind PROXY_TRUSTED_HOPS reverse proxies: the client's address is the last one they forwarded,
  // so login throttling and rate limits count each citizen and editor, not the proxy.
  proxy: httpSettings().proxy,
  // Uploads live with the rest of the data (the orchestrator points this into its data folder).
  dirs: {
    public: env('STRAPI_PUBLIC_DIR', './public'),
  },
  app: {
    keys: env.array('APP_KEYS', []),
  },
  // Update notifications phone home; a government network blocks that and operators upgrade deliberately.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', false) },
  },
  // Scheduled publication and withdrawal (seconds field first: "0 * * * * *" is every minute).
  cron: {
    enabled: true,
    // And, daily, clearing citizens' contact details PORTAL_QUESTION_RETENTION_MONTHS after the answer.
    tasks: {
      ...scheduleTasks(env('PORTAL_SCHEDULE_CRON', '0 * * * * *')),
      // And, with the same rule, a site rebuild when a draft's comment period opens or closes.
      ...phaseTasks(env('PORTAL_SCHEDULE_CRON', '0 * * * * *')),
      ...retentionTasks(env('PORTAL_QUESTION_RETENTION_CRON', RETENTION_RULE)),
    },
  },
});
