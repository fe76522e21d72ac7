/**
 * The admin panel in Vietnamese: the default language of every browser that has not chosen one (English
 * stays selectable in the profile), the board's own words for enumeration values, stages as coloured labels
 * in the lists, and the super admin's confirmed "publish without review".
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Briefcase } from '@strapi/icons';
import { useAuth, useFetchClient, useNotification, Widget } from '@strapi/strapi/admin';
import { CONFIRM_UNREVIEWED_HEADER, isStage, STAGE_LABELS } from '../editorial/stages.ts';
import { AUDIT_ACTION_LABELS } from '../editorial/audit-actions.ts';
import { formatDateTime } from '../text/dates.ts';
import { ADMIN_LANGUAGE_KEY, DEFAULT_ADMIN_LOCALE, TRANSLATIONS } from './translations.ts';
import { registerPublicStatePanel } from './public-state.tsx';
import { language, StageBadge, StagePanel, TypeName } from './stage-badge.tsx';

/** An enumeration cell: its label, the stored value where there is none, '-' when empty. */
function ValueLabel({ value }: { value: unknown }) {
  const labels: Record<string, string> = TRANSLATIONS[language()];
  return <span>{typeof value === 'string' ? (labels[value] ?? value) : '-'}</span>;
}

interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => unknown;
}

const AUDIT = 'api::audit-entry.audit-entry';

/**
 * List cells of enumerations show their label, the stage as a coloured badge, and the editorial log's
 * content type its Vietnamese name instead of the uid.
 */
function labelCells({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) {
  const auditLog = window.location.pathname.includes(AUDIT);
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) => {
      if (auditLog && header.name === 'contentType')
        return { ...header, cellFormatter: (row: Record<string, unknown>) => <TypeName uid={row.contentType} /> };
      if (header.name === 'editorialStage')
        return {
          ...header,
          cellFormatter: (row: Record<string, unknown>) => <StageBadge value={row.editorialStage} />,
        };
      if (header.attribute?.type === 'enumeration')
        return { ...header, cellFormatter: (row: Record<string, unknown>) => <ValueLabel value={row[header.name]} /> };
      return header;
    }),
  };
}

interface DocumentActionProps {
  model: string;
  documentId?: string;
  collectionType: string;
  document?: Record<string, unknown> | null;
  activeTab?: string | null;
}

const SUPER_ADMIN = 'strapi-super-admin';

/**
 * "Xuất bản không qua duyệt": the super admin's way to publish an entry that is not approved, after a
 * confirmation. The server refuses the ordinary "Publish" of such an entry and records this one as such.
 */
function PublishUnreviewedAction({ model, documentId, collectionType, document, activeTab }: DocumentActionProps) {
  const user = useAuth(
    'PublishUnreviewedAction',
    (state: { user?: { roles?: Array<{ code: string }> } }) => state.user,
  );
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const stage = document?.editorialStage;
  const superAdmin = user?.roles?.some((role) => role.code === SUPER_ADMIN) ?? false;
  if (
    !superAdmin ||
    !documentId ||
    activeTab === 'published' ||
    !isStage(stage) ||
    stage === 'da_duyet' ||
    stage === 'da_xuat_ban'
  )
    return null;
  const label = AUDIT_ACTION_LABELS.publish_unreviewed.vi;
  return {
    label,
    position: 'panel',
    variant: 'danger',
    dialog: {
      type: 'dialog',
      title: `${label}?`,
      content: `Bài đang ở trạng thái “${STAGE_LABELS[stage]}”, chưa được thư ký tòa soạn duyệt. Nếu tiếp tục, bài sẽ được xuất bản ngay và nhật ký biên tập ghi “${label}”.`,
      onConfirm: async () => {
        const type = collectionType === 'single-types' ? 'single-types' : 'collection-types';
        const path =
          type === 'single-types'
            ? `/content-manager/${type}/${model}/actions/publish`
            : `/content-manager/${type}/${model}/${documentId}/actions/publish`;
        try {
          await post(path, {}, { headers: { [CONFIRM_UNREVIEWED_HEADER]: 'true' } });
          toggleNotification({
            type: 'success',
            message: 'Đã xuất bản; việc xuất bản không qua duyệt đã được ghi vào nhật ký.',
          });
          window.location.reload();
        } catch (error) {
          const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error
            ?.message;
          toggleNotification({ type: 'danger', message: message ?? 'Không xuất bản được.' });
        }
      },
    },
  };
}
PublishUnreviewedAction.type = 'publish-unreviewed';

interface DeskEntry {
  documentId: string;
  typeName: string;
  title: string;
  stage: string | null;
  reviewNote: string | null;
  scheduledPublishAt: string | null;
  scheduledUnpublishAt: string | null;
  href: string;
}
interface Desk {
  lists: Array<{ key: string; title: string; entries: DeskEntry[] }>;
}

/** The home page's "Việc của tôi": what waits for the logged-in user (GET /portal/desk, editorial/desk.ts). */
function DeskWidget() {
  const { get } = useFetchClient();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void get<{ data: Desk }>('/portal/desk').then(
      (response) => setDesk(response.data.data),
      () => setFailed(true),
    );
  }, [get]);
  if (failed) return <Widget.Error>Không tải được danh sách việc.</Widget.Error>;
  if (!desk) return <Widget.Loading />;
  if (desk.lists.every((list) => list.entries.length === 0))
    return <Widget.NoData>Không có việc nào đang chờ bạn.</Widget.NoData>;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {desk.lists
        .filter((list) => list.entries.length > 0)
        .map((list) => (
          <section key={list.key} aria-label={list.title}>
            <h3 style={{ fontWeight: 600, fontSize: 14, margin: '0 0 4px' }}>
              {list.title} ({list.entries.length})
            </h3>
            <ul style={{ margin: 0, paddingLeft: 16, display: 'grid', gap: 4 }}>
              {list.entries.slice(0, 10).map((entry) => (
                <li key={`${list.key}-${entry.documentId}`} style={{ fontSize: 14 }}>
                  <Link to={entry.href}>{entry.title}</Link>{' '}
                  <span style={{ color: '#666687' }}>· {entry.typeName}</span>{' '}
                  {isStage(entry.stage) ? <StageBadge value={entry.stage} /> : null}
                  {entry.reviewNote ? <div>Lý do trả lại: {entry.reviewNote}</div> : null}
                  {entry.scheduledPublishAt ? (
                    <div>Hẹn xuất bản: {formatDateTime(entry.scheduledPublishAt)}</div>
                  ) : null}
                  {entry.scheduledUnpublishAt ? <div>Hẹn gỡ: {formatDateTime(entry.scheduledUnpublishAt)}</div> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

export default {
  config: {
    locales: [DEFAULT_ADMIN_LOCALE],
    translations: TRANSLATIONS,
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: { widgets: { register(widgets: (current: unknown[]) => unknown[]): void } }) {
    // First on the home page: what waits for the user comes before statistics.
    app.widgets.register((current) => [
      {
        id: 'portal-desk',
        icon: Briefcase,
        title: { id: 'portal.desk.title', defaultMessage: 'Việc của tôi' },
        component: () => Promise.resolve(DeskWidget),
      },
      ...current,
    ]);
  },
  bootstrap(app: {
    registerHook(name: string, fn: typeof labelCells): void;
    getPlugin(name: string): {
      apis: Record<string, unknown> & {
        addDocumentAction(fn: (actions: unknown[]) => unknown[]): void;
        addEditViewSidePanel(panels: unknown[]): void;
      };
    };
  }) {
    // Before the panel first renders: Strapi reads the language from here and would otherwise pick English.
    if (!localStorage.getItem(ADMIN_LANGUAGE_KEY)) localStorage.setItem(ADMIN_LANGUAGE_KEY, DEFAULT_ADMIN_LOCALE);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelCells);
    app.getPlugin('content-manager').apis.addDocumentAction((actions) => [...actions, PublishUnreviewedAction]);
    // "Trên cổng thông tin": whether the entry's last change is on the public portal (the site publisher).
    registerPublicStatePanel(app);
    // "Trạng thái biên tập": the saved stage as its coloured label (and the reason of a send-back).
    app.getPlugin('content-manager').apis.addEditViewSidePanel([StagePanel]);
  },
};
