/**
 * Combined filters on /van-ban/: reads the GET form (and the URL it would submit), filters the data
 * built with the site and shows the matches in place of the pre-rendered list, keeping the URL in
 * sync so a filtered list can be bookmarked and shared. Results are built with textContent, never
 * HTML, so a document's text cannot inject markup.
 *
 * The data comes a year at a time (lib/finder.ts): a filter with a year reads that year's file; any
 * other reads the years newest first (the next one fetched while this one is filtered) and shows the
 * matches after each, so a phone has results after one small file.
 */
import {
  filterDocuments,
  hasFilters,
  parseFilters,
  shardsFor,
  type FinderData,
  type FinderDocument,
  type FinderIndex,
  type FinderShard,
} from '../lib/finder.ts';

const MAX_SHOWN = 200;

// Every finder form, live or not: from the no-JavaScript shape (number box → search results page)
// to the combined filters of /van-ban/ (FinderForm.astro).
for (const finder of document.querySelectorAll<HTMLFormElement>('form[data-document-finder-form]')) {
  finder.action = finder.dataset.documentFinderForm ?? finder.action;
  for (const field of finder.querySelectorAll<HTMLElement>('[data-no-js]')) field.remove();
  for (const field of finder.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-js-name]'))
    field.name = field.dataset.jsName ?? field.name;
}

const form = document.querySelector<HTMLFormElement>('form[data-document-finder]');
const staticList = document.querySelector<HTMLElement>('[data-finder-static]');
const filtered = document.querySelector<HTMLOListElement>('[data-finder-filtered]');
const status = document.querySelector<HTMLElement>('[data-finder-status]');

if (form && staticList && filtered && status) {
  const source = form.dataset.documentFinder ?? '';
  const json = async <T>(url: string): Promise<T> => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  let index: Promise<FinderIndex> | undefined;
  const loadIndex = () => (index ??= json<FinderIndex>(source));
  const years = new Map<string, Promise<FinderDocument[]>>();
  const loadYear = (shard: FinderIndex['shards'][number]) => {
    let documents = years.get(shard.url);
    if (!documents) {
      documents = json<FinderShard>(shard.url).then((file) => file.documents);
      // A failed file is asked again on the next filter.
      documents.catch(() => years.delete(shard.url));
      years.set(shard.url, documents);
    }
    return documents;
  };
  /** Each filter run has a number: a run overtaken by a newer one stops drawing. */
  let runs = 0;

  const formParams = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
    return params;
  };

  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const item = (d: FinderDocument, labels: FinderData['labels']) => {
    const li = element('li');
    const article = element('article', undefined, 'document-item');
    article.dataset.testid = 'document-item';
    const heading = element('h2', undefined, 'title');
    const link = element('a', `${labels.types[d.t] ?? d.t} số ${d.n}`);
    link.href = d.u;
    heading.append(link);
    const meta = element('p', undefined, 'meta');
    const [y, m, day] = d.d.split('-');
    // Validity first, as DocumentItem.astro draws it: a document no longer in force must not look in force.
    if (d.v && labels.statuses[d.v]) meta.append(element('span', labels.statuses[d.v], `status status-${d.v}`));
    meta.append(element('span', `Ban hành: ${day}/${m}/${y}`));
    if (d.a && labels.agencies[d.a]) meta.append(element('span', labels.agencies[d.a]));
    article.append(heading, element('p', d.x, 'abstract'), meta);
    li.append(article);
    return li;
  };

  const show = (filtering: boolean) => {
    staticList.hidden = filtering;
    filtered.hidden = !filtering;
  };

  const render = (found: FinderDocument[], labels: FinderData['labels'], complete: boolean) => {
    filtered.replaceChildren(...found.slice(0, MAX_SHOWN).map((d) => item(d, labels)));
    status.textContent = !complete
      ? `Đang tải dữ liệu… đã tìm thấy ${found.length} văn bản.`
      : found.length === 0
        ? 'Không tìm thấy văn bản nào phù hợp với điều kiện lọc.'
        : found.length > MAX_SHOWN
          ? `Tìm thấy ${found.length} văn bản, hiển thị ${MAX_SHOWN} văn bản mới nhất.`
          : `Tìm thấy ${found.length} văn bản.`;
    show(true);
  };

  const apply = async () => {
    const run = ++runs;
    const params = formParams();
    const filters = parseFilters(params);
    const query = params.toString();
    // The URL follows once the list is drawn: a copied link always shows what the page showed.
    const syncUrl = () => history.replaceState(null, '', query ? `${location.pathname}?${query}` : location.pathname);
    if (!hasFilters(filters)) {
      show(false);
      status.textContent = '';
      syncUrl();
      return;
    }
    try {
      const finderIndex = await loadIndex();
      const { labels } = finderIndex;
      const needed = shardsFor(finderIndex, filters);
      const found: FinderDocument[] = [];
      for (const [i, shard] of needed.entries()) {
        const documents = loadYear(shard);
        const following = needed[i + 1];
        if (following) void loadYear(following).catch(() => undefined);
        // Years come newest first, so the matches stay in order (newest issue date first).
        found.push(...filterDocuments(await documents, filters));
        if (run !== runs) return;
        if (i < needed.length - 1) render(found, labels, false);
      }
      render(found, labels, true);
      syncUrl();
    } catch {
      if (run !== runs) return;
      // Keep the pre-rendered list and its facet links usable.
      status.textContent = 'Không tải được dữ liệu lọc. Vui lòng dùng các liên kết lọc theo loại, năm, cơ quan.';
      show(false);
    }
  };

  // Fill the form from the URL (a shared link or the form submitted from another page).
  for (const [name, value] of new URLSearchParams(location.search)) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
  if (hasFilters(parseFilters(formParams()))) void apply();

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply();
  });
  form.addEventListener('change', () => void apply());
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void apply(), 250);
  });
}
