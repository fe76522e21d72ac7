/**
 * Vietnamese labels and help texts of the Thủ tục hành chính fields (api::procedure.procedure), in the order the edit view shows them,
 * and the list view's columns. Read at start-up by bootstrap/admin-views.ts; admin-labels.test.ts checks every
 * attribute of schema.json is here.
 */
import type { FieldLabels } from '../../../../editorial/field-labels';

export default {
  name: { label: 'Tên thủ tục', description: 'Ghi đúng như trong Cơ sở dữ liệu quốc gia về thủ tục hành chính.' },
  code: { label: 'Mã thủ tục', description: 'Mã trên Cổng Dịch vụ công quốc gia, ví dụ 1.001234.' },
  decisionNumber: { label: 'Quyết định công bố', description: 'Số quyết định công bố thủ tục.' },
  level: { label: 'Cấp thực hiện', description: 'Cấp tỉnh, cấp xã (cấp huyện chỉ cho thủ tục cũ).' },
  procedureType: { label: 'Loại thủ tục', description: 'Ví dụ: thủ tục hành chính được luật giao quy định chi tiết.' },
  fields: { label: 'Lĩnh vực', description: 'Lĩnh vực của thủ tục.' },
  steps: { label: 'Trình tự thực hiện', description: 'Các bước người dân và cơ quan làm, theo thứ tự.' },
  methods: { label: 'Cách thức thực hiện', description: 'Nộp trực tiếp, trực tuyến, qua bưu chính: thời hạn và phí.' },
  dossier: { label: 'Thành phần hồ sơ', description: 'Giấy tờ phải nộp, số bản chính và bản sao, mẫu đơn.' },
  subjects: { label: 'Đối tượng thực hiện', description: 'Cá nhân, tổ chức nào làm thủ tục này.' },
  implementingAgency: { label: 'Cơ quan thực hiện', description: 'Cơ quan giải quyết hồ sơ.' },
  competentAgency: { label: 'Cơ quan có thẩm quyền', description: 'Cơ quan quyết định, nếu khác cơ quan thực hiện.' },
  coordinatingAgencies: { label: 'Cơ quan phối hợp', description: 'Các cơ quan phối hợp giải quyết.' },
  receivingAddress: { label: 'Địa chỉ tiếp nhận hồ sơ', description: 'Nơi người dân nộp hồ sơ.' },
  result: { label: 'Kết quả thực hiện', description: 'Giấy tờ người dân nhận được.' },
  requirements: { label: 'Yêu cầu, điều kiện', description: 'Điều kiện phải đáp ứng, nếu có.' },
  legalBasis: { label: 'Căn cứ pháp lý', description: 'Văn bản quy định thủ tục.' },
  serviceLevel: { label: 'Mức độ dịch vụ công trực tuyến', description: 'Toàn trình hoặc một phần.' },
  onlineUrl: { label: 'Địa chỉ nộp trực tuyến', description: 'Đường dẫn đầy đủ tới trang nộp hồ sơ trực tuyến.' },
  keywords: { label: 'Từ khoá', description: 'Cách người dân hay gọi thủ tục, cách nhau bằng dấu phẩy.' },
  slug: { label: 'Đường dẫn', description: 'Phần cuối địa chỉ trang, tự tạo từ mã thủ tục.' },
} satisfies FieldLabels;

/** The list view's columns (the panel adds the publication state). */
export const LIST: readonly string[] = ['name', 'code', 'editorialStage', 'createdBy', 'updatedAt'];
