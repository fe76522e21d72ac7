/**
 * fetch for the build's reads from the CMS, tried again after a network failure. A build makes hundreds
 * of requests on kept-alive connections; on a loaded machine a request sometimes goes out on a connection
 * the CMS is just closing ("fetch failed … other side closed"), and one such request failed a whole build
 * (the publisher then retried the build seconds later). Every request of the build is a read (GraphQL
 * queries, the export), so sending it again is safe. An HTTP answer, even an error, is never retried.
 */
export const CMS_FETCH_ATTEMPTS = 3;

export function retryingFetch(
  inner: typeof fetch = fetch,
  options: { attempts?: number; delayMs?: number } = {},
): typeof fetch {
  const attempts = options.attempts ?? CMS_FETCH_ATTEMPTS;
  const delayMs = options.delayMs ?? 200;
  return async (input, init) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inner(input, init);
      } catch (error) {
        // undici rejects with a TypeError for network failures; an abort is the caller's wish.
        const network = error instanceof TypeError && !init?.signal?.aborted;
        if (!network || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
      }
    }
  };
}

/** The build's fetch for CMS reads. */
export const cmsFetch = retryingFetch();
