/**
 * Combined filters on /van-ban/: reads the GET form (and the URL it would submit), filters the data
 * built with the site and shows the matches in place of the pre-rendered list, keeping the URL in
 * sync so a filtered list can be bookmarked and shared. Results are built with textContent, never
 * HTML, so a document's text cannot inject markup.
 */
import { filterDocuments, hasFilters, parseFilters, type FinderData, type FinderDocument } from '../lib/finder.ts';

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
  let data: Promise<FinderData> | undefined;
  const load = () =>
    (data ??= fetch(source).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<FinderData>;
    }));

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

  const apply = async () => {
    const params = formParams();
    const filters = parseFilters(params);
    const query = params.toString();
    history.replaceState(null, '', query ? `${location.pathname}?${query}` : location.pathname);
    if (!hasFilters(filters)) {
      show(false);
      status.textContent = '';
      return;
    }
    try {
      const { documents, labels } = await load();
      const found = filterDocuments(documents, filters);
      filtered.replaceChildren(...found.slice(0, MAX_SHOWN).map((d) => item(d, labels)));
      status.textContent =
        found.length === 0
          ? 'Không tìm thấy văn bản nào phù hợp với điều kiện lọc.'
          : found.length > MAX_SHOWN
            ? `Tìm thấy ${found.length} văn bản, hiển thị ${MAX_SHOWN} văn bản mới nhất.`
            : `Tìm thấy ${found.length} văn bản.`;
      show(true);
    } catch {
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
