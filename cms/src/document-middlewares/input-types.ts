/**
 * The first check on data written through the Document Service: every field sent has the JSON type
 * its attribute needs (text is a string, a date a string, a number a number…). Our rules (dates in
 * order, document numbers, slugs) and Strapi's own validation run after this and may then rely on
 * the types; a number where a date belongs used to reach `value.trim()` and answer 500.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Problem } from './problems';
import { callParams } from './params.ts';

type Attribute = { type: string; multiple?: boolean; repeatable?: boolean };
type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isDate: Check = (value) => typeof value === 'string' || value instanceof Date;
const isNumber: Check = (value) =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
const isBoolean: Check = (value) => typeof value === 'boolean' || value === 'true' || value === 'false';

const CHECKS: Record<string, [Check, string]> = {
  string: [isString, 'một chuỗi ký tự'],
  text: [isString, 'một chuỗi ký tự'],
  richtext: [isString, 'một chuỗi ký tự'],
  email: [isString, 'một địa chỉ thư điện tử'],
  uid: [isString, 'một chuỗi ký tự'],
  enumeration: [isString, 'một trong các giá trị cho phép'],
  password: [isString, 'một chuỗi ký tự'],
  date: [isDate, 'một ngày (YYYY-MM-DD)'],
  datetime: [isDate, 'một thời điểm (ISO 8601)'],
  time: [isString, 'một giờ (HH:mm)'],
  integer: [isNumber, 'một số'],
  biginteger: [isNumber, 'một số'],
  float: [isNumber, 'một số'],
  decimal: [isNumber, 'một số'],
  boolean: [isBoolean, 'đúng hoặc sai (true/false)'],
  blocks: [Array.isArray, 'một danh sách khối nội dung'],
};

/** Problems for fields of `data` whose value has the wrong JSON type; null always passes (clears). */
export function inputTypeProblems(attributes: Readonly<Record<string, Attribute>>, data: object): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(data)) {
    const attribute = attributes[field];
    if (!attribute || value === null || value === undefined) continue;
    if (attribute.type === 'component') {
      const ok = attribute.repeatable ? Array.isArray(value) : typeof value === 'object' && !Array.isArray(value);
      if (!ok)
        problems.push({
          path: [field],
          message: `Trường “${field}” phải là ${attribute.repeatable ? 'một danh sách' : 'một đối tượng'}.`,
        });
      continue;
    }
    const check = CHECKS[attribute.type];
    if (check && !check[0](value)) problems.push({ path: [field], message: `Trường “${field}” phải là ${check[1]}.` });
  }
  return problems;
}

/** A Document Service middleware, registered before every other rule (cms/src/index.ts). */
export function registerInputTypes(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!context.uid.startsWith('api::') || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    // Typed by the call's params, but sent by a client: checked here before anything relies on it.
    const data: unknown = callParams(context).data;
    if (data === undefined) return next();
    const problems =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? inputTypeProblems(strapi.getModel(context.uid).attributes, data)
        : [{ path: [], message: 'Dữ liệu gửi lên phải là một đối tượng.' }];
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
      });
    }
    return next();
  });
}
