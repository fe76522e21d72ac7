import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { COMPONENT_LABELS } from '../components/admin-labels';
import { EDITORIAL_FIELD_LABELS, SYSTEM_FIELD_LABELS, type FieldLabels } from '../editorial/field-labels';
import { isWorkflowType } from '../editorial/roles';
import abbreviation, { LIST as ABBREVIATION_LIST } from '../api/abbreviation/content-types/abbreviation/admin-labels';
import agency, { LIST as AGENCY_LIST } from '../api/agency/content-types/agency/admin-labels';
import article, { LIST as ARTICLE_LIST } from '../api/article/content-types/article/admin-labels';
import auditEntry, { LIST as AUDIT_LIST } from '../api/audit-entry/content-types/audit-entry/admin-labels';
import bannerLink, { LIST as BANNER_LIST } from '../api/banner-link/content-types/banner-link/admin-labels';
import calendarEntry, { LIST as CALENDAR_LIST } from '../api/calendar-entry/content-types/calendar-entry/admin-labels';
import consultation, { LIST as CONSULTATION_LIST } from '../api/consultation/content-types/consultation/admin-labels';
import consultationComment, {
  LIST as COMMENT_LIST,
} from '../api/consultation-comment/content-types/consultation-comment/admin-labels';
import category, { LIST as CATEGORY_LIST } from '../api/category/content-types/category/admin-labels';
import field, { LIST as FIELD_LIST } from '../api/field/content-types/field/admin-labels';
import holiday, { LIST as HOLIDAY_LIST } from '../api/holiday/content-types/holiday/admin-labels';
import legalDocument, { LIST as LEGAL_LIST } from '../api/legal-document/content-types/legal-document/admin-labels';
import officerAssignment, {
  LIST as OFFICER_LIST,
} from '../api/officer-assignment/content-types/officer-assignment/admin-labels';
import page, { LIST as PAGE_LIST } from '../api/page/content-types/page/admin-labels';
import procedure, { LIST as PROCEDURE_LIST } from '../api/procedure/content-types/procedure/admin-labels';
import question, { LIST as QUESTION_LIST } from '../api/question/content-types/question/admin-labels';
import siteSetting, { LIST as SETTING_LIST } from '../api/site-setting/content-types/site-setting/admin-labels';
import tag, { LIST as TAG_LIST } from '../api/tag/content-types/tag/admin-labels';
import validityChange, {
  LIST as VALIDITY_LIST,
} from '../api/validity-change/content-types/validity-change/admin-labels';

const AUDIT_LOG = 'api::audit-entry.audit-entry';

interface View {
  fields: FieldLabels;
  list: readonly string[];
}

/** Each type's table (next to its schema); the editorial fields are added to the workflow types. */
export const CONTENT_TYPE_VIEWS: Readonly<Record<string, View>> = {
  'api::abbreviation.abbreviation': { fields: abbreviation, list: ABBREVIATION_LIST },
  'api::agency.agency': { fields: agency, list: AGENCY_LIST },
  'api::article.article': { fields: article, list: ARTICLE_LIST },
  'api::audit-entry.audit-entry': { fields: auditEntry, list: AUDIT_LIST },
  'api::banner-link.banner-link': { fields: bannerLink, list: BANNER_LIST },
  'api::calendar-entry.calendar-entry': { fields: calendarEntry, list: CALENDAR_LIST },
  'api::category.category': { fields: category, list: CATEGORY_LIST },
  'api::consultation.consultation': { fields: consultation, list: CONSULTATION_LIST },
  'api::consultation-comment.consultation-comment': { fields: consultationComment, list: COMMENT_LIST },
  'api::field.field': { fields: field, list: FIELD_LIST },
  'api::holiday.holiday': { fields: holiday, list: HOLIDAY_LIST },
  'api::legal-document.legal-document': { fields: legalDocument, list: LEGAL_LIST },
  'api::officer-assignment.officer-assignment': { fields: officerAssignment, list: OFFICER_LIST },
  'api::page.page': { fields: page, list: PAGE_LIST },
  'api::procedure.procedure': { fields: procedure, list: PROCEDURE_LIST },
  'api::question.question': { fields: question, list: QUESTION_LIST },
  'api::site-setting.site-setting': { fields: siteSetting, list: SETTING_LIST },
  'api::tag.tag': { fields: tag, list: TAG_LIST },
  'api::validity-change.validity-change': { fields: validityChange, list: VALIDITY_LIST },
};

/** All labels of a type's own fields, editorial fields included, in edit-view order. */
export function fieldLabelsOf(uid: string): FieldLabels {
  const view = CONTENT_TYPE_VIEWS[uid];
  const own = view?.fields ?? COMPONENT_LABELS[uid] ?? {};
  return isWorkflowType(uid) ? { ...own, ...EDITORIAL_FIELD_LABELS } : own;
}

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type EditRow = Array<{ name: string; size: number }>;
interface Configuration {
  settings?: Record<string, unknown>;
  layouts: { list: string[]; edit: EditRow[] };
  metadatas?: Record<string, Metadata>;
}
interface Model {
  uid: string;
  attributes: Record<string, { type: string }>;
}
type ConfigurationService = {
  findConfiguration(model: Model): Promise<Configuration>;
  updateConfiguration(model: Model, configuration: Configuration): Promise<unknown>;
};

/** Long text and the types Strapi keeps full width take a row; the rest go two to a row, in the table's order. */
function editLayout(strapi: Core.Strapi, model: Model, labels: FieldLabels): EditRow[] {
  const sizes = strapi.plugin('content-manager').service<{
    getFieldSize(type: string): { default: number; isResizable: boolean };
  }>('field-sizes');
  const rows: EditRow[] = [];
  let row: EditRow = [];
  for (const [name, label] of Object.entries(labels)) {
    const attribute = model.attributes[name];
    if (!attribute || label.visible === false) continue;
    const { default: size, isResizable } = sizes.getFieldSize(attribute.type);
    const width = !isResizable ? size : attribute.type === 'text' ? 12 : Math.min(size, 6);
    if (row.reduce((sum, cell) => sum + cell.size, 0) + width > 12) {
      rows.push(row);
      row = [];
    }
    row.push({ name, size: width });
  }
  if (row.length) rows.push(row);
  return rows;
}

function labelled(configuration: Configuration, labels: FieldLabels): Record<string, Metadata> {
  const metadatas = { ...configuration.metadatas };
  for (const [name, label] of Object.entries({ ...SYSTEM_FIELD_LABELS, ...labels })) {
    const current = metadatas[name];
    if (!current) continue;
    const { label: text, description, ...rest } = label;
    metadatas[name] = {
      ...current,
      edit: current.edit ? { ...current.edit, label: text, description, ...rest } : current.edit,
      list: current.list ? { ...current.list, label: text } : current.list,
    };
  }
  return metadatas;
}

/**
 * Labels every field of every project type and component in Vietnamese, with its help text, and sets the
 * edit and list layouts from the tables next to the schemas (admin-labels.ts). Run on every start:
 * labels always follow the code; a layout is written when the code's layout changed, so an arrangement made
 * later in the panel's "Configure the view" stays until the code changes again.
 */
export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'portal', key: 'admin-layouts' });
  const applied = ((await store.get({})) ?? {}) as Record<string, string>;
  const next: Record<string, string> = { ...applied };
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service<
    ConfigurationService & { findContentType(uid: string): Model | undefined }
  >('content-types');
  const components = contentManager.service<ConfigurationService & { findComponent(uid: string): Model | undefined }>(
    'components',
  );
  const targets: Array<readonly [ConfigurationService, Model | undefined, string, readonly string[] | null]> = [
    ...Object.entries(CONTENT_TYPE_VIEWS).map(
      ([uid, view]) => [contentTypes, contentTypes.findContentType(uid), uid, view.list] as const,
    ),
    ...Object.keys(COMPONENT_LABELS).map((uid) => [components, components.findComponent(uid), uid, null] as const),
  ];
  for (const [service, model, uid, list] of targets) {
    if (!model) continue;
    const labels = fieldLabelsOf(uid);
    const configuration = await service.findConfiguration(model);
    const layouts = { list: [...(list ?? configuration.layouts.list)], edit: editLayout(strapi, model, labels) };
    const fingerprint = createHash('sha256').update(JSON.stringify(layouts)).digest('hex');
    const layoutChanged = applied[uid] !== fingerprint;
    next[uid] = fingerprint;
    await service.updateConfiguration(model, {
      ...configuration,
      // The editorial log reads newest first, like any log (Strapi would sort it by its first text column).
      settings:
        uid === AUDIT_LOG
          ? { ...configuration.settings, defaultSortBy: 'at', defaultSortOrder: 'DESC' }
          : configuration.settings,
      layouts: layoutChanged ? { ...configuration.layouts, ...layouts } : configuration.layouts,
      metadatas: labelled(configuration, labels),
    });
  }
  await store.set({ value: next });
}
