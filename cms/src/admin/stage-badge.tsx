/**
 * The editorial stage as a coloured Vietnamese label (STAGE_LABELS owns the words), wherever the panel shows
 * it: list cells, the desk, and the edit view's "Trạng thái biên tập" side panel; and a content type's
 * Vietnamese name (its schema's displayName) where Strapi shows the uid, as in the editorial log.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { isStage, STAGE_LABELS, type Stage } from '../editorial/stages.ts';
import { isWorkflowType } from '../editorial/roles.ts';
import { ADMIN_LANGUAGE_KEY, TRANSLATIONS } from './translations.ts';

/** Colour pairs with at least 4.5:1 contrast (WCAG 2.2 AA). */
export const STAGE_COLOURS: Record<Stage, { background: string; color: string }> = {
  nhap: { background: '#eaeaef', color: '#32324d' },
  cho_duyet: { background: '#fdf4dc', color: '#7a4b00' },
  da_duyet: { background: '#eafbe7', color: '#2f6846' },
  tra_lai: { background: '#fcecea', color: '#b72b1a' },
  da_xuat_ban: { background: '#f0f0ff', color: '#271fe0' },
};

const badge: CSSProperties = {
  borderRadius: 4,
  padding: '2px 8px',
  fontWeight: 600,
  fontSize: 12,
  whiteSpace: 'nowrap',
};

/** The panel's language (Vietnamese unless the user chose English). */
export const language = () => (localStorage.getItem(ADMIN_LANGUAGE_KEY) === 'en' ? 'en' : 'vi');

export function StageBadge({ value }: { value: unknown }) {
  if (!isStage(value)) return <span>-</span>;
  const labels: Record<string, string> = TRANSLATIONS[language()];
  const text = labels[value] ?? STAGE_LABELS[value];
  return (
    <span data-stage={value} style={{ ...badge, ...STAGE_COLOURS[value] }}>
      {text}
    </span>
  );
}

interface PanelProps {
  model: string;
  documentId?: string;
  activeTab?: string | null;
  document?: Record<string, unknown> | null;
}

/**
 * Edit view side panel of the workflow types: the saved stage as its coloured label and, for an entry sent
 * back, the reviewer's reason, so the editor sees both without reading the select.
 */
export const StagePanel = ({ model, document }: PanelProps) => {
  if (!isWorkflowType(model) || !document) return null;
  const stage = document.editorialStage;
  const note = typeof document.reviewNote === 'string' ? document.reviewNote.trim() : '';
  return {
    title: language() === 'en' ? 'Editorial stage' : 'Trạng thái biên tập',
    content: (
      <div style={{ fontSize: '1.4rem', lineHeight: 1.45 }} data-portal="stage-panel">
        <StageBadge value={stage} />
        {stage === 'tra_lai' && note ? (
          <p style={{ margin: '0.8rem 0 0' }}>
            {language() === 'en' ? 'Reason: ' : 'Lý do trả lại: '}
            {note}
          </p>
        ) : null}
      </div>
    ),
  };
};

/** uid → displayName of every content type, fetched once per page load from the Content Manager. */
let typeNames: Promise<Record<string, string>> | null = null;

function useTypeNames(): Record<string, string> | null {
  const { get } = useFetchClient();
  const [names, setNames] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    typeNames ??= get<{ data: Array<{ uid: string; info: { displayName: string } }> }>(
      '/content-manager/content-types',
    ).then(
      ({ data }) => Object.fromEntries(data.data.map((type) => [type.uid, type.info.displayName])),
      () => {
        typeNames = null;
        return {};
      },
    );
    let cancelled = false;
    void typeNames.then((value) => {
      if (!cancelled) setNames(value);
    });
    return () => {
      cancelled = true;
    };
  }, [get]);
  return names;
}

/** A content type's name as the panel shows it (the uid until the names arrive, or for an unknown type). */
export function TypeName({ uid }: { uid: unknown }) {
  const names = useTypeNames();
  const value = typeof uid === 'string' ? uid : '';
  return <span title={value}>{names?.[value] ?? value}</span>;
}
