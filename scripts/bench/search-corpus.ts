/**
 * A deterministic corpus of CMS-shaped entries (legal documents, news, procedures) for the search
 * benchmark: the same seed gives the same documents, so runs compare.
 */
import { documentTypeByKey } from '@portal/cms/model/document-types';
import { seededRandom } from '../src/random.ts';

const SUBJECTS = [
  'cải cách hành chính',
  'phòng, chống thiên tai',
  'phát triển du lịch cộng đồng',
  'quản lý đất đai',
  'bảo vệ môi trường',
  'xây dựng nông thôn mới',
  'an toàn giao thông đường bộ',
  'phòng cháy, chữa cháy',
  'giáo dục nghề nghiệp',
  'chăm sóc sức khỏe người cao tuổi',
  'chuyển đổi số',
  'dịch vụ công trực tuyến toàn trình',
  'bảo hiểm xã hội tự nguyện',
  'quản lý dược phẩm',
  'trồng rừng dương liễu ven biển',
  'đầu tư công',
  'thủ tục hành chính cấp xã',
  'hộ kinh doanh',
];
const ACTIONS = ['Ban hành kế hoạch', 'Triển khai', 'Tăng cường', 'Tổng kết', 'Kiểm tra', 'Hướng dẫn thực hiện'];
/** Document types the corpus draws from, in this order (the seeded picks depend on it), with the content model's codes. */
const TYPES = (['quyet_dinh', 'ke_hoach', 'thong_bao', 'chi_thi', 'nghi_quyet'] as const).map((key) => {
  const type = documentTypeByKey(key);
  if (!type) throw new Error(`No document type "${key}" in the content model`);
  return [key, type.code] as const;
});
const AGENCIES = ['Ủy ban nhân dân tỉnh Sơn Hà', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế', 'Hội đồng nhân dân tỉnh'];
const FIELDS = ['Tư pháp', 'Hộ tịch', 'Đầu tư', 'Tài chính', 'Y tế', 'Công nghệ thông tin', 'Xây dựng'];
const SENTENCES = [
  'Các sở, ngành và UBND cấp xã tổ chức thực hiện nghiêm túc.',
  'Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.',
  'Kinh phí thực hiện từ nguồn ngân sách tỉnh và nguồn vốn hợp pháp khác.',
  'Định kỳ hằng quý báo cáo kết quả về Văn phòng UBND tỉnh.',
  'Tuyến đường liên xã được nâng cấp trước mùa mưa bão.',
  'Bảo đảm an toàn thông tin mạng trong hoạt động của cơ quan nhà nước.',
];

export function* benchmarkEntries(count: number, seed = 20261121) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const body = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  for (let i = 0; i < count; i += 1) {
    const year = 2010 + Math.floor(random() * 17);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const subject = pick(SUBJECTS);
    const documentId = `bench${String(i).padStart(7, '0')}`;
    const kind = i % 10;
    if (kind < 6) {
      const [documentType, code] = pick(TYPES);
      const number = 1 + Math.floor(random() * 9999);
      yield {
        index: 'legal-documents' as const,
        entry: {
          documentId,
          documentNumber: random() < 0.4 ? `${number}/${year}/${code}-UBND` : `${number}/${code}-UBND`,
          documentType,
          abstract: `${pick(ACTIONS)} ${subject} năm ${year}`,
          slug: documentId,
          issuingAgency: { name: pick(AGENCIES) },
          signer: 'Nguyễn Văn Bình',
          fields: [{ name: pick(FIELDS) }],
          issueDate: `${year}-${month}-15`,
          validityStatus: 'con_hieu_luc',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: body(4) }] }],
        },
      };
    } else if (kind < 9) {
      yield {
        index: 'articles' as const,
        entry: {
          documentId,
          title: `${pick(ACTIONS)} ${subject} tại Sơn Hà`,
          slug: documentId,
          lead: body(2),
          body: [{ type: 'paragraph', children: [{ type: 'text', text: body(8) }] }],
          postedAt: `${year}-${month}-10T02:00:00.000Z`,
          publishedAt: `${year}-${month}-10T02:00:00.000Z`,
          category: { name: 'Tin hoạt động', slug: 'tin-hoat-dong' },
        },
      };
    } else {
      yield {
        index: 'procedures' as const,
        entry: {
          documentId,
          code: `${1 + (i % 3)}.${String(i).padStart(6, '0')}`,
          name: `Thủ tục ${subject} ${i}`,
          slug: documentId,
          level: pick(['tinh', 'xa']),
          fields: [{ name: pick(FIELDS) }],
          steps: [{ title: 'Nộp hồ sơ', description: body(2) }],
          implementingAgency: { name: pick(AGENCIES) },
          serviceLevel: pick(['toan_trinh', 'mot_phan']),
          keywords: subject,
          publishedAt: '2026-01-05T02:00:00.000Z',
        },
      };
    }
  }
}

/** A query mix like the relevance test's: no diacritics, tones, abbreviations, numbers, codes, typos. */
export const BENCH_QUERIES = [
  'thu tuc hanh chinh',
  'chuyen doi so',
  'dịch vụ công trực tuyến',
  'đường giao thông',
  'dược phẩm',
  'BHXH tu nguyen',
  'UBND cap xa',
  '2543/QĐ-UBND',
  'qd 2543',
  '15/2024/QĐ-UBND',
  '79/2010/',
  '1.000948',
  'ho kinh doanh',
  'phong chong thien tai',
  'quan ly dat dai nam 2020',
  'thur tucj',
  'cong nghe thong tinn',
  '"bảo vệ môi trường"',
];

const CLAUSES = [
  'Cơ quan, tổ chức, cá nhân có trách nhiệm thực hiện đúng quy định tại Điều này.',
  'Ủy ban nhân dân cấp tỉnh quy định chi tiết thủ tục, hồ sơ và thời hạn giải quyết.',
  'Người nộp hồ sơ được nhận kết quả trực tuyến hoặc tại Bộ phận Một cửa.',
  'Việc thu phí, lệ phí thực hiện theo quy định của pháp luật về phí và lệ phí.',
  'Trường hợp hồ sơ chưa đầy đủ, cơ quan tiếp nhận hướng dẫn bổ sung trong ngày làm việc.',
  'Nghiêm cấm lợi dụng việc thực hiện thủ tục để gây phiền hà, sách nhiễu người dân.',
  'Thanh tra chuyên ngành kiểm tra, xử lý vi phạm theo thẩm quyền.',
  'Kinh phí bảo đảm từ ngân sách nhà nước và các nguồn hợp pháp khác.',
];
const LAW_SUBJECTS = [
  'Luật Đất đai',
  'Luật Hộ tịch',
  'Luật Cư trú',
  'Luật Đầu tư công',
  'Luật Bảo hiểm xã hội',
  'Luật Phòng cháy và chữa cháy',
  'Luật Giao dịch điện tử',
  'Luật Xây dựng',
];

/**
 * Long legal texts like national laws and decrees (10k–60k words): chapters, articles and clauses, citing
 * other documents by number. Deterministic; yields CMS-shaped legal documents, one at a time.
 */
export function* longLegalEntries(count: number, seed = 20261202) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const number = () =>
    `${1 + Math.floor(random() * 300)}/${2005 + Math.floor(random() * 20)}/QH${11 + Math.floor(random() * 5)}`;
  for (let i = 0; i < count; i += 1) {
    const words = 10_000 + Math.floor(random() * 50_000);
    const paragraphs: string[] = [];
    let written = 0;
    for (let article = 1; written < words; article += 1) {
      const text =
        `Điều ${article}. ${pick(ACTIONS)} ${pick(SUBJECTS)}. ` +
        Array.from(
          { length: 6 },
          (_, k) => `${k + 1}. ${pick(CLAUSES)} Căn cứ ${pick(LAW_SUBJECTS)} số ${number()}.`,
        ).join(' ');
      written += text.split(' ').length;
      paragraphs.push(text);
    }
    const year = 2005 + (i % 20);
    const documentId = `benchlong${String(i).padStart(6, '0')}`;
    yield {
      index: 'legal-documents' as const,
      entry: {
        documentId,
        documentNumber: `${1 + (i % 400)}/${year}/QH${11 + (i % 5)}`,
        documentType: 'luat',
        abstract: `${pick(LAW_SUBJECTS)} sửa đổi, bổ sung năm ${year}`,
        slug: documentId,
        issuingAgency: { name: 'Quốc hội' },
        signer: 'Chủ tịch Quốc hội',
        fields: [{ name: pick(FIELDS) }],
        issueDate: `${year}-06-20`,
        validityStatus: 'con_hieu_luc',
        body: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
      },
    };
  }
}
