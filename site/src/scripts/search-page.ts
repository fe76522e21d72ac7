/**
 * Search as you type on /tim-kiem/. The form still submits normally when this script is missing;
 * with it, results come straight from Meilisearch (search-only key) and the URL keeps ?q= in step
 * so a search can be bookmarked or shared.
 */
import { highlightToHtml, searchArticles, type ArticleHit, type SearchClientConfig } from '@portal/search/client';
import { formatDate, isoDateTime } from '../lib/format.ts';
import { routes } from '../lib/routes.ts';
import { SEARCH_ERROR_MESSAGE, searchStatus } from '../lib/search-status.ts';

const DEBOUNCE_MS = 250;
const PAGE_SIZE = 20;

const root = document.querySelector<HTMLElement>('[data-search-config]');
const form = root?.querySelector<HTMLFormElement>('form');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const status = root?.querySelector<HTMLElement>('[role="status"]');
const list = root?.querySelector<HTMLOListElement>('#ket-qua');
const more = root?.querySelector<HTMLButtonElement>('[data-more]');

if (root && form && input && status && list && more) {
  const config = JSON.parse(root.dataset['searchConfig'] ?? '{}') as SearchClientConfig;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let shown = 0;

  const setStatus = (message: string, suggestions: string[] = [], withNewsLink = false) => {
    status.replaceChildren();
    if (message) status.append(Object.assign(document.createElement('p'), { textContent: message }));
    if (suggestions.length) {
      const ul = document.createElement('ul');
      for (const line of suggestions) ul.append(Object.assign(document.createElement('li'), { textContent: line }));
      status.append(ul);
    }
    if (withNewsLink) {
      const link = Object.assign(document.createElement('a'), {
        href: routes.newsList(),
        textContent: 'Xem danh sách tin tức',
      });
      status.append(link);
    }
  };

  const resultItem = (hit: ArticleHit): HTMLLIElement | undefined => {
    let href: string;
    try {
      href = routes.article(hit.slug);
    } catch {
      return undefined; // a document without a usable slug has no page to link to
    }
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = Object.assign(document.createElement('a'), { href, className: 'search-result' });
    link.dataset['testid'] = 'search-result';
    // highlightToHtml escapes the text; only its own <mark> elements are markup.
    link.innerHTML = highlightToHtml(hit.formatted.title);
    heading.append(link);
    item.append(heading);

    const meta = document.createElement('p');
    meta.className = 'result-meta';
    try {
      const time = Object.assign(document.createElement('time'), {
        dateTime: isoDateTime(hit.postedAt),
        textContent: formatDate(hit.postedAt),
      });
      meta.append(time);
    } catch {
      // no usable date: show the category alone
    }
    if (hit.category) meta.append(`${meta.childNodes.length ? ' · ' : ''}${hit.category}`);
    if (meta.childNodes.length) item.append(meta);

    const snippet =
      [hit.formatted.lead, hit.formatted.text].find((text) => text.includes('\u0002')) ?? hit.formatted.lead;
    if (snippet) {
      const p = document.createElement('p');
      p.innerHTML = highlightToHtml(snippet);
      item.append(p);
    }
    return item;
  };

  const run = async (query: string, offset = 0) => {
    inFlight?.abort();
    const q = query.trim();
    history.replaceState(history.state, '', routes.search(q));
    if (!q) {
      inFlight = undefined;
      list.replaceChildren();
      more.hidden = true;
      setStatus('');
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    try {
      const page = await searchArticles(config, q, { limit: PAGE_SIZE, offset, signal: controller.signal });
      if (controller.signal.aborted) return;
      const items = page.hits.map(resultItem).filter((item): item is HTMLLIElement => item !== undefined);
      if (offset === 0) list.replaceChildren(...items);
      else list.append(...items);
      shown = offset + page.hits.length;
      more.hidden = shown >= page.total || page.hits.length === 0;
      // Announce once per new query; "Xem thêm" adds results without repeating the count.
      if (offset === 0) {
        const { message, suggestions } = searchStatus(q, page.total);
        setStatus(message, suggestions);
      }
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      console.error(error);
      if (offset === 0) list.replaceChildren();
      more.hidden = true;
      setStatus(SEARCH_ERROR_MESSAGE, [], true);
    }
  };

  const searchNow = () => {
    clearTimeout(timer);
    void run(input.value);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(searchNow, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchNow();
  });
  more.addEventListener('click', () => void run(input.value, shown));

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    searchNow();
  }
}
