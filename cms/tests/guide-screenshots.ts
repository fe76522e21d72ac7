/**
 * Screenshots of the real admin panel taken by the browser tests. They always go to a temporary folder (what the
 * panel showed, for a failing run or the issue's closing note); with PORTAL_GUIDE_SCREENSHOTS=1 they are also
 * written to docs/anh/, the pictures of the editors' guide (docs/huong-dan-bien-tap.md), so the guide's pictures
 * are the screen as it is. CI leaves the variable unset and never rewrites committed files.
 */
import { mkdirSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '@portal/scripts/config';

/** Every screenshot of a run. */
export const SCREENSHOTS = path.join(os.tmpdir(), 'portal-admin-screenshots');
/** The guide's pictures (committed). */
export const GUIDE_PICTURES = path.join(REPO_ROOT, 'docs', 'anh');
/** Whether this run rewrites the guide's pictures. */
export const WRITES_GUIDE = process.env.PORTAL_GUIDE_SCREENSHOTS === '1';

mkdirSync(SCREENSHOTS, { recursive: true });
if (WRITES_GUIDE) mkdirSync(GUIDE_PICTURES, { recursive: true });

/** The window the guide's pictures are taken in: a common office screen, so the panel shows its two columns. */
export const GUIDE_VIEWPORT = { width: 1366, height: 900 };

/**
 * Saves what the page shows as `<name>.png`; `guide` marks a picture of the editors' guide. The page's mouse
 * is moved away first, so no hover state or tooltip ends up in the picture.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { guide?: boolean; width?: number; height?: number } = {},
) {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const viewport = page.viewportSize();
  // The panel scrolls inside its own frame, so a taller (or wider) picture needs a larger window.
  const resized = viewport && (options.width || options.height);
  if (resized)
    await page.setViewportSize({ width: options.width ?? viewport.width, height: options.height ?? viewport.height });
  // Strapi's notifications ("Đã lưu", "Đã xuất bản") are closed, so the picture shows the page under them.
  const toasts = page.locator('[data-sonner-toast]');
  for (const close of await toasts.getByRole('button', { name: 'Đóng' }).all())
    await close.click().catch(() => undefined);
  await toasts
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: file, animations: 'disabled' });
  if (resized) await page.setViewportSize(viewport);
  if (options.guide && WRITES_GUIDE) await copyFile(file, path.join(GUIDE_PICTURES, `${name}.png`));
}
