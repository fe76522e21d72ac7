/**
 * The national emblem in the header, served as /quoc-huy.svg. The operator replaces it by uploading an
 * SVG in the site settings (Cài đặt cổng → emblem); without one, the portal shows the simplified
 * drawing below (an original drawing for this project: the red disc, gold star, rice ears and cogwheel
 * of the emblem, without its lettering, which is unreadable at header size). Served as a file and
 * shown with <img>, so an uploaded SVG can never run script in the page.
 */
import { cmsFetch } from './cms-fetch.ts';
import { mediaUrl } from './media.ts';

export const DEFAULT_EMBLEM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Quốc huy">
  <circle cx="32" cy="32" r="31" fill="#f2c200"/>
  <circle cx="32" cy="32" r="27.5" fill="#da251d"/>
  <g fill="#f2c200"><ellipse cx="26.0" cy="54.2" rx="1.8" ry="3.4" transform="rotate(105 26.0 54.2)"/><ellipse cx="38.0" cy="54.2" rx="1.8" ry="3.4" transform="rotate(75 38.0 54.2)"/><ellipse cx="20.5" cy="51.9" rx="1.8" ry="3.4" transform="rotate(120 20.5 51.9)"/><ellipse cx="43.5" cy="51.9" rx="1.8" ry="3.4" transform="rotate(60 43.5 51.9)"/><ellipse cx="15.7" cy="48.3" rx="1.8" ry="3.4" transform="rotate(135 15.7 48.3)"/><ellipse cx="48.3" cy="48.3" rx="1.8" ry="3.4" transform="rotate(45 48.3 48.3)"/><ellipse cx="12.1" cy="43.5" rx="1.8" ry="3.4" transform="rotate(150 12.1 43.5)"/><ellipse cx="51.9" cy="43.5" rx="1.8" ry="3.4" transform="rotate(30 51.9 43.5)"/><ellipse cx="9.8" cy="38.0" rx="1.8" ry="3.4" transform="rotate(165 9.8 38.0)"/><ellipse cx="54.2" cy="38.0" rx="1.8" ry="3.4" transform="rotate(15 54.2 38.0)"/><ellipse cx="9.0" cy="32.0" rx="1.8" ry="3.4" transform="rotate(180 9.0 32.0)"/><ellipse cx="55.0" cy="32.0" rx="1.8" ry="3.4" transform="rotate(0 55.0 32.0)"/><ellipse cx="9.8" cy="26.0" rx="1.8" ry="3.4" transform="rotate(195 9.8 26.0)"/><ellipse cx="54.2" cy="26.0" rx="1.8" ry="3.4" transform="rotate(-15 54.2 26.0)"/><ellipse cx="12.1" cy="20.5" rx="1.8" ry="3.4" transform="rotate(210 12.1 20.5)"/><ellipse cx="51.9" cy="20.5" rx="1.8" ry="3.4" transform="rotate(-30 51.9 20.5)"/></g>
  <polygon fill="#ffdd00" points="32.00,13.00 34.88,21.04 43.41,21.29 36.66,26.51 39.05,34.71 32.00,29.90 24.95,34.71 27.34,26.51 20.59,21.29 29.12,21.04"/>
  <g fill="#f2c200"><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(-90 32 47)"/><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(-60 32 47)"/><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(-30 32 47)"/><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(0 32 47)"/><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(30 32 47)"/><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(60 32 47)"/><rect x="30.6" y="38.6" width="2.8" height="3.2" transform="rotate(90 32 47)"/><circle cx="32" cy="47" r="6.6"/></g>
  <circle cx="32" cy="47" r="2.6" fill="#da251d"/>
  <path d="M17 55 Q32 61 47 55 L45 51 Q32 56 19 51 Z" fill="#da251d" stroke="#f2c200" stroke-width="1"/>
</svg>`;

export interface EmblemSetting {
  url: string;
  mime: string;
}

/** The SVG to serve: the operator's upload when it is an SVG that downloads, the default otherwise. */
export async function emblemSvg(setting: EmblemSetting | undefined, cmsUrl: string): Promise<string> {
  if (!setting) return DEFAULT_EMBLEM_SVG;
  if (setting.mime !== 'image/svg+xml') {
    console.warn(`[site] the emblem in the site settings is ${setting.mime}, not SVG: the default emblem is used`);
    return DEFAULT_EMBLEM_SVG;
  }
  const response = await cmsFetch(mediaUrl(setting.url, cmsUrl));
  if (!response.ok) throw new Error(`The emblem ${setting.url} could not be downloaded: HTTP ${response.status}`);
  const text = await response.text();
  if (!/<svg[\s>]/.test(text)) throw new Error(`The emblem ${setting.url} is not an SVG document`);
  return text;
}
