/**
 * A side panel on every public entry's edit view telling the editor whether its last change is on the
 * public portal yet ("Đang chờ cập nhật lên cổng" → "Đã lên cổng lúc …"). The state comes from the site
 * publisher's record in the CMS (src/site-publish/, GET /portal-publisher/entry-state, admin session).
 */
import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { NOT_PUBLIC } from '../site-publish/rules.ts';

interface EntryState {
  state: 'pending' | 'live' | 'unknown' | 'rolled-back';
  label: string;
  /** The entry's page on the portal, once it is there. */
  url: string | null;
  /** Set while the last build failed (the portal still shows the previous version). */
  notice: string | null;
}

interface PanelProps {
  model: string;
  documentId?: string;
  /** Changes when the entry is saved, published or unpublished: then the state is asked again. */
  document?: { updatedAt?: string | null; publishedAt?: string | null; locale?: string | null } | null;
}

export const PublicStatePanel = ({ model, documentId, document }: PanelProps) => {
  const version = `${document?.updatedAt ?? ''}|${document?.publishedAt ?? ''}`;
  const { get } = useFetchClient();
  const [state, setState] = useState<EntryState | null>(null);
  const [failed, setFailed] = useState(false);
  const shown = model.startsWith('api::') && !NOT_PUBLIC.has(model) && Boolean(documentId);

  useEffect(() => {
    if (!shown) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const { data } = await get<{ data: EntryState }>('/portal-publisher/entry-state', {
          params: { uid: model, documentId, ...(document?.locale ? { locale: document.locale } : {}) },
        });
        if (cancelled) return;
        setState(data.data);
        setFailed(false);
        // While a build is pending or failing, look again: the editor sees the moment it goes live.
        if (data.data.state === 'pending' || data.data.notice) timer = setTimeout(() => void load(), 3_000);
      } catch {
        if (!cancelled) setFailed(true);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [shown, model, documentId, version, document?.locale, get]);

  if (!shown) return null;
  const text = failed ? 'Không lấy được trạng thái trên cổng' : (state?.label ?? 'Đang kiểm tra…');
  return {
    title: 'Trên cổng thông tin',
    content: (
      <div role="status" style={{ fontSize: '1.4rem', lineHeight: 1.45 }}>
        <p style={{ margin: 0 }}>{text}</p>
        {state?.url ? (
          <p style={{ margin: '0.8rem 0 0' }}>
            <a href={state.url} target="_blank" rel="noopener noreferrer" aria-label="Xem trên cổng (mở thẻ mới)">
              Xem trên cổng
            </a>
          </p>
        ) : null}
        {state?.notice ? <p style={{ margin: '0.8rem 0 0', color: '#b72b1a' }}>{state.notice}</p> : null}
      </div>
    ),
  };
};

/** The part of the admin app this registers with (the content manager's side panels). */
interface AdminApp {
  getPlugin(name: string): { apis: { addEditViewSidePanel(panels: unknown[]): void } };
}

/** Called from app.tsx's bootstrap. */
export function registerPublicStatePanel(app: AdminApp): void {
  app.getPlugin('content-manager').apis.addEditViewSidePanel([PublicStatePanel]);
}
