import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { retryingFetch } from './cms-fetch.ts';

describe('the build fetch tries a read again after a network failure', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  /** The first `drop` requests of a test lose their connection without an answer, as a closing keep-alive does. */
  let drop = 0;
  before(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (drop > 0) {
        drop -= 1;
        request.socket.destroy();
        return;
      }
      response.writeHead(request.url === '/missing' ? 404 : 200, { 'Content-Type': 'text/plain' });
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers after two dropped connections (three attempts)', async () => {
    requests = 0;
    drop = 2;
    const response = await retryingFetch(fetch, { delayMs: 1 })(`${url}/graphql`, { method: 'POST', body: '{}' });
    assert.equal(await response.text(), 'ok');
    assert.equal(requests, 3);
  });

  it('gives up after the last attempt with the network error', async () => {
    requests = 0;
    drop = 5;
    await assert.rejects(retryingFetch(fetch, { attempts: 2, delayMs: 1 })(`${url}/x`), TypeError);
    assert.equal(requests, 2);
    drop = 0;
  });

  it('never repeats a request the CMS answered, even with an error status', async () => {
    requests = 0;
    const response = await retryingFetch(fetch, { delayMs: 1 })(`${url}/missing`);
    assert.equal(response.status, 404);
    assert.equal(requests, 1);
  });

  it('does not retry an aborted request', async () => {
    let calls = 0;
    const controller = new AbortController();
    controller.abort();
    const inner: typeof fetch = async (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    await assert.rejects(retryingFetch(inner, { delayMs: 1 })(`${url}/x`, { signal: controller.signal }));
    assert.equal(calls, 1);
  });
});
