/**
 * Abbreviations editors add in the admin (Từ viết tắt) reach the site search, on a real Strapi and a real
 * Meilisearch: the entry is written through the admin API, the search outbox carries the change, the worker
 * pushes the synonyms, and the site's search client finds a record by the abbreviation. A restart's
 * index preparation then finds the settings unchanged (no rebuild), and a bad entry is refused in Vietnamese.
 * The same sync adds a new title's words to the "did you mean" vocabulary.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { INDEXES, STORES, articleIndex, indexUidOf, indexViews, vocabularyUid } from '@portal/search';
import { suggestQuery } from '@portal/search/suggest';
import { searchPortal, type SearchClientConfig } from '@portal/search/client';
import { indexContent } from '@portal/scripts/portal';
import { adminSession, startTestBackend, type AdminSession, type TestBackend } from '@portal/scripts/testing';

const ARTICLE = 'api::article.article';
const ABBREVIATION = 'api::abbreviation.abbreviation';

describe('editor abbreviations in the site search', () => {
  let backend: TestBackend;
  let editor: AdminSession;
  let config: SearchClientConfig;

  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await sleep(200);
    }
    assert.fail(`Timed out after ${timeoutMs / 1000} s waiting until ${what}`);
  };
  const slugsFor = async (query: string) =>
    (await searchPortal(config, query, { locale: 'vi' })).hits.map((hit) => hit.slug);

  before(async () => {
    backend = await startTestBackend({ demoContent: false });
    const { searchKey } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
    config = {
      host: backend.meili.url,
      apiKey: searchKey,
      indexes: indexViews(STORES, backend.indexPrefix),
      vocabulary: vocabularyUid(backend.indexPrefix),
    };
    editor = await adminSession(backend);
  });
  after(async () => {
    await backend?.dispose();
  });

  it('finds a record by an abbreviation added in the admin, without a restart', async () => {
    const article = await editor.createPublished(ARTICLE, {
      title: 'Hướng dẫn cấp giấy chứng nhận đăng ký doanh nghiệp qua mạng',
    });
    const meili = new Meilisearch({ host: backend.meili.url, apiKey: backend.meili.masterKey });
    const id = articleIndex.keyOf(String(article.documentId), null);
    await waitFor('the article is indexed', () =>
      meili
        .index(indexUidOf(articleIndex, backend.indexPrefix))
        .getDocument(id)
        .then(
          () => true,
          () => false,
        ),
    );
    assert.deepEqual(await slugsFor('GCNĐKDN'), [], 'not an abbreviation the portal knows yet');
    // The sync added the new title's words to the "did you mean" vocabulary, without a restart.
    await waitFor('the title words are in the vocabulary', async () =>
      ((await suggestQuery(config, 'huong dan cap giay chung nhan qua mnag')) ?? '').endsWith('qua mang'),
    );

    await editor.createDraft(ABBREVIATION, {
      abbreviation: 'GCNĐKDN',
      expansions: 'giấy chứng nhận đăng ký doanh nghiệp\ngiấy phép kinh doanh',
    });
    await waitFor('a search for the abbreviation finds the article', async () =>
      (await slugsFor('gcndkdn')).includes(String(article['slug'])),
    );
    assert.ok((await slugsFor('GCNĐKDN')).includes(String(article['slug'])), 'typed with its diacritics');

    // The next start's preparation reads the same abbreviations: the indexes are left as they are.
    const { indexed } = await indexContent(backend, { secrets: backend.secrets, indexPrefix: backend.indexPrefix });
    assert.deepEqual(
      indexed.map((report) => report.settings),
      INDEXES.map(() => 'unchanged'),
    );
  });

  it('refuses an abbreviation without its meaning, in Vietnamese', async () => {
    const answer = await editor.request('POST', editor.base(ABBREVIATION), { abbreviation: 'XYZ', expansions: ' ' });
    assert.equal(answer.status, 400);
    assert.match(answer.error?.message ?? '', /Nghĩa đầy đủ/);
  });
});
