import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ASSAY_VERSION } from '../../src-main/core/version';
import { createHandlers } from '../../src-main/node/api/handlers';
import { Router } from '../../src-main/node/api/router';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { tempWorkbench, type TempWorkbench } from '../node/helpers';

/**
 * Cookies are shared by every port of 127.0.0.1, so whatever the page's
 * cookie holds reaches other local servers: it must not open the API.
 */

let t: TempWorkbench;
let host: WebHost;

beforeAll(async () => {
  t = await tempWorkbench();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Assay</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Another name for the page's own file, as a case-insensitive file system would give it.
  linkSync(join(rendererDir, 'index.html'), join(rendererDir, 'assets', 'alias.html'));
  host = await startWebHost({ router: new Router(createHandlers(t.wb, { host: 'web', version: ASSAY_VERSION })), rendererDir });
});
afterAll(async () => {
  await host.close();
  t.dispose();
});

function http(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? 'a\n1\n' : undefined);
  });
}

function socketStatus(query: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_q, res) => resolve(res.statusCode!));
    ws.once('error', () => resolve(0));
  });
}

describe('the page cookie', () => {
  it('holds no API token, and what it holds opens neither the socket nor uploads', async () => {
    const page = await http('GET', `/?token=${host.token}`);
    expect(page.status).toBe(200);
    const setCookie = ([] as string[]).concat(page.headers['set-cookie'] as string[]);
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/HttpOnly/);
    expect(setCookie[0]).toMatch(/SameSite=Strict/);
    expect(setCookie[0]).not.toContain(host.token);
    const pair = setCookie[0].split(';')[0];
    const value = pair.slice(pair.indexOf('=') + 1);

    // It opens the page's assets...
    expect((await http('GET', '/assets/app.js', { cookie: pair })).status).toBe(200);
    // ...and nothing else: not as a cookie, not as the token.
    expect(await socketStatus('', { cookie: pair })).toBe(403);
    expect(await socketStatus(`?token=${value}`, { cookie: pair })).toBe(403);
    expect((await http('POST', '/upload?name=a.csv', { cookie: pair })).status).toBe(403);
    expect((await http('POST', `/upload?name=a.csv&token=${value}`, { cookie: pair })).status).toBe(403);
    expect((await http('GET', '/', { cookie: pair })).status).toBe(403);
    // The token itself still opens the socket.
    expect(await socketStatus(`?token=${host.token}`)).toBe(101);
  });

  it('does not open the page under any other spelling of its path', async () => {
    const page = await http('GET', `/?token=${host.token}`);
    const pair = String(page.headers['set-cookie']).split(';')[0];
    const spellings = ['/', '/index.html', '//', '///', '//index.html', '/index.html/', '/%69ndex.html', '/./index.html', '/assets/../index.html', '/assets/%2e%2e/index.html', '/INDEX.HTML'];
    for (const path of spellings) {
      const answer = await http('GET', path, { cookie: pair });
      expect(answer.status, path).toBe(403);
      expect(answer.headers['set-cookie'], path).toBeUndefined();
    }
    // Nor under another name for the same file.
    expect((await http('GET', '/assets/alias.html', { cookie: pair })).status).toBe(403);
    // The assets it is for still open, also with a redundant slash.
    expect((await http('GET', '/assets/app.js', { cookie: pair })).status).toBe(200);
    expect((await http('GET', '//assets//app.js', { cookie: pair })).status).toBe(200);
  });

  it('is named for the port, so two hosts in one browser do not overwrite each other', async () => {
    const page = await http('GET', `/?token=${host.token}`);
    expect(String(page.headers['set-cookie'])).toMatch(new RegExp(`^assay_assets_${host.port}=`));
  });

  it('tells the browser never to send a Referer from the page', async () => {
    const page = await http('GET', `/?token=${host.token}`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await http('GET', '/nothing-here')).headers['referrer-policy']).toBe('no-referrer');
  });
});
