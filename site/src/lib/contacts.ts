/**
 * Contact details as links a phone can act on. Vietnamese numbers are written with spaces, dots or
 * dashes ("0203 3812 345", "(0203) 3.812.345"); the tel: URL keeps the digits and a leading +.
 */
export function telHref(phone: string): string {
  const digits = phone
    .trim()
    .replace(/[^\d+]/g, '')
    .replace(/(?!^)\+/g, '');
  if (!/\d{3,}/.test(digits)) throw new RangeError(`Not a phone number: "${phone}"`);
  return `tel:${digits}`;
}
