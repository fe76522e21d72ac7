/**
 * A corpus that looks like a real provincial portal, for measuring relevance where it is hard: short
 * procedure names in the national database's style (many near-duplicates: the same procedure at three
 * levels, "có yếu tố nước ngoài", "lưu động", "lại"), news of ~600 words, short decisions, and laws,
 * decrees and circulars whose full texts run to 10k–60k words of articles and clauses, use every everyday
 * word and cite other documents by number. Entries have the CMS REST shape, so they go through the index
 * definitions' toDocument like real ones.
 *
 * The queries are derived from chosen records in the styles citizens type (no diacritics, colloquial
 * fillers, misspellings, abbreviations in and outside the synonym list, numbers in every spelling, codes),
 * written down before any tuning, and split by a seeded draw into a tuning half and a held-back half.
 * Seeded: the same seed gives the same corpus and queries.
 */
import { fold } from '../../src/text/vietnamese.ts';
import { seeded } from './corpus.ts';

export type Half = 'tuning' | 'held-back';
export interface PortalQuery {
  style: string;
  q: string;
  /** Key of the one record this query looks for (document number, procedure code or news title). */
  expected: string;
  half: Half;
}

const blocks = (paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

/** Procedure names as the national database writes them, with their field. */
const PROCEDURES: ReadonlyArray<readonly [string, string[]]> = [
  [
    'Hộ tịch',
    [
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
      'Đăng ký khai tử',
      'Đăng ký nhận cha, mẹ, con',
      'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
      'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
      'Cấp Giấy xác nhận tình trạng hôn nhân',
      'Cấp bản sao Trích lục hộ tịch',
      'Đăng ký giám hộ',
      'Đăng ký chấm dứt giám hộ',
      'Đăng ký lại khai sinh',
      'Đăng ký lại kết hôn',
      'Đăng ký lại khai tử',
      'Ghi vào Sổ hộ tịch việc ly hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
      'Xác định lại dân tộc',
    ],
  ],
  [
    'Chứng thực',
    [
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      'Chứng thực chữ ký trong các giấy tờ, văn bản',
      'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
      'Chứng thực di chúc',
      'Chứng thực văn bản thỏa thuận phân chia di sản',
      'Chứng thực chữ ký người dịch',
    ],
  ],
  [
    'Lý lịch tư pháp',
    [
      'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      'Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng',
    ],
  ],
  [
    'Đất đai',
    [
      'Đăng ký đất đai, tài sản gắn liền với đất lần đầu',
      'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
      'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế',
      'Tách thửa hoặc hợp thửa đất',
      'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền',
      'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
      'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất',
      'Gia hạn sử dụng đất ngoài khu công nghệ cao',
      'Đăng ký thế chấp quyền sử dụng đất',
      'Xóa đăng ký thế chấp quyền sử dụng đất',
      'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện',
    ],
  ],
  [
    'Hoạt động xây dựng',
    [
      'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      'Cấp giấy phép xây dựng sửa chữa, cải tạo công trình',
      'Cấp giấy phép di dời công trình',
      'Điều chỉnh giấy phép xây dựng',
      'Gia hạn giấy phép xây dựng',
      'Cấp lại giấy phép xây dựng',
      'Cấp chứng chỉ hành nghề hoạt động xây dựng',
      'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở',
    ],
  ],
  [
    'Thành lập và hoạt động doanh nghiệp',
    [
      'Đăng ký thành lập hộ kinh doanh',
      'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
      'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh',
      'Chấm dứt hoạt động hộ kinh doanh',
      'Đăng ký thành lập doanh nghiệp tư nhân',
      'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
      'Đăng ký thành lập công ty cổ phần',
      'Đăng ký thay đổi người đại diện theo pháp luật của công ty',
      'Thông báo tạm ngừng kinh doanh của doanh nghiệp',
      'Giải thể doanh nghiệp',
    ],
  ],
  [
    'Lưu thông hàng hóa',
    [
      'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
      'Cấp giấy phép bán lẻ sản phẩm rượu',
      'Cấp giấy phép bán lẻ sản phẩm thuốc lá',
      'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược',
      'Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu',
    ],
  ],
  [
    'Đường bộ',
    [
      'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
      'Cấp lại giấy phép lái xe',
      'Cấp giấy phép lái xe quốc tế',
      'Đăng ký xe máy chuyên dùng lần đầu',
      'Cấp phù hiệu xe taxi, xe hợp đồng, xe vận tải hàng hóa bằng công-te-nơ',
      'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô',
    ],
  ],
  [
    'Việc làm và bảo hiểm',
    [
      'Giải quyết hưởng trợ cấp thất nghiệp',
      'Cấp lại sổ bảo hiểm xã hội do bị mất, hỏng',
      'Cấp thẻ bảo hiểm y tế cho người chỉ tham gia bảo hiểm y tế',
      'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
      'Giải quyết hưởng chế độ thai sản',
      'Giải quyết hưởng lương hưu',
      'Giải quyết trợ cấp mai táng',
    ],
  ],
  [
    'Bảo trợ xã hội',
    [
      'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
      'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
      'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
      'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm',
      'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở',
    ],
  ],
  [
    'Đăng ký, quản lý cư trú',
    [
      'Đăng ký thường trú',
      'Đăng ký tạm trú',
      'Xóa đăng ký thường trú',
      'Khai báo tạm vắng',
      'Cấp thẻ căn cước cho công dân Việt Nam',
      'Cấp đổi thẻ căn cước',
      'Cấp lại thẻ căn cước',
      'Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân',
      'Cấp hộ chiếu phổ thông ở trong nước',
    ],
  ],
  [
    'Giáo dục và Đào tạo',
    [
      'Chuyển trường đối với học sinh trung học cơ sở',
      'Xét tuyển sinh vào trung học cơ sở',
      'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
      'Chỉnh sửa nội dung văn bằng, chứng chỉ',
      'Công nhận trường mầm non đạt chuẩn quốc gia',
      'Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục',
    ],
  ],
  [
    'Khám bệnh, chữa bệnh',
    [
      'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh',
      'Cấp giấy phép hoạt động đối với phòng khám đa khoa',
      'Cấp chứng chỉ hành nghề dược',
      'Cấp giấy chứng nhận sức khỏe cho người lái xe',
    ],
  ],
  [
    'Nông nghiệp',
    [
      'Cấp Giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
      'Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
      'Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh',
      'Cấp giấy phép khai thác thủy sản',
      'Đăng ký tàu cá',
      'Phê duyệt phương án khai thác thực vật rừng thông thường',
    ],
  ],
  [
    'Môi trường và tài nguyên nước',
    [
      'Cấp giấy phép khai thác nước dưới đất',
      'Đăng ký môi trường',
      'Thẩm định báo cáo đánh giá tác động môi trường',
      'Cấp giấy phép môi trường',
      'Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường',
    ],
  ],
  [
    'Văn hóa',
    [
      'Đăng ký tổ chức lễ hội',
      'Cấp giấy phép kinh doanh dịch vụ karaoke',
      'Thông báo tổ chức biểu diễn nghệ thuật',
      'Cấp giấy phép tổ chức triển lãm',
    ],
  ],
  [
    'Người có công',
    [
      'Giải quyết chế độ trợ cấp một lần đối với thân nhân liệt sĩ',
      'Công nhận thương binh, người hưởng chính sách như thương binh',
      'Giải quyết chế độ người hoạt động kháng chiến bị nhiễm chất độc hóa học',
      'Di chuyển hồ sơ người có công với cách mạng',
    ],
  ],
  [
    'Khiếu nại, tố cáo',
    ['Giải quyết khiếu nại lần đầu', 'Giải quyết tố cáo', 'Tiếp công dân', 'Xử lý đơn kiến nghị, phản ánh'],
  ],
  [
    'Nội vụ',
    [
      'Thi tuyển công chức',
      'Xét tuyển viên chức',
      'Công nhận ban vận động thành lập hội',
      'Phê duyệt điều lệ hội',
      'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
      'Đăng ký hoạt động tín ngưỡng',
    ],
  ],
];

const LEVELS = [
  ['tinh', 'Sở', 'cấp tỉnh'],
  ['huyen', 'Ủy ban nhân dân cấp huyện', 'cấp huyện'],
  ['xa', 'Ủy ban nhân dân cấp xã', 'cấp xã'],
] as const;

const PLACES = [
  'Phù Vân',
  'Lục Khê',
  'Nà Mò',
  'Thanh Bình',
  'Hòa Sơn',
  'Yên Lạc',
  'Đồng Tâm',
  'Tân Phú',
  'Minh Khai',
  'Quỳnh Lâm',
  'Bắc Sơn',
  'Vĩnh Hưng',
];

/** Sentences of administrative prose: every everyday word of the procedures appears in the long texts. */
const CLAUSES = [
  'Cơ quan đăng ký hộ tịch có trách nhiệm tiếp nhận hồ sơ đăng ký khai sinh, kết hôn, khai tử và cấp bản sao trích lục hộ tịch cho người yêu cầu.',
  'Người yêu cầu chứng thực bản sao từ bản chính, chứng thực chữ ký phải xuất trình giấy tờ tùy thân còn giá trị sử dụng.',
  'Việc cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất được thực hiện theo quy định của pháp luật về đất đai.',
  'Hộ gia đình, cá nhân đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ nộp hồ sơ tại Bộ phận Một cửa.',
  'Hộ kinh doanh, doanh nghiệp có trách nhiệm thông báo khi tạm ngừng kinh doanh, thay đổi nội dung đăng ký.',
  'Người lao động tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp được hưởng các chế độ theo quy định.',
  'Thời hạn giải quyết không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phải xác minh thì thời hạn được kéo dài thêm.',
  'Phí, lệ phí thực hiện theo quy định của Hội đồng nhân dân tỉnh; miễn lệ phí cho người thuộc hộ nghèo, người có công với cách mạng.',
  'Kết quả giải quyết thủ tục hành chính được trả trực tiếp, qua dịch vụ bưu chính công ích hoặc trên Cổng Dịch vụ công quốc gia.',
  'Ủy ban nhân dân cấp xã có trách nhiệm xác nhận, niêm yết công khai và báo cáo Ủy ban nhân dân cấp huyện.',
  'Cơ quan, tổ chức, cá nhân vi phạm quy định tại Điều này thì tùy theo tính chất, mức độ vi phạm mà bị xử lý kỷ luật, xử phạt vi phạm hành chính.',
  'Trường hợp hồ sơ chưa đầy đủ, cán bộ tiếp nhận hướng dẫn người nộp bổ sung, hoàn thiện một lần bằng văn bản.',
  'Công dân Việt Nam cư trú trong nước sử dụng thẻ căn cước, giấy xác nhận thông tin về cư trú khi thực hiện giao dịch.',
  'Học sinh chuyển trường, xét tuyển sinh, cấp bản sao văn bằng, chứng chỉ thực hiện theo hướng dẫn của Sở Giáo dục và Đào tạo.',
  'Người hành nghề khám bệnh, chữa bệnh, hành nghề dược phải có chứng chỉ hành nghề và giấy phép hoạt động còn hiệu lực.',
  'Tổ chức, cá nhân khai thác nước dưới đất, khai thác khoáng sản, xả nước thải phải có giấy phép môi trường theo quy định.',
  'Việc trợ cấp xã hội hàng tháng, hỗ trợ chi phí mai táng, trợ giúp khẩn cấp do Chủ tịch Ủy ban nhân dân cấp huyện quyết định.',
  'Người có công với cách mạng và thân nhân được hưởng trợ cấp, phụ cấp và các chế độ ưu đãi theo quy định.',
  'Người lái xe phải có giấy phép lái xe phù hợp với loại xe điều khiển và giấy chứng nhận sức khỏe theo quy định.',
  'Việc tổ chức lễ hội, biểu diễn nghệ thuật, triển lãm, kinh doanh dịch vụ karaoke phải bảo đảm an ninh, trật tự và phòng cháy, chữa cháy.',
  'Công dân có quyền khiếu nại, tố cáo, kiến nghị, phản ánh; cơ quan nhà nước có trách nhiệm tiếp công dân và xử lý đơn theo thẩm quyền.',
  'Cơ sở sản xuất, kinh doanh thực phẩm phải bảo đảm điều kiện an toàn thực phẩm và có giấy chứng nhận đủ điều kiện.',
  'Chủ tàu cá đăng ký tàu cá, xin cấp giấy phép khai thác thủy sản tại cơ quan quản lý thủy sản cấp tỉnh.',
  'Việc thi tuyển công chức, xét tuyển viên chức được thực hiện công khai, minh bạch, cạnh tranh.',
  'Người thuê đất được gia hạn sử dụng đất, chuyển mục đích sử dụng đất, tách thửa, hợp thửa khi đáp ứng điều kiện.',
  'Người yêu cầu đăng ký thế chấp, xóa đăng ký thế chấp quyền sử dụng đất nộp hồ sơ tại Văn phòng đăng ký đất đai.',
  'Cơ quan tiếp nhận số hóa hồ sơ, kết quả giải quyết và cập nhật vào cơ sở dữ liệu chuyên ngành.',
  'Sở Tư pháp hướng dẫn nghiệp vụ, kiểm tra việc thực hiện đăng ký hộ tịch, chứng thực, cấp phiếu lý lịch tư pháp.',
];

const NEWS_TOPICS: ReadonlyArray<readonly [string, string]> = [
  ['phòng chống dịch sốt xuất huyết', 'Y tế'],
  ['chuyển đổi số cấp xã', 'Chuyển đổi số'],
  ['xây dựng nông thôn mới nâng cao', 'Nông nghiệp'],
  ['tuyên truyền an toàn giao thông cho học sinh', 'Giao thông'],
  ['hỗ trợ người dân bị thiệt hại do bão', 'Xã hội'],
  ['giải ngân vốn đầu tư công', 'Kinh tế'],
  ['cấp căn cước cho trẻ em dưới 14 tuổi', 'Cư trú'],
  ['trồng rừng gỗ lớn', 'Lâm nghiệp'],
  ['phát triển du lịch cộng đồng', 'Du lịch'],
  ['đào tạo nghề cho lao động nông thôn', 'Lao động'],
  ['bảo tồn hát then, đàn tính', 'Văn hóa'],
  ['thu hút đầu tư vào khu công nghiệp', 'Đầu tư'],
  ['dịch vụ công trực tuyến toàn trình', 'Cải cách hành chính'],
  ['phòng cháy chữa cháy khu dân cư', 'An ninh'],
  ['tiêm chủng mở rộng', 'Y tế'],
  ['xóa nhà tạm, nhà dột nát', 'Xã hội'],
  ['kiểm tra an toàn thực phẩm dịp Tết', 'Y tế'],
  ['cấp nước sạch nông thôn', 'Hạ tầng'],
  ['sáp nhập đơn vị hành chính cấp xã', 'Nội vụ'],
  ['thanh toán không dùng tiền mặt', 'Kinh tế'],
];
const NEWS_EVENTS = [
  'tổ chức hội nghị về',
  'ra quân',
  'sơ kết công tác',
  'đẩy mạnh',
  'triển khai mô hình',
  'tập huấn',
  'kiểm tra tiến độ',
  'phát động phong trào',
];
const NEWS_SENTENCES = [
  'Tham dự hội nghị có lãnh đạo Ủy ban nhân dân tỉnh, đại diện các sở, ban, ngành và Ủy ban nhân dân các xã.',
  'Theo báo cáo, trong năm qua toàn tỉnh đã hoàn thành nhiều chỉ tiêu quan trọng, đời sống người dân được cải thiện.',
  'Phát biểu tại buổi làm việc, đồng chí Phó Chủ tịch đề nghị các đơn vị tập trung tháo gỡ khó khăn, vướng mắc.',
  'Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công hoặc trực tiếp tại Trung tâm Phục vụ hành chính công.',
  'Nhiều hộ gia đình cho biết thủ tục đăng ký, chứng thực giấy tờ nay nhanh hơn, không phải đi lại nhiều lần.',
  'Dịp này, Ủy ban nhân dân tỉnh tặng bằng khen cho các tập thể, cá nhân có thành tích xuất sắc.',
  'Các địa phương cần tăng cường kiểm tra, giám sát, xử lý nghiêm các trường hợp vi phạm.',
  'Kinh phí thực hiện được bố trí từ ngân sách nhà nước và nguồn xã hội hóa.',
  'Sở Tư pháp, Sở Nội vụ và Công an tỉnh phối hợp hướng dẫn người dân thực hiện các thủ tục liên quan.',
  'Đến nay, tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%, không có hồ sơ tồn đọng.',
  'Đoàn công tác đã kiểm tra thực tế tại các thôn, bản và ghi nhận ý kiến của cử tri.',
  'Buổi lễ diễn ra trang trọng, thu hút đông đảo cán bộ, đoàn viên và nhân dân tham gia.',
];

const DOC_TYPES = {
  luat: ['Luật', 'QH15'],
  nghi_dinh: ['Nghị định', 'NĐ-CP'],
  thong_tu: ['Thông tư', 'TT-BTP'],
  quyet_dinh: ['Quyết định', 'QĐ-UBND'],
  nghi_quyet: ['Nghị quyết', 'NQ-HĐND'],
  ke_hoach: ['Kế hoạch', 'KH-UBND'],
} as const;
type DocType = keyof typeof DOC_TYPES;

/** Abbreviations citizens type; the first group is in the synonym list, the second is not. */
const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['giấy phép xây dựng', 'gpxd'],
  ['bảo hiểm xã hội', 'bhxh'],
  ['bảo hiểm y tế', 'bhyt'],
  ['lý lịch tư pháp', 'lltp'],
  ['căn cước công dân', 'cccd'],
  ['Ủy ban nhân dân', 'ubnd'],
  ['Giấy chứng nhận quyền sử dụng đất', 'gcn qsdd'],
  ['quyền sử dụng đất', 'qsdđ'],
  ['giấy phép lái xe', 'gplx'],
  ['hộ kinh doanh', 'hkd'],
  ['trách nhiệm hữu hạn', 'tnhh'],
  ['an toàn thực phẩm', 'attp'],
  ['Đăng ký', 'đk'],
  ['chứng chỉ hành nghề', 'cchn'],
  ['giấy phép', 'gp'],
];

const FILLERS = [
  (x: string) => `xin cho hỏi thủ tục làm ${x}`,
  (x: string) => `cho hỏi ${x} cần giấy tờ gì`,
  (x: string) => `tôi muốn ${x} thì làm thế nào`,
  (x: string) => `thu tuc lam ${fold(x)} o dau`,
  (x: string) => `xin ${fold(x)}`,
  (x: string) => `${fold(x)} mat bao lau`,
  (x: string) => `huong dan ${fold(x)} online`,
  (x: string) => `lam ${fold(x)} het bao nhieu tien`,
];

export function portalCorpus(options: { seed?: number; longDocuments?: number } = {}) {
  const random = seeded(options.seed ?? 20261202);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let serial = 0;
  const id = (prefix: string) => `${prefix}-${String(++serial).padStart(5, '0')}`;

  // ---- procedures: each name at one to three levels, plus the usual variants ----
  const procedures: Array<Record<string, unknown>> = [];
  const procedureTargets: Array<{ code: string; name: string }> = [];
  const usedCodes = new Set<string>();
  const newCode = () => {
    for (;;) {
      const code = `${pick(['1', '2'])}.${String(int(0, 12_999)).padStart(6, '0')}`;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  for (const [field, names] of PROCEDURES) {
    for (const base of names) {
      const variants = [base];
      if (field === 'Hộ tịch' && random() < 0.6) variants.push(`${base} có yếu tố nước ngoài`);
      if (field === 'Hộ tịch' && random() < 0.3) variants.push(`${base} lưu động`);
      const levels = LEVELS.filter(() => random() < 0.55);
      for (const name of variants) {
        for (const [level, agency, levelName] of levels.length ? levels : [pick(LEVELS)]) {
          const code = newCode();
          const documentId = id('pc-proc');
          const text = Array.from({ length: int(4, 9) }, () => pick(CLAUSES));
          procedures.push({
            documentId,
            locale: 'vi',
            code: `${code}.000.00.00.H${int(10, 99)}`,
            name,
            slug: documentId,
            level,
            fields: [{ name: field }],
            steps: [
              { title: 'Nộp hồ sơ', description: text.slice(0, 2).join(' ') },
              { title: 'Tiếp nhận và giải quyết', description: text.slice(2).join(' ') },
            ],
            dossier: [{ name: 'Tờ khai theo mẫu' }, { name: 'Bản sao giấy tờ tùy thân' }],
            subjects: `Công dân, tổ chức thực hiện tại ${levelName}`,
            implementingAgency: { name: agency },
            serviceLevel: pick(['toan_trinh', 'mot_phan']),
            keywords: '',
            publishedAt: '2026-01-05T02:00:00.000Z',
          });
          if (name === base && !procedureTargets.some((t) => t.name === name)) procedureTargets.push({ code, name });
        }
      }
    }
  }

  // ---- legal documents: long national texts citing each other, and short provincial decisions ----
  const documents: Array<Record<string, unknown>> = [];
  const documentTargets: Array<{ number: string; type: DocType; abstract: string; long: boolean }> = [];
  const numbers: string[] = [];
  const newNumber = (type: DocType, year: number) => {
    for (;;) {
      const number = `${int(1, type === 'quyet_dinh' || type === 'ke_hoach' ? 4999 : 180)}/${year}/${DOC_TYPES[type][1]}`;
      const plain = type === 'ke_hoach' ? number.replace(`/${year}`, '') : number;
      if (!numbers.includes(plain)) {
        numbers.push(plain);
        return plain;
      }
    }
  };
  const subjects = PROCEDURES.flatMap(([field, names]) => names.slice(0, 3).map((name) => [field, name] as const));
  const longCount = options.longDocuments ?? 40;
  // One subject per long document, so each has an abstract of its own.
  const longSubjects = subjects
    .map((subject) => [random(), subject] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, subject]) => subject);
  for (let i = 0; i < longCount; i += 1) {
    const type = pick(['luat', 'nghi_dinh', 'thong_tu'] as const);
    const year = int(2013, 2025);
    const number = newNumber(type, year);
    const [field, name] = longSubjects[i % longSubjects.length] ?? pick(subjects);
    const abstract =
      type === 'luat'
        ? `Luật ${field} sửa đổi năm ${year}`
        : `Quy định chi tiết về ${name.toLowerCase()} và biện pháp thi hành pháp luật về ${field.toLowerCase()} năm ${year}`;
    const words = int(10_000, 60_000);
    const paragraphs: string[] = [];
    let count = 0;
    let article = 0;
    while (count < words) {
      article += 1;
      const cited = numbers.length > 1 ? pick(numbers) : number;
      const lines = [
        `Điều ${article}. ${pick(['Phạm vi điều chỉnh', 'Đối tượng áp dụng', 'Trình tự, thủ tục', 'Hồ sơ', 'Trách nhiệm thi hành', 'Điều khoản chuyển tiếp'])} về ${name.toLowerCase()}`,
        ...Array.from({ length: int(3, 8) }, (_, k) => `${k + 1}. ${pick(CLAUSES)} ${pick(CLAUSES)}`),
        `Việc ${pick(subjects)[1].toLowerCase()} thực hiện theo quy định tại văn bản số ${cited} và quy định của pháp luật có liên quan.`,
      ];
      for (const line of lines) count += line.split(' ').length;
      paragraphs.push(...lines);
    }
    const documentId = id('pc-doc');
    documents.push(legalEntry(documentId, number, type, abstract, paragraphs, year, 'Quốc hội, Chính phủ, Bộ'));
    documentTargets.push({ number, type, abstract, long: true });
  }
  for (let i = 0; i < 500; i += 1) {
    const type = pick(['quyet_dinh', 'quyet_dinh', 'nghi_quyet', 'ke_hoach'] as const);
    const year = int(2015, 2026);
    const number = newNumber(type, year);
    const [field, name] = pick(subjects);
    const place = pick(PLACES);
    const abstract = pick([
      `Về việc công bố danh mục thủ tục hành chính lĩnh vực ${field.toLowerCase()} thuộc thẩm quyền giải quyết của ${pick(LEVELS)[1]}`,
      `Phê duyệt quy trình nội bộ giải quyết thủ tục ${name.toLowerCase()}`,
      `Quy định mức thu phí, lệ phí ${name.toLowerCase()} trên địa bàn tỉnh`,
      `Kế hoạch triển khai ${pick(NEWS_TOPICS)[0]} tại xã ${place} năm ${year}`,
      `Về việc phê duyệt dự án đầu tư xây dựng công trình đường giao thông xã ${place}`,
    ]);
    const cited = pick(numbers);
    const paragraphs = [
      `Căn cứ văn bản số ${cited};`,
      ...Array.from({ length: int(8, 60) }, () => pick(CLAUSES)),
      `Điều ${int(2, 4)}. Quyết định này có hiệu lực kể từ ngày ký.`,
    ];
    documents.push(legalEntry(id('pc-doc'), number, type, abstract, paragraphs, year, 'Ủy ban nhân dân tỉnh Sơn Hà'));
    if (i % 5 === 0) documentTargets.push({ number, type, abstract, long: false });
  }

  // ---- news: ~600 words each ----
  const articles: Array<Record<string, unknown>> = [];
  const titles = new Set<string>();
  for (let i = 0; i < 600; i += 1) {
    const [topic, category] = pick(NEWS_TOPICS);
    const title = `${pick(['Xã', 'Phường', 'Thị trấn'])} ${pick(PLACES)} ${pick(NEWS_EVENTS)} ${topic}`;
    if (titles.has(title)) continue;
    titles.add(title);
    const paragraphs: string[] = [];
    let count = 0;
    while (count < 600) {
      const sentence = random() < 0.15 ? `${pick(CLAUSES)}` : pick(NEWS_SENTENCES);
      count += sentence.split(' ').length;
      paragraphs.push(sentence);
    }
    const documentId = id('pc-art');
    const postedAt = `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T02:00:00.000Z`;
    articles.push({
      documentId,
      locale: 'vi',
      title,
      slug: documentId,
      lead: `${title.split(' ').slice(0, 2).join(' ')} ${pick(NEWS_SENTENCES)}`,
      body: blocks(paragraphs),
      postedAt,
      publishedAt: postedAt,
      category: { name: category, slug: fold(category).replace(/\W+/g, '-') },
    });
  }

  // ---- queries ----
  const queries: Array<Omit<PortalQuery, 'half'>> = [];
  /** The head of a long official name, as far as a citizen would type it (at least three words). */
  const shorten = (name: string) => {
    const head = name.split(/,| đối với | do | trong | tại | thuộc /)[0] ?? name;
    return head.split(' ').length >= 3 ? head : name.replace(/,/g, '').split(' ').slice(0, 6).join(' ');
  };
  const misspell = (text: string) => {
    const words = fold(text).split(' ');
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 3);
    const [word, at] = pick(candidates.length ? candidates : words.map((w, i) => [w, i] as const));
    const variants = [
      word.replace(/y$/, 'i').replace(/i$/, 'y'),
      word.length > 3 ? word.slice(0, 1) + word.slice(2) : `${word}${word.slice(-1)}`,
      word.length > 3 ? `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)}` : `${word}h`,
      word.replace(/ch/, 'tr').replace(/^d/, 'gi'),
    ].filter((v) => v !== word);
    words[at] = pick(variants.length ? variants : [`${word}x`]);
    return words.join(' ');
  };
  const numberSpellings = (number: string, type: DocType) => {
    const [n, year] = number.split('/');
    const label = DOC_TYPES[type][0];
    return [
      number,
      fold(number),
      fold(number).replace(/[/-]/g, ' '),
      `${fold(label)} ${n}/${year}`,
      `${fold(label)} so ${number.toLowerCase()}`,
      `${label.toLowerCase()} ${n}`,
    ];
  };
  const shuffled = <T>(list: readonly T[]) =>
    list
      .map((value) => [random(), value] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, value]) => value);
  const abbreviationOf = (name: string) =>
    ABBREVIATIONS.find(([phrase]) => shorten(name).toLowerCase().includes(phrase.toLowerCase()));
  const pool = shuffled(procedureTargets);
  const take = (n: number, fits: (name: string) => boolean = () => true) =>
    pool.splice(0, pool.length).reduce<{ taken: typeof pool; rest: typeof pool }>(
      (acc, target) => {
        if (acc.taken.length < n && fits(target.name)) acc.taken.push(target);
        else acc.rest.push(target);
        return acc;
      },
      { taken: [], rest: [] },
    );
  const draw = (n: number, fits?: (name: string) => boolean) => {
    const { taken, rest } = take(n, fits);
    pool.push(...rest);
    return taken;
  };
  for (const target of draw(16, (name) => abbreviationOf(name) !== undefined)) {
    const [phrase, abbr] = abbreviationOf(target.name) ?? ['', ''];
    const lower = shorten(target.name).toLowerCase();
    const at = lower.indexOf(phrase.toLowerCase());
    queries.push({
      style: 'abbreviation',
      q: fold(`${lower.slice(0, at)}${abbr}${lower.slice(at + phrase.length)}`),
      expected: target.code,
    });
  }
  for (const target of draw(18))
    queries.push({ style: 'no-diacritics', q: fold(shorten(target.name)), expected: target.code });
  for (const target of draw(12))
    queries.push({ style: 'diacritics', q: shorten(target.name).toLowerCase(), expected: target.code });
  for (const target of draw(18))
    queries.push({ style: 'colloquial', q: pick(FILLERS)(shorten(target.name).toLowerCase()), expected: target.code });
  for (const target of draw(16))
    queries.push({ style: 'misspelt', q: misspell(shorten(target.name)), expected: target.code });
  for (const target of draw(12))
    queries.push({
      style: 'code',
      q: pick([target.code, target.code.replace('.', ''), `thu tuc ${target.code}`, `ma ${target.code}`]),
      expected: target.code,
    });
  for (const target of shuffled(documentTargets).slice(0, 30))
    queries.push({ style: 'number', q: pick(numberSpellings(target.number, target.type)), expected: target.number });
  for (const target of shuffled(documentTargets.filter((t) => t.long)).slice(0, 16)) {
    // "nghi dinh ve dang ky khai sinh": the type and the subject, as a citizen recalls them.
    const subject = target.abstract.replace(/^(Luật|Quy định chi tiết về) /, '').split(' và ')[0] ?? '';
    const q = `${DOC_TYPES[target.type][0]} ${subject.split(' ').slice(0, 6).join(' ')}`.toLowerCase();
    queries.push({ style: 'document-subject', q: random() < 0.7 ? fold(q) : q, expected: target.number });
  }
  for (const article of shuffled(articles).slice(0, 35)) {
    const title = String(article['title']);
    const words = title.replace(/^(Xã|Phường|Thị trấn) /, '').split(' ');
    const q = words.join(' ').toLowerCase();
    queries.push({ style: 'news', q: random() < 0.6 ? fold(q) : q, expected: title });
  }

  // The split: a seeded draw per query, independent of how well it does.
  const split = seeded((options.seed ?? 20261202) ^ 0x5eed);
  const withHalves: PortalQuery[] = queries.map((query) => ({
    ...query,
    half: split() < 0.5 ? 'tuning' : 'held-back',
  }));
  return { procedures, documents, articles, queries: withHalves };
}

function legalEntry(
  documentId: string,
  number: string,
  type: DocType,
  abstract: string,
  paragraphs: string[],
  year: number,
  agency: string,
) {
  const date = `${year}-0${1 + (paragraphs.length % 9)}-1${paragraphs.length % 10}`;
  return {
    documentId,
    locale: 'vi',
    documentNumber: number,
    documentType: type,
    abstract,
    slug: documentId,
    issuingAgency: { name: agency },
    signer: 'Nguyễn Văn Bình',
    signerTitle: 'CHỦ TỊCH',
    fields: [{ name: 'Tổng hợp' }],
    issueDate: date,
    effectiveDate: date,
    validityStatus: 'con_hieu_luc',
    body: blocks(paragraphs),
  };
}
