/**
 * The portal's identity and contacts, shown in the header and footer. Placeholders for the demo
 * province; they belong in a CMS "site settings" single type once the CMS has one.
 */
export const portal = {
  name: 'Cổng thông tin điện tử tỉnh Sơn Hà',
  /** The two lines of the masthead. */
  masthead: ['Cổng thông tin điện tử', 'Tỉnh Sơn Hà'],
  owner: 'Ủy ban nhân dân tỉnh Sơn Hà',
  ownerShort: 'UBND tỉnh Sơn Hà',
  editorInChief: 'Chánh Văn phòng UBND tỉnh Sơn Hà',
  office: 'Văn phòng UBND tỉnh Sơn Hà',
  address: 'Số 1 đường Trần Hưng Đạo, phường Hà Trung, tỉnh Sơn Hà',
  phone: '0200 3 812 345',
  email: 'banbientap@example.gov.vn',
  licence: 'Giấy phép số …/GP-TTĐT do Cục Phát thanh, truyền hình và thông tin điện tử cấp ngày …',
  description:
    'Cổng thông tin điện tử tỉnh Sơn Hà: tin tức – sự kiện, chỉ đạo điều hành của UBND tỉnh và thông tin phục vụ người dân, doanh nghiệp.',
} as const;

/** Portals of other agencies that citizens look for from a provincial portal. */
export const externalLinks = [
  { name: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/' },
  { name: 'Cổng Thông tin điện tử Chính phủ', url: 'https://chinhphu.vn/' },
  { name: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn/' },
] as const;
