/**
 * Strapi's local upload provider gives paths ("/uploads/x.jpg"); a cloud provider gives absolute
 * URLs. Either way astro:assets needs an absolute URL to download and optimise at build time.
 */
export function mediaUrl(url: string, cmsUrl: string): string {
  const absolute = new URL(url, `${cmsUrl.replace(/\/+$/, '')}/`);
  if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') {
    throw new RangeError(`Media URL is not http(s): ${url}`);
  }
  return absolute.href;
}
