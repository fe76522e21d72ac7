/**
 * Search as you type on /tim-kiem/. The form still submits normally when this script is missing;
 * with it, results come straight from Meilisearch (search-only key, one federated query over news,
 * documents and procedures), facets appear as checkboxes with counts, and the URL keeps ?q= in step
 * so a search can be bookmarked or shared. Counts and "no results" are announced in a live region.
 */
import { highlightToHtml, searchPortal, type SearchHit, type SearchClientConfig } from '@portal/search/client';
import { hitView } from '../lib/search-hit.ts';
import { routes } from '../lib/routes.ts';
import { suggestQuery } from '@portal/search/suggest';
import { DID_YOU_MEAN, offerSuggestion, SEARCH_ERROR_MESSAGE, searchStatus } from '../lib/search-status.ts';
import { FACET_LABELS, FINDERS } from '../lib/search-facets.ts';

const DEBOUNCE_MS = 250;
const PAGE_SIZE = 20;

const root = document.querySelector<HTMLElement>('[data-search-config]');
const form = root?.querySelector<HTMLFormElement>('form');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const status = root?.querySelector<HTMLElement>('[role="status"]');
const list = root?.querySelector<HTMLOListElement>('#ket-qua');
const more = root?.querySelector<HTMLButtonElement>('[data-more]');
const facetBox = root?.querySelector<HTMLElement>('[data-facets]');
const sortSelect = root?.querySelector<HTMLSelectElement>('[data-sort]');
const filters = root?.querySelector<HTMLDetailsElement>('[data-filters]');

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) =>
  Object.assign(document.createElement(tag), props);

if (root && form && input && status && list && more && facetBox && sortSelect && filters) {
  const config = JSON.parse(root.dataset['searchConfig'] ?? '{}') as SearchClientConfig;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let shown = 0;
  let filtersShown = false;
  const chosen: Record<string, string[]> = {};

  const setStatus = (message: string, suggestions: string[] = [], finders = false) => {
    status.replaceChildren();
    if (message) status.append(el('p', { textContent: message }));
    const ul = el('ul');
    for (const line of suggestions) ul.append(el('li', { textContent: line }));
    for (const [label, href] of finders ? FINDERS : []) {
      const li = el('li');
      li.append(el('a', { href, textContent: label }));
      ul.append(li);
    }
    if (ul.childElementCount) status.append(ul);
  };

  const resultItem = (hit: SearchHit): HTMLLIElement | undefined => {
    let view;
    try {
      view = hitView(hit);
    } catch {
      return undefined; // no usable slug or date: nothing to link to
    }
    const item = el('li');
    const link = el('a', { href: view.href, className: 'search-result' });
    link.dataset['testid'] = 'search-result';
    // highlightToHtml escapes the stored text; only its own <mark> elements are markup.
    link.innerHTML = highlightToHtml(view.title);
    const heading = el('h2');
    heading.append(link);
    item.append(heading);
    if (view.meta.length) item.append(el('p', { className: 'result-meta', textContent: view.meta.join(' · ') }));
    if (view.snippet) item.append(el('p', { innerHTML: highlightToHtml(view.snippet) }));
    return item;
  };

  const renderFacets = (facets: Record<string, Record<string, number>>) => {
    // New counts replace the checkboxes; keep keyboard focus on the one just toggled.
    const active = document.activeElement;
    const focused = active instanceof HTMLInputElement && facetBox.contains(active) ? active : undefined;
    facetBox.replaceChildren();
    for (const [facet, label] of Object.entries(FACET_LABELS)) {
      const counts = { ...Object.fromEntries((chosen[facet] ?? []).map((v) => [v, 0])), ...facets[facet] };
      const values = Object.entries(counts);
      if (values.length < 2 && !chosen[facet]?.length) continue;
      const fieldset = el('fieldset');
      fieldset.append(el('legend', { textContent: label }));
      for (const [value, count] of values) {
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        box.checked = chosen[facet]?.includes(value) ?? false;
        const labelEl = el('label');
        labelEl.append(box, ` ${value} (${count})`);
        fieldset.append(labelEl);
      }
      facetBox.append(fieldset);
    }
    if (focused)
      [...facetBox.querySelectorAll('input')]
        .find((b) => b.name === focused.name && b.value === focused.value)
        ?.focus();
  };

  const run = async (query: string, offset = 0) => {
    inFlight?.abort();
    const q = query.trim();
    history.replaceState(history.state, '', routes.search(q));
    if (!q) {
      inFlight = undefined;
      list.replaceChildren();
      facetBox.replaceChildren();
      more.hidden = true;
      filters.hidden = true;
      delete root.dataset['hasQuery'];
      setStatus('');
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    // "Did you mean", asked beside the search; a failure only leaves it out.
    const suggestion =
      offset === 0 ? suggestQuery(config, q, { signal: controller.signal }).catch(() => undefined) : undefined;
    try {
      const page = await searchPortal(config, q, {
        limit: PAGE_SIZE,
        offset,
        filters: chosen,
        locale: 'vi',
        // Counts only for a new query: "Xem thêm" keeps the facets shown, and counting them over every
        // match is a good part of a search's time on a large index.
        facets: offset === 0 ? Object.keys(FACET_LABELS) : [],
        sort: sortSelect.value === 'newest' ? 'newest' : 'relevance',
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      const items = page.hits.map(resultItem).filter((item): item is HTMLLIElement => item !== undefined);
      if (offset === 0) list.replaceChildren(...items);
      else list.append(...items);
      shown = offset + page.hits.length;
      more.hidden = shown >= page.total || page.hits.length === 0;
      // Announce once per new query; "Xem thêm" adds results without repeating the count.
      if (offset === 0) {
        renderFacets(page.facets);
        root.dataset['hasQuery'] = '';
        // The filters stay reachable while one is chosen, even when it leaves nothing.
        filters.hidden = page.total === 0 && !Object.values(chosen).some((values) => values?.length);
        if (!filtersShown && !filters.hidden) {
          filtersShown = true;
          // Open beside the results on a wide screen; closed on a phone, so the first result shows at once.
          filters.open = matchMedia('(min-width: 48rem)').matches;
        }
        const { message, suggestions } = searchStatus(q, page.total);
        setStatus(message, suggestions, page.total === 0);
        const better = await suggestion;
        if (controller.signal.aborted) return;
        if (offerSuggestion(q, better)) {
          const line = el('p', { className: 'did-you-mean', textContent: `${DID_YOU_MEAN} ` });
          const link = el('a', { href: routes.search(better), textContent: better });
          link.dataset['testid'] = 'did-you-mean';
          link.addEventListener('click', (event) => {
            event.preventDefault();
            input.value = better;
            searchNow();
          });
          line.append(link);
          status.append(line);
        }
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
  facetBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const values = new Set(chosen[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    chosen[box.name] = [...values];
    searchNow();
  });
  sortSelect.addEventListener('change', searchNow);
  more.addEventListener('click', () => void run(input.value, shown));

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    searchNow();
  }
}
