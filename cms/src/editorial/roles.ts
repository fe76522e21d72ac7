/**
 * The editorial board's roles as data: the one place that says who may do what. The bootstrap turns it
 * into Strapi RBAC permissions (enforced by the admin API, not only hidden in the panel) and the tests
 * read the same table. No imports, so tests load it directly.
 */

/** Content that goes through the editorial chain: every project type with draft and publish. */
export const WORKFLOW_TYPES = [
  'api::article.article',
  'api::legal-document.legal-document',
  'api::procedure.procedure',
  'api::agency.agency',
  'api::calendar-entry.calendar-entry',
  'api::page.page',
  'api::banner-link.banner-link',
  // Citizens' questions: answered, reviewed and published with the answer like any other content.
  'api::question.question',
  // Drafts put out for public comment, and later the report on the comments received.
  'api::consultation.consultation',
] as const;

export type WorkflowType = (typeof WORKFLOW_TYPES)[number];

const WORKFLOW_SET: ReadonlySet<string> = new Set(WORKFLOW_TYPES);

/** Whether a uid names a type under the editorial workflow (a guard, so callers need no cast). */
export function isWorkflowType(uid: string): uid is WorkflowType {
  return WORKFLOW_SET.has(uid);
}

/**
 * What citizens send in that is never published as such (comments on drafts): the board reads and
 * moderates it; editors read it to write the report; only the chief deletes. Not draft-and-publish.
 */
export const CITIZEN_INPUT_TYPES = ['api::consultation-comment.consultation-comment'] as const;

/** The private bookkeeping fields each workflow type carries (schema.json), hidden from the public API. */
export const WORKFLOW_FIELDS = [
  'editorialStage',
  'reviewNote',
  'scheduledPublishAt',
  'scheduledUnpublishAt',
  'scheduledById',
] as const;

/**
 * Shared lists editors pick from and may extend; nobody but the super admin deletes them. The
 * abbreviations (Từ viết tắt) feed the site search's synonyms.
 */
export const TAXONOMY_TYPES = [
  'api::category.category',
  'api::tag.tag',
  'api::field.field',
  'api::abbreviation.abbreviation',
] as const;

export const AUDIT_ENTRY = 'api::audit-entry.audit-entry';

export type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

export interface Grant {
  action: ContentAction;
  subjects: readonly string[];
  /** Limited to entries the user created (Strapi's `admin::is-creator` condition). */
  own?: true;
  /** Limited to questions routed to the user's agency (the agency-officer condition, questions/officers.ts). */
  agency?: true;
  /** Only these fields (read or written); every field when absent. */
  fields?: readonly string[];
}

export interface EditorialRole {
  code: string;
  name: string;
  description: string;
  actor: 'editor' | 'reviewer' | 'chief' | 'officer';
  grants: readonly Grant[];
  /** Media library actions (plugin::upload.*); `own` limits changes to files the user uploaded. */
  media: 'own' | 'all';
}

const TAXONOMY: readonly Grant[] = [
  { action: 'create', subjects: TAXONOMY_TYPES },
  { action: 'read', subjects: TAXONOMY_TYPES },
  { action: 'update', subjects: TAXONOMY_TYPES },
];

export const EDITORIAL_ROLES: readonly EditorialRole[] = [
  {
    code: 'portal-bien-tap-vien',
    name: 'Biên tập viên',
    description: 'Viết và sửa bản nháp của mình, gửi duyệt. Không xuất bản, không xoá.',
    actor: 'editor',
    grants: [
      { action: 'create', subjects: WORKFLOW_TYPES },
      // Reading others' entries lets editors link to them (related documents, procedures).
      { action: 'read', subjects: WORKFLOW_TYPES },
      { action: 'update', subjects: WORKFLOW_TYPES, own: true },
      ...TAXONOMY,
      { action: 'read', subjects: CITIZEN_INPUT_TYPES },
    ],
    media: 'own',
  },
  {
    code: 'portal-thu-ky-toa-soan',
    name: 'Thư ký tòa soạn',
    description: 'Đọc và sửa mọi bản nháp, trả lại kèm lý do, duyệt bài. Không xuất bản.',
    actor: 'reviewer',
    grants: [
      { action: 'create', subjects: WORKFLOW_TYPES },
      { action: 'read', subjects: WORKFLOW_TYPES },
      { action: 'update', subjects: WORKFLOW_TYPES },
      ...TAXONOMY,
      { action: 'read', subjects: CITIZEN_INPUT_TYPES },
      { action: 'update', subjects: CITIZEN_INPUT_TYPES },
    ],
    media: 'all',
  },
  {
    code: 'portal-truong-ban-bien-tap',
    name: 'Trưởng ban biên tập',
    description: 'Như thư ký tòa soạn, thêm xuất bản, gỡ xuất bản, hẹn giờ, xoá và xem nhật ký biên tập.',
    actor: 'chief',
    grants: [
      { action: 'create', subjects: WORKFLOW_TYPES },
      { action: 'read', subjects: WORKFLOW_TYPES },
      { action: 'update', subjects: WORKFLOW_TYPES },
      { action: 'delete', subjects: WORKFLOW_TYPES },
      // Strapi checks the same `publish` action for publishing and unpublishing.
      { action: 'publish', subjects: WORKFLOW_TYPES },
      ...TAXONOMY,
      { action: 'read', subjects: CITIZEN_INPUT_TYPES },
      { action: 'update', subjects: CITIZEN_INPUT_TYPES },
      { action: 'delete', subjects: CITIZEN_INPUT_TYPES },
      { action: 'read', subjects: [AUDIT_ENTRY] },
    ],
    media: 'all',
  },
];

export const QUESTION = 'api::question.question';

/** The fields an agency officer writes: the answer and its sources, the processing status, the stage. */
export const OFFICER_ANSWER_FIELDS = [
  'answer',
  'answeringAgency',
  'answeringUnit',
  'answeredAt',
  'legalBasis',
  'processingStatus',
  'rejectionReason',
  'editorialStage',
] as const;

/**
 * Cán bộ trả lời: an officer of an agency (sở, huyện) who reads and answers the citizens' questions routed to
 * that agency, and nothing else; the board reviews and publishes. Which agency is data the super admin sets
 * (Phân công cán bộ trả lời); without an assignment the officer sees no question at all.
 */
export const AGENCY_OFFICER_ROLE: EditorialRole = {
  code: 'portal-can-bo-tra-loi',
  name: 'Cán bộ trả lời',
  description:
    'Cán bộ của cơ quan được phân công: chỉ xem và trả lời câu hỏi đã chuyển cho cơ quan mình, gửi duyệt. Không xuất bản, không xoá.',
  actor: 'officer',
  grants: [
    { action: 'read', subjects: [QUESTION], agency: true },
    { action: 'update', subjects: [QUESTION], agency: true, fields: OFFICER_ANSWER_FIELDS },
    // The answer's links: which agency answers, the legal documents it cites, the field.
    {
      action: 'read',
      subjects: ['api::agency.agency', 'api::legal-document.legal-document', 'api::field.field'],
    },
  ],
  media: 'own',
};

/** Every role the bootstrap keeps in step with this table. */
export const PORTAL_ROLES: readonly EditorialRole[] = [...EDITORIAL_ROLES, AGENCY_OFFICER_ROLE];

/** Whether the role's table grants the action on the content type (own-only grants count). */
export function grants(role: EditorialRole, action: ContentAction, subject: string): 'all' | 'own' | 'none' {
  const grant = role.grants.find((g) => g.action === action && g.subjects.includes(subject));
  return grant ? (grant.own ? 'own' : 'all') : 'none';
}
