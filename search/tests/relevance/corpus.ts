/**
 * A generated corpus for the relevance test, beside the demo content: tone collisions (đường/dương/đương,
 * dược/được, lụa/lúa, múa/mùa, hồ/hộ), numbered documents (79/2010, 15/2024), abbreviations written one way
 * only, and filler drawn from a seeded generator so the same run gives the same corpus. Entries have the
 * shape the CMS REST API returns, so they go through the index definitions' toDocument like real ones.
 */
import { documentTypeByKey } from '@portal/cms/model/document-types';
import { seededRandom } from '@portal/scripts/random';

function blocks(text: string) {
  return text.split('\n').map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));
}

/** The portal's one seeded generator (mulberry32), under the name the relevance files use. */
export const seeded = seededRandom;

let counter = 0;
const nextId = (prefix: string) => `${prefix}${String(++counter).padStart(5, '0')}`;

export function legalDocument(
  documentNumber: string,
  documentType: string,
  abstract: string,
  body = '',
  issueDate = '2024-05-10',
) {
  const documentId = nextId('gen-doc-');
  return {
    documentId,
    locale: 'vi',
    documentNumber,
    documentType,
    abstract,
    slug: documentId,
    issuingAgency: { name: 'Ủy ban nhân dân tỉnh Sơn Hà' },
    signer: 'Nguyễn Văn Bình',
    signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    fields: [{ name: 'Tổng hợp' }],
    issueDate,
    effectiveDate: issueDate,
    validityStatus: 'con_hieu_luc',
    body: blocks(body || abstract),
  };
}

export function article(title: string, lead: string, body: string, postedAt = '2026-03-02T02:00:00.000Z') {
  const documentId = nextId('gen-art-');
  return {
    documentId,
    locale: 'vi',
    title,
    slug: documentId,
    lead,
    body: blocks(body),
    postedAt,
    publishedAt: postedAt,
    category: { name: 'Tin tổng hợp', slug: 'tin-tong-hop' },
  };
}

export function procedure(code: string, name: string, keywords: string, body: string) {
  const documentId = nextId('gen-proc-');
  return {
    documentId,
    locale: 'vi',
    code,
    name,
    slug: documentId,
    level: 'tinh',
    fields: [{ name: 'Hộ tịch' }],
    steps: [{ title: 'Nộp hồ sơ', description: body }],
    dossier: [{ name: 'Tờ khai theo mẫu' }],
    implementingAgency: { name: 'Sở Tư pháp tỉnh Sơn Hà' },
    serviceLevel: 'mot_phan',
    keywords,
    publishedAt: '2026-01-05T02:00:00.000Z',
  };
}

const SUBJECTS = [
  'công tác cải cách hành chính',
  'phòng, chống thiên tai',
  'phát triển du lịch cộng đồng',
  'quản lý đất đai',
  'bảo vệ môi trường',
  'xây dựng nông thôn mới',
  'an toàn giao thông',
  'phòng cháy, chữa cháy',
  'giáo dục nghề nghiệp',
  'chăm sóc người cao tuổi',
  'khuyến nông',
  'quản lý chợ',
];
const ACTIONS = ['Ban hành kế hoạch', 'Triển khai', 'Tăng cường', 'Tổng kết', 'Kiểm tra', 'Hướng dẫn thực hiện'];
/** Document types the corpus draws from, in this order (the seeded picks depend on it), with the content model's codes. */
const TYPES = (['quyet_dinh', 'ke_hoach', 'thong_bao', 'chi_thi'] as const).map((key) => {
  const type = documentTypeByKey(key);
  if (!type) throw new Error(`No document type "${key}" in the content model`);
  return [key, type.code] as const;
});

/** The hand-written cases and `filler` seeded documents around them. */
export function generatedCorpus(filler = 300) {
  const documents = [
    legalDocument(
      '15/2024/QĐ-UBND',
      'quyet_dinh',
      'Ban hành Quy định quản lý kinh doanh thuốc trên địa bàn tỉnh',
      'Quy định điều kiện bảo quản dược phẩm tại các nhà thuốc, quầy thuốc.',
      '2024-03-15',
    ),
    legalDocument(
      '16/2024/QĐ-UBND',
      'quyet_dinh',
      'Danh sách cơ sở được công nhận không vi phạm quy định về an toàn thực phẩm',
      'Danh sách công bố định kỳ.',
      '2024-03-20',
    ),
    legalDocument(
      '79/2010/QĐ-UBND',
      'quyet_dinh',
      'Quy định về phân cấp quản lý chợ',
      'Phân cấp quản lý chợ.',
      '2010-08-02',
    ),
    legalDocument('79/2010/NQ-HĐND', 'nghi_quyet', 'Về mức chi hỗ trợ khuyến nông', 'Mức chi hỗ trợ.', '2010-12-09'),
    legalDocument(
      '79/2010/TT-BTC',
      'thong_tu',
      'Hướng dẫn quản lý kinh phí sự nghiệp',
      'Kinh phí sự nghiệp.',
      '2010-05-20',
    ),
    legalDocument('79/2011/QĐ-UBND', 'quyet_dinh', 'Về giá đất năm 2012', 'Bảng giá đất.', '2011-12-22'),
    legalDocument('179/2010/QĐ-UBND', 'quyet_dinh', 'Về quỹ phòng, chống thiên tai', 'Quỹ.', '2010-02-11'),
    legalDocument('790/QĐ-UBND', 'quyet_dinh', 'Phê duyệt quy hoạch chi tiết năm 2010', 'Quy hoạch.', '2010-04-01'),
    legalDocument('30/2020/NĐ-CP', 'nghi_dinh', 'Về công tác văn thư', 'Quy định thể thức văn bản.', '2020-03-05'),
    legalDocument(
      '102/KH-UBND',
      'ke_hoach',
      'Rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2026',
      'Kế hoạch rà soát văn bản.',
      '2026-02-01',
    ),
    legalDocument(
      '215/QĐ-UBND',
      'quyet_dinh',
      'Phê duyệt dự án đầu tư hạ tầng giao thông liên xã',
      'Nâng cấp tuyến đường từ trung tâm xã Phù Vân đến bản Nà Mò.',
      '2025-06-01',
    ),
    legalDocument(
      '216/QĐ-UBND',
      'quyet_dinh',
      'Trồng rừng phi lao, dương liễu chắn cát ven biển',
      'Trồng cây chắn cát.',
      '2025-06-02',
    ),
    legalDocument(
      '217/QĐ-UBND',
      'quyet_dinh',
      'Quy định chế độ phụ cấp đối với cán bộ đương nhiệm',
      'Chế độ phụ cấp.',
      '2025-06-03',
    ),
    legalDocument(
      '218/QĐ-UBND',
      'quyet_dinh',
      'Cấp nước sạch cho hộ dân chưa có nước sinh hoạt',
      'Hỗ trợ cấp nước.',
      '2025-06-04',
    ),
    legalDocument(
      '219/QĐ-UBND',
      'quyet_dinh',
      'Bảo đảm an toàn công trình thủy lợi mùa mưa bão',
      'Kiểm tra an toàn các hồ chứa nước, đập dâng trước mùa mưa.',
      '2025-06-05',
    ),
  ];
  const articles = [
    article('Phường Dương Nội ra mắt mô hình khu dân cư xanh', 'Mô hình khu dân cư xanh.', 'Khu dân cư xanh, sạch.'),
    article(
      'Làng nghề Vạn Phúc giữ nghề truyền thống',
      'Nghề dệt truyền thống được gìn giữ qua nhiều thế hệ.',
      'Những tấm lụa tơ tằm của làng được bán khắp cả nước.',
    ),
    article(
      'Hội diễn văn nghệ quần chúng xã Lục Khê',
      'Hội diễn thu hút hàng trăm diễn viên.',
      'Tiết mục múa xòe của đội văn nghệ bản Nà Mò đoạt giải nhất.',
    ),
    article(
      'Hướng dẫn cấp lại sổ BHXH bị mất, hư hỏng',
      'Người lao động làm thủ tục cấp lại sổ BHXH tại cơ quan BHXH nơi cư trú.',
      'Hồ sơ gồm tờ khai theo mẫu.',
    ),
    article(
      'Phát thẻ bảo hiểm y tế cho học sinh',
      'Học sinh trên địa bàn tỉnh được phát thẻ bảo hiểm y tế miễn phí.',
      'Thẻ được phát tại trường.',
    ),
    article(
      'Tuyển sinh vào lớp 10 THPT năm học 2026–2027',
      'Sở Giáo dục và Đào tạo thông báo lịch tuyển sinh.',
      'Thí sinh đăng ký trực tuyến.',
    ),
    article(
      'Trường trung học cơ sở Phù Vân đạt chuẩn quốc gia',
      'Trường được công nhận đạt chuẩn quốc gia mức độ 1.',
      'Cơ sở vật chất được đầu tư.',
    ),
    article(
      'Sơn Hà xúc tiến đầu tư tại TP.HCM',
      'Hội nghị xúc tiến đầu tư thu hút hơn 200 doanh nghiệp.',
      'Tỉnh giới thiệu các dự án kêu gọi đầu tư.',
    ),
    article(
      'Chăm sóc sức khỏe người cao tuổi tại cộng đồng',
      'Khám sức khỏe định kỳ cho người cao tuổi.',
      'Trạm y tế xã thực hiện khám miễn phí.',
    ),
    article('Đăng ký đất đai lần đầu', 'Người dân được hướng dẫn đăng ký đất đai.', 'Thủ tục đăng ký đất đai.'),
  ];
  const procedures = [
    procedure(
      '1.000948.000.00.00.H99',
      'Cấp bản sao trích lục hộ tịch',
      'trích lục, hộ tịch, bản sao',
      'Người yêu cầu nộp tờ khai cấp bản sao trích lục hộ tịch.',
    ),
    procedure('1.000949', 'Đăng ký lại khai tử', 'khai tử', 'Người yêu cầu nộp tờ khai đăng ký lại khai tử.'),
  ];
  const random = seeded(20261121);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let i = 0; i < filler; i += 1) {
    const [type, code] = pick(TYPES);
    const year = 2015 + Math.floor(random() * 12);
    const number = 5000 + Math.floor(random() * 4999); // clear of every number a query names
    const subject = pick(SUBJECTS);
    documents.push(
      legalDocument(
        `${number}/${code}-UBND`,
        type,
        `${pick(ACTIONS)} ${subject} năm ${year}`,
        `Các sở, ngành và UBND cấp xã tổ chức thực hiện ${subject}.`,
        `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`,
      ),
    );
  }
  return { documents, articles, procedures };
}
