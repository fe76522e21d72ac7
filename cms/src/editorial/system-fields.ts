/**
 * Which fields of an admin write are the system's, as a pure rule: the Document Service middleware
 * (document-middlewares/workflow.ts) binds it to Strapi. Identity, timestamps, authorship and publication state are
 * set by Strapi and by the editorial rules, never chosen by a client: a rewritten `documentId` could point
 * a draft at someone else's published entry, a chosen `id` collides, a `locale` on a type without
 * translations makes an entry no screen can open.
 */

export type WriteAction = 'create' | 'update' | 'clone';

/** Set by Strapi on every write; a value sent by a client is dropped whatever it is. */
const TIMESTAMPS = ['createdAt', 'updatedAt', 'publishedAt', 'firstPublishedAt', 'localizations'] as const;

export interface SystemFieldContext {
  action: WriteAction;
  /** The document the call names (update). */
  documentId: string | undefined;
  /** The database id of the row being updated, when the data names an `id`. */
  storedId: number | null;
  /** The locale the call names (a parameter, not data). */
  locale: string | undefined;
  /** The type has translations (i18n). */
  localized: boolean;
  /** The admin user writing: becomes the author (create, clone) and the last editor. */
  userId: number;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const systemField = (field: string): FieldProblem => ({
  field,
  message: `Trường hệ thống “${field}” do hệ thống tự đặt; không được gửi giá trị khác.`,
});

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The data as it may be written, or the first field refused. A system field that repeats the stored
 * value (the admin panel sends the entry back as it read it) is dropped silently; one that tries to
 * change it is refused, so the client learns its write did not do what it asked.
 */
export function systemFieldRules(
  input: Record<string, unknown>,
  context: SystemFieldContext,
): { data: Record<string, unknown>; problem: FieldProblem | null } {
  const data = { ...input };
  const refuse = (problem: FieldProblem) => ({ data, problem });

  if ('documentId' in data) {
    const same = context.action === 'update' && data.documentId === context.documentId;
    if (present(data.documentId) && !same) return refuse(systemField('documentId'));
    delete data.documentId;
  }
  if ('id' in data) {
    const same = context.action === 'update' && context.storedId !== null && Number(data.id) === context.storedId;
    if (present(data.id) && !same) return refuse(systemField('id'));
    delete data.id;
  }
  if ('locale' in data) {
    if (!context.localized && present(data.locale))
      return refuse({
        field: 'locale',
        message: 'Ngôn ngữ (locale): loại nội dung này không có bản dịch, không được đặt ngôn ngữ.',
      });
    if (context.localized && present(data.locale) && data.locale !== context.locale)
      return refuse({
        field: 'locale',
        message: 'Ngôn ngữ (locale): chọn ngôn ngữ của bản ghi bằng tham số locale, không ghi vào dữ liệu.',
      });
    delete data.locale;
  }
  for (const field of TIMESTAMPS) delete data[field];
  // Authorship is the acting user's, whatever the client sent.
  if (context.action === 'update') delete data.createdBy;
  else data.createdBy = context.userId;
  data.updatedBy = context.userId;
  return { data, problem: null };
}

/** What a clone starts as: a fresh draft of the cloning user, never reviewed, never scheduled. */
export const CLONE_RESET = {
  editorialStage: 'nhap',
  reviewNote: null,
  scheduledPublishAt: null,
  scheduledUnpublishAt: null,
  scheduledById: null,
} as const;
