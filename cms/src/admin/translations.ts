/**
 * The admin panel's own strings, in Vietnamese (the default) and English: the labels of every enumeration
 * value, which the Content Manager looks up by the value itself in its selects and filters, taken from the
 * lists that own them. Imports carry their extension so unit tests load this file with Node too.
 */
import { STAGES, STAGE_LABELS } from '../editorial/stages.ts';
import { AUDIT_ACTION_LABELS } from '../editorial/audit-actions.ts';
import { DOCUMENT_TYPES } from '../legal/document-types.ts';
import { RELATION_TYPES } from '../legal/relations.ts';
import { VALIDITY_LABELS } from '../legal/validity.ts';
import { PROCEDURE_LEVELS, SERVICE_LEVELS, SUBMISSION_CHANNELS } from '../procedures/procedure-code.ts';
import { VALUES as ARTICLE_VALUES } from '../api/article/content-types/article/admin-labels.ts';
import { VALUES as PAGE_VALUES } from '../api/page/content-types/page/admin-labels.ts';
import { VALUES as CALENDAR_VALUES } from '../api/calendar-entry/content-types/calendar-entry/admin-labels.ts';
import { QUESTION_STATUSES } from '../questions/questions.ts';
import { COMMENT_STATUSES } from '../consultations/consultations.ts';
import { STRAPI_VI } from './strapi-vi.ts';
import type { ValueLabels } from '../editorial/field-labels.ts';

const STAGE_LABELS_EN: Record<(typeof STAGES)[number], string> = {
  nhap: 'Draft',
  cho_duyet: 'Awaiting review',
  da_duyet: 'Approved',
  tra_lai: 'Sent back',
  da_xuat_ban: 'Published',
};

type Bilingual = Readonly<Record<string, { vi: string; en: string }>>;

const fromOptions = (options: ReadonlyArray<{ key: string; vi: string; en: string }>): Bilingual =>
  Object.fromEntries(options.map(({ key, vi, en }) => [key, { vi, en }]));

/** Labels of the enumeration values that have no list of their own, kept beside their content type's fields. */
const ENTRY_VALUES: readonly ValueLabels[] = [ARTICLE_VALUES, PAGE_VALUES, CALENDAR_VALUES];

/** Value → label of every enumeration with a list of its own (the Vietnamese label doubles as English where none). */
const VALUE_LABELS: Bilingual = {
  ...Object.fromEntries(STAGES.map((stage) => [stage, { vi: STAGE_LABELS[stage], en: STAGE_LABELS_EN[stage] }])),
  ...AUDIT_ACTION_LABELS,
  ...Object.fromEntries(DOCUMENT_TYPES.map((type) => [type.key, { vi: type.name, en: type.nameEn }])),
  ...Object.fromEntries(RELATION_TYPES.map((type) => [type.key, type.active])),
  ...VALIDITY_LABELS,
  ...fromOptions(PROCEDURE_LEVELS),
  ...fromOptions(SERVICE_LEVELS),
  ...fromOptions(SUBMISSION_CHANNELS),
  ...Object.fromEntries(QUESTION_STATUSES.map(({ key, vi }) => [key, { vi, en: vi }])),
  ...Object.fromEntries(COMMENT_STATUSES.map(({ key, vi }) => [key, { vi, en: vi }])),
  ...Object.fromEntries(
    ENTRY_VALUES.flatMap((values) =>
      Object.values(values).flatMap((labels) => Object.entries(labels).map(([value, vi]) => [value, { vi, en: vi }])),
    ),
  ),
};

/** Strings of the panel itself that Strapi's Vietnamese translation lacks or words differently from the board. */
const PANEL_VI: Record<string, string> = {
  'Auth.form.welcome.title': 'Cổng thông tin điện tử',
  'Auth.form.welcome.subtitle': 'Đăng nhập vào trang quản trị',
  'app.components.LeftMenu.navbrand.title': 'Quản trị cổng thông tin',
  'app.components.LeftMenu.navbrand.workplace': 'Ban biên tập',
  'HomePage.header.subtitle': 'Chào mừng đến trang quản trị của ban biên tập',
  'portal.desk.title': 'Việc của tôi',
};

export const TRANSLATIONS = {
  vi: {
    ...STRAPI_VI,
    ...Object.fromEntries(Object.entries(VALUE_LABELS).map(([key, { vi }]) => [key, vi])),
    ...PANEL_VI,
  },
  en: {
    ...Object.fromEntries(Object.entries(VALUE_LABELS).map(([key, { en }]) => [key, en])),
    'portal.desk.title': 'My desk',
  },
};

/** The panel's language on a browser that has not chosen one (the key Strapi's admin reads). */
export const DEFAULT_ADMIN_LOCALE = 'vi';
export const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';
