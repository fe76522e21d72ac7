/**
 * Whether a comment is taken now, and the Vietnamese message when it is not: before the period (409) or
 * after it (410), with the period in Vietnam's time. Pure, so the unit test runs it directly.
 */
import type { ConsultationPhase } from './consultations.ts';
import { formatDateTime } from '../text/dates.ts';

/** A published consultation as the comment route sees it, with its phase at the time of the request. */
export interface OpenConsultation {
  documentId: string;
  slug: string;
  title: string;
  openAt: string;
  closeAt: string;
  phase: ConsultationPhase;
}

/** "08:00 ngày 05/01/2027", in Vietnam's time. */
export function vietnamTime(value: string): string {
  const [time, day] = formatDateTime(value).split(' ');
  return `${time} ngày ${day}`;
}

/** Why a comment on this consultation is not taken now, with the HTTP status; null while it is open. */
export function periodRefusal(consultation: OpenConsultation): { status: 409 | 410; message: string } | null {
  if (consultation.phase === 'sap_mo')
    return {
      status: 409,
      message: `Dự thảo “${consultation.title}” chưa đến thời gian lấy ý kiến. Cổng nhận góp ý từ ${vietnamTime(consultation.openAt)} đến ${vietnamTime(consultation.closeAt)}.`,
    };
  if (consultation.phase === 'da_ket_thuc')
    return {
      status: 410,
      message: `Đã hết thời gian lấy ý kiến dự thảo “${consultation.title}” (kết thúc lúc ${vietnamTime(consultation.closeAt)}). Góp ý không được tiếp nhận; kết quả tổng hợp, tiếp thu, giải trình sẽ được công bố trên trang dự thảo.`,
    };
  return null;
}

const DAY = 86_400_000;
/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_HOURS = 7;

/** `days` from today (Vietnam's calendar day) at `hour`:00 Vietnam time, as an ISO instant. */
export function vietnamDayAt(days: number, hour: number, now = new Date()): string {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_HOURS * 3_600_000);
  const midnightUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(midnightUtc + days * DAY + (hour - VIETNAM_OFFSET_HOURS) * 3_600_000).toISOString();
}
