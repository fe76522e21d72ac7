import type { Core } from '@strapi/strapi';
import { httpSettings } from '../src/http/settings';

export default (): Core.Config.Middlewares => {
  const { origins } = httpSettings();
  return [
    // strapi::logger without the query string, which can hold a citizen's e-mail or phone.
    'global::request-log',
    'strapi::errors',
    // Inside strapi::errors: a parser's complaint about the client's request becomes a 400, not a 500.
    'global::input-errors',
    'strapi::security',
    'global::security-headers',
    // Only the admin's and the public site's origins may call the CMS from a browser.
    { name: 'strapi::cors', config: { origin: origins } },
    // No strapi::poweredBy: naming the software and its version helps only an attacker.
    'strapi::query',
    // Public write routes (hỏi đáp): size and type refused before the body is read.
    'global::public-write',
    'strapi::body',
    'global::request-body',
    'strapi::session',
    'global::upload-cache',
    'strapi::favicon',
    'strapi::public',
  ];
};
