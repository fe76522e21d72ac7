/**
 * The few pages the CMS itself answers to a browser without JavaScript on the public routes (questions,
 * comments on drafts: confirmation, look-up result, a refused form): small, self-contained, Vietnamese,
 * accessible. Pure.
 */
import { SECTIONS } from '../url-words.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** No scripts, no outside resources; forms may only go back to the portal's own origin. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.6;color:#1b1b1b;background:#fff}
header{background:#8b0000;color:#fff;padding:.75rem 1rem}
header a{color:#fff;font-weight:700;text-decoration:none}
header a:focus{outline:3px solid #ffbf47;outline-offset:2px}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 1rem}
.code{display:inline-block;font:700 1.75rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em;border:3px solid #1b1b1b;padding:.4rem .8rem;margin:.25rem 0 1rem}
.box{border-left:6px solid #00703c;padding:.5rem 1rem;background:#f3f7f4}
.error{border-left:6px solid #b10e1e;padding:.5rem 1rem;background:#fbf1f2}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}
a{color:#0b4ea2}a:focus{outline:3px solid #ffbf47;outline-offset:2px}
`;

/** The section a page belongs to, linked at its foot. */
export interface Section {
  href: string;
  label: string;
}
export const QUESTIONS_SECTION: Section = { href: `/${SECTIONS.questions}/`, label: 'Về trang Hỏi đáp' };

export function htmlPage(options: { title: string; portalName: string; body: string; section?: Section }): string {
  const section = options.section ?? QUESTIONS_SECTION;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)} – ${escapeHtml(options.portalName)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">${escapeHtml(options.portalName)}</a></header>
<main id="noi-dung">
<h1>${escapeHtml(options.title)}</h1>
${options.body}
<p><a href="${escapeHtml(section.href)}">${escapeHtml(section.label)}</a></p>
</main>
</body>
</html>
`;
}

/** `what` names what was not sent: "Câu hỏi", "Góp ý". */
export function problemsHtml(problems: ReadonlyArray<{ message: string }>, back: string, what = 'Câu hỏi'): string {
  const items = problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('\n');
  return `<div class="error" role="alert"><p>${escapeHtml(what)} chưa được gửi. Vui lòng sửa:</p><ul>${items}</ul></div>
<p><a href="${escapeHtml(back)}">Quay lại biểu mẫu</a> (dùng nút Quay lại của trình duyệt để giữ nội dung đã nhập).</p>`;
}
