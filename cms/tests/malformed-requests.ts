/**
 * Malformed requests for the fuzz test, drawn from a seeded generator so a failure can be replayed:
 * broken and hostile bodies (bad JSON, deep nesting, wrong types, multipart without a boundary,
 * prototype keys, huge strings) and hostile URLs, aimed at the admin API, the unauthenticated admin
 * routes, GraphQL, the content API and the static site. None of them is a valid write.
 */
import { seededRandom } from '@portal/scripts/random';

export interface MalformedRequest {
  target: 'admin' | 'admin-public' | 'graphql' | 'content-api' | 'site';
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Sent with the editor's admin token, or the site's API token. */
  auth?: 'admin' | 'site';
}

const UIDS = [
  'api::article.article',
  'api::legal-document.legal-document',
  'api::procedure.procedure',
  'api::page.page',
  'api::agency.agency',
  'api::category.category',
];
const PUBLIC_ADMIN_ROUTES = [
  '/admin/login',
  '/admin/register',
  '/admin/register-admin',
  '/admin/forgot-password',
  '/admin/reset-password',
  '/admin/renew-token',
  '/admin/access-token',
  '/admin/logout',
];
const CONTENT_API = ['/api/articles', '/api/legal-documents', '/api/procedures', '/api/pages', '/api/agencies'];
const WRONG_VALUES: unknown[] = [
  123,
  -1.5e308,
  true,
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  { nested: { deeper: [null] } },
  'x'.repeat(20_000),
  '\u0000\u202e',
];

const nested = (depth: number, kind: 'object' | 'array'): string =>
  kind === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A body that no route can accept, with the content type it is sent under. */
function malformedBody(next: () => number): { body: string | Uint8Array; type: string } {
  const depth = pick(next, [40, 200, 2_000]);
  switch (Math.floor(next() * 11)) {
    case 0:
      return { body: pick(next, ['{bad', '[', '"', '{"a":}', '{"a":1,}', 'nul', '\u0000']), type: 'application/json' };
    case 1:
      return { body: nested(depth, 'object'), type: 'application/json' };
    case 2:
      return { body: nested(depth, 'array'), type: 'application/json' };
    case 3:
      return { body: JSON.stringify(pick(next, WRONG_VALUES)), type: 'application/json' };
    case 4:
      return { body: '--x\r\nContent-Disposition: form-data; name="files"\r\n\r\nabc', type: 'multipart/form-data' };
    case 5:
      return {
        body: '--b\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF',
        type: 'multipart/form-data; boundary=b',
      };
    case 6:
      return {
        body: `${'a'.repeat(1)}${'[b]'.repeat(depth % 300)}=1&c[__proto__][x]=1`,
        type: 'application/x-www-form-urlencoded',
      };
    case 7:
      return { body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', type: 'application/json' };
    case 8:
      return {
        body: new Uint8Array(Array.from({ length: 512 }, () => Math.floor(next() * 256))),
        type: 'application/json',
      };
    case 9:
      return { body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', type: 'application/xml' };
    default:
      return {
        body: JSON.stringify({ email: pick(next, WRONG_VALUES), password: pick(next, WRONG_VALUES) }),
        type: 'application/json',
      };
  }
}

/** A hostile query string: deep brackets, operators on unknown fields, wrong pagination. */
function malformedQuery(next: () => number): string {
  return pick(next, [
    `?filters${'[a]'.repeat(40)}=1`,
    '?filters[title][$unknownOp]=1',
    '?filters[$or][0][password][$eq]=x',
    '?sort=;drop%20table',
    '?sort[0][title]=sideways',
    '?pagination[page]=-1&pagination[pageSize]=abc',
    '?pagination[limit]=1e309',
    '?populate=*&populate[deep][populate]=***',
    '?fields[0][$ne]=x',
    '?status=everything',
    '?locale[$ne]=vi',
    `?q=${'%'.repeat(3)}`,
    '?filters[createdBy][email][$startsWith]=a',
  ]);
}

function adminRequest(next: () => number): MalformedRequest {
  const uid = pick(next, UIDS);
  const base = `/content-manager/collection-types/${uid}`;
  const field = pick(next, [
    'title',
    'name',
    'abstract',
    'issueDate',
    'effectiveDate',
    'slug',
    'postedAt',
    'featured',
    'body',
    'steps',
  ]);
  const wrong = { [field]: pick(next, WRONG_VALUES.slice(0, 8)) };
  const choice = Math.floor(next() * 6);
  if (choice === 0) {
    const { body, type } = malformedBody(next);
    return {
      target: 'admin',
      method: pick(next, ['POST', 'PUT']),
      path: base,
      headers: { 'Content-Type': type },
      body,
      auth: 'admin',
    };
  }
  if (choice === 1) {
    return {
      target: 'admin',
      method: 'POST',
      path: base,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(wrong),
      auth: 'admin',
    };
  }
  if (choice === 2) {
    const id = pick(next, ['0', '-1', 'null', '%00', 'a'.repeat(300), '..%2F..%2Fadmin', '{"$ne":1}']);
    return {
      target: 'admin',
      method: pick(next, ['PUT', 'GET', 'DELETE']),
      path: `${base}/${id}`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(wrong),
      auth: 'admin',
    };
  }
  if (choice === 3) {
    return { target: 'admin', method: 'GET', path: `${base}${malformedQuery(next)}`, headers: {}, auth: 'admin' };
  }
  if (choice === 4) {
    const { body, type } = malformedBody(next);
    return { target: 'admin', method: 'POST', path: '/upload', headers: { 'Content-Type': type }, body, auth: 'admin' };
  }
  return {
    target: 'admin',
    method: 'POST',
    path: `${base}/actions/${pick(next, ['publish', 'bulkDelete', 'bulkPublish', 'clone', 'x'])}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(pick(next, WRONG_VALUES.slice(0, 8))),
    auth: 'admin',
  };
}

function graphqlRequest(next: () => number): MalformedRequest {
  const auth = next() < 0.7 ? ('site' as const) : undefined;
  const choice = Math.floor(next() * 6);
  let body: string | Uint8Array;
  let type = 'application/json';
  if (choice === 0) ({ body, type } = malformedBody(next));
  else if (choice === 1) body = JSON.stringify({ query: pick(next, WRONG_VALUES) });
  else if (choice === 2)
    body = JSON.stringify({
      query: pick(next, [
        '{',
        '{ articles { ',
        'query { __typename',
        '{ articles(filters: {title: {eq: 1}}) { title } }',
        'mutation { deleteArticle(documentId: "x") { documentId } }',
        'subscription { x }',
      ]),
    });
  else if (choice === 3)
    body = JSON.stringify({
      query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`,
    });
  else if (choice === 4)
    body = JSON.stringify({ query: `{ ${'articles { category { articles { '.repeat(8)} title ${'} } }'.repeat(8)} }` });
  else
    body = JSON.stringify({
      query: 'query ($id: ID!) { article(documentId: $id) { title } }',
      variables: { id: pick(next, WRONG_VALUES) },
    });
  return { target: 'graphql', method: 'POST', path: '/graphql', headers: { 'Content-Type': type }, body, auth };
}

function contentApiRequest(next: () => number): MalformedRequest {
  const base = pick(next, CONTENT_API);
  const auth = next() < 0.6 ? ('site' as const) : undefined;
  if (next() < 0.6)
    return { target: 'content-api', method: 'GET', path: `${base}${malformedQuery(next)}`, headers: {}, auth };
  const { body, type } = malformedBody(next);
  return {
    target: 'content-api',
    method: pick(next, ['POST', 'PUT', 'DELETE']),
    path: `${base}/${pick(next, ['', 'x', '1'])}`,
    headers: { 'Content-Type': type },
    body,
    auth,
  };
}

function publicAdminRequest(next: () => number): MalformedRequest {
  const { body, type } = malformedBody(next);
  if (next() < 0.15) {
    return {
      target: 'admin-public',
      method: 'GET',
      path: pick(next, [
        '/favicon.ico',
        '/admin/init',
        `/admin/registration-info?registrationToken${'[x]'.repeat(30)}=1`,
        '/admin/project-type',
        '/_health',
      ]),
      headers: {},
    };
  }
  return {
    target: 'admin-public',
    method: 'POST',
    path: pick(next, PUBLIC_ADMIN_ROUTES),
    headers: { 'Content-Type': type },
    body,
  };
}

function siteRequest(next: () => number): MalformedRequest {
  const path = pick(next, [
    '/\\',
    '/\\\\evil.example',
    '/.//en',
    '//evil.example/',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%E0%A4%A',
    '/%00',
    `/${'a/'.repeat(500)}`,
    '/tin-tuc/..%5c..%5c',
    '/index.html%00.txt',
    '/?a[b][c]=1',
    `/${'%'.repeat(2)}`,
  ]);
  return { target: 'site', method: pick(next, ['GET', 'HEAD', 'POST', 'OPTIONS', 'PROPFIND']), path, headers: {} };
}

/**
 * `count` requests spread over every target. An admin API write costs the CMS the most (permission
 * checks, validation), so it gets a seventh of them and the cheap routes the rest, to keep CI short.
 */
export function malformedRequests(count: number, seed = 11): MalformedRequest[] {
  const next = seededRandom(seed);
  const makers = [
    adminRequest,
    publicAdminRequest,
    publicAdminRequest,
    graphqlRequest,
    contentApiRequest,
    siteRequest,
    siteRequest,
  ];
  return Array.from({ length: count }, () => pick(next, makers)(next));
}
