/**
 * docs/nginx.conf.example must send what `npm start` sends: the same security headers (from
 * security-headers.ts) and the same cache rules, so an operator who copies it loses nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './config.ts';
import { FORWARDED_ROUTES } from './forward.ts';
import { notFoundPages } from './not-found.ts';
import { siteCacheControl, siteSecurityHeaders } from './security-headers.ts';

const EXAMPLE = path.join(REPO_ROOT, 'docs', 'nginx.conf.example');

/** The directives of the first `server { … }` block, comments removed. */
async function publicServerBlock(): Promise<string> {
  const text = (await readFile(EXAMPLE, 'utf8')).replace(/#[^\n]*/g, '');
  const start = text.indexOf('server {');
  assert.ok(start >= 0, 'a server block');
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error('unbalanced braces in the nginx example');
}

/** `add_header Name "value" always;` lines, as a record. */
function addedHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of block.matchAll(/^\s*add_header\s+(\S+)\s+("([^"]*)"|\S+)\s+always;/gm)) {
    headers[match[1] as string] = match[3] ?? (match[2] as string);
  }
  return headers;
}

describe('the nginx example', () => {
  it('sends the security headers of security-headers.ts, no more and no fewer', async () => {
    const headers = addedHeaders(await publicServerBlock());
    const { 'Cache-Control': cacheControl, ...security } = headers;
    assert.equal(cacheControl, '$portal_cache_control');
    assert.deepEqual(security, siteSecurityHeaders({ https: true }));
  });

  it('hides the upstream copies of every header it adds', async () => {
    const block = await publicServerBlock();
    for (const name of Object.keys(siteSecurityHeaders({ https: true }))) {
      assert.match(block, new RegExp(`proxy_hide_header ${name};`), name);
    }
  });

  it('caches as the static server does: hashed assets a year, pages revalidated', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    const map = /map \$uri \$portal_cache_control \{([^}]*)\}/.exec(text)?.[1] ?? '';
    assert.match(map, new RegExp(`~\\^/_astro/\\s+"${siteCacheControl('/_astro/x.js')}"`));
    assert.match(map, new RegExp(`default\\s+"${siteCacheControl('/tin-tuc/')}"`));
  });

  it('forwards exactly the public routes of forward.ts (questions, comments on drafts), each with its one method', async () => {
    const block = await publicServerBlock();
    for (const route of FORWARDED_ROUTES) {
      const escaped = route.path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const location = new RegExp(`location = ${escaped} \\{([^}]*\\}[^}]*)\\}`).exec(block)?.[1] ?? '';
      assert.ok(location, `a location for ${route.path}`);
      assert.match(
        location,
        new RegExp(`limit_except ${route.method === 'GET' ? 'GET HEAD' : route.method} \\{ deny all; \\}`),
      );
      const target = route.cmsPath === route.path ? 'http://portal_cms;' : `http://portal_cms${route.cmsPath};`;
      assert.ok(location.includes(`proxy_pass ${target}`), `${route.path} → ${route.cmsPath}`);
    }
    const citizens = [...block.matchAll(/location[^{]*(hoi-dap|du-thao)[^{]*\{/g)].length;
    assert.equal(citizens, FORWARDED_ROUTES.length, 'no other public write route is exposed');
  });

  it('answers unknown paths with the 404 page the static server picks, English below /en/', async () => {
    const block = await publicServerBlock();
    assert.match(block, new RegExp(`\\berror_page 404 /${notFoundPages('/tin-tuc/x')[0]};`));
    const english = /location \/en\/ \{([^}]*)\}/.exec(block)?.[1] ?? '';
    assert.match(english, new RegExp(`error_page 404 /${notFoundPages('/en/x')[0]};`));
  });
});
