/**
 * The portal's identity and contacts (header, footer, metadata), from the CMS's site-setting single
 * type, checked once where it arrives. A portal whose editors have not filled the settings in yet
 * still builds, with a neutral name, rather than failing.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || undefined);

export const SiteSettingSchema = z.object({
  portalName: z.string().trim().min(1),
  portalNameEn: optionalText,
  ownerAgency: z.string().trim().min(1),
  ownerAgencyEn: optionalText,
  licenceLine: optionalText,
  licenceLineEn: optionalText,
  editorInChief: optionalText,
  editorInChiefEn: optionalText,
  address: optionalText,
  addressEn: optionalText,
  phone: optionalText,
  email: optionalText,
  emcSiteId: optionalText,
  emblem: z
    .object({ url: z.string().min(1), mime: z.string() })
    .nullish()
    .transform((value) => value ?? undefined),
});

/** The settings English pages show, each falling back to the Vietnamese text (marked lang="vi"). */
export interface EnglishSettings {
  owner: { text: string; translated: boolean };
  editorInChief: { text: string; translated: boolean } | undefined;
  address: { text: string; translated: boolean } | undefined;
  licence: { text: string; translated: boolean } | undefined;
}

export interface PortalSettings {
  name: string;
  /** The English name, for /en/ (falls back to the Vietnamese one). */
  nameEn: string;
  /** The two lines of the masthead: "Cổng thông tin điện tử" / "Tỉnh Sơn Hà" (one line if it cannot split). */
  masthead: [string] | [string, string];
  owner: string;
  editorInChief: string | undefined;
  address: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  licence: string | undefined;
  /** The site's id in the national EMC monitoring system (NĐ 42/2022), published as page metadata. */
  emcSiteId: string | undefined;
  /** The operator's emblem (an SVG upload), if any: lib/emblem.ts. */
  emblem: { url: string; mime: string } | undefined;
  /** The footer's fields in English, for /en/ (NĐ 42/2022: the organisation and its contacts). */
  en: EnglishSettings;
  description: string;
}

const KICKER = 'Cổng thông tin điện tử';
const FALLBACK = { portalName: KICKER, ownerAgency: 'Cơ quan chủ quản chưa được khai báo' };

function masthead(name: string): PortalSettings['masthead'] {
  const normalised = name.normalize('NFC');
  if (!normalised.toLocaleLowerCase('vi').startsWith(KICKER.toLocaleLowerCase('vi'))) return [normalised];
  const place = normalised.slice(KICKER.length).trim();
  if (!place) return [normalised];
  return [normalised.slice(0, KICKER.length), place.charAt(0).toLocaleUpperCase('vi') + place.slice(1)];
}

const english = (en: string | undefined, vi: string) =>
  en ? { text: en, translated: true } : { text: vi, translated: false };
const optionalEnglish = (en: string | undefined, vi: string | undefined) =>
  en ? { text: en, translated: true } : vi ? { text: vi, translated: false } : undefined;

/** The settings as pages use them; `raw` is what the CMS returned (null when none are saved). */
export function toPortalSettings(raw: unknown): PortalSettings {
  const parsed = SiteSettingSchema.safeParse(raw ?? FALLBACK);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The CMS site settings cannot be used: ${reasons}`);
  }
  const s = parsed.data;
  return {
    name: s.portalName,
    nameEn: s.portalNameEn ?? s.portalName,
    masthead: masthead(s.portalName),
    owner: s.ownerAgency,
    editorInChief: s.editorInChief,
    address: s.address,
    phone: s.phone,
    email: s.email,
    licence: s.licenceLine,
    emcSiteId: s.emcSiteId,
    emblem: s.emblem,
    en: {
      owner: english(s.ownerAgencyEn, s.ownerAgency),
      editorInChief: optionalEnglish(s.editorInChiefEn, s.editorInChief),
      address: optionalEnglish(s.addressEn, s.address),
      licence: optionalEnglish(s.licenceLineEn, s.licenceLine),
    },
    description: `${s.portalName}: tin tức – sự kiện, văn bản, thủ tục hành chính, lịch công tác và thông tin phục vụ người dân, doanh nghiệp.`,
  };
}
