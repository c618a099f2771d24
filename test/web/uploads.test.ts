import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSAY_VERSION } from '../../src-main/core/version';
import { createHandlers } from '../../src-main/node/api/handlers';
import { Router } from '../../src-main/node/api/router';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { DEFAULT_UPLOAD_LIMIT, removeStaleUploadFolders, uploadLimitFrom } from '../../src-main/web/uploadArea';
import { tempWorkbench, type TempWorkbench } from '../node/helpers';

let t: TempWorkbench;
let host: WebHost;
let root: string;
let stale: string;
let live: string;
const LIMIT = 1000;

/** The pid of a process that has exited: a host killed before it could clean up. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

beforeAll(async () => {
  t = await tempWorkbench();
  root = mkdtempSync(join(tmpdir(), 'assay-upload-root-'));
  stale = join(root, `assay-uploads-${deadPid()}-abc123`);
  mkdirSync(join(stale, 'f-1'), { recursive: true });
  writeFileSync(join(stale, 'f-1', 'left.csv'), 'a\n1\n');
  // A folder of a host that is running (this test process) must stay.
  live = join(root, `assay-uploads-${process.ppid}-live01`);
  mkdirSync(live);
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  host = await startWebHost({
    router: new Router(createHandlers(t.wb, { host: 'web', version: ASSAY_VERSION })),
    rendererDir,
    uploadLimit: LIMIT,
    uploadsRoot: root,
  });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
  t.dispose();
});

function upload(body: Buffer | Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: `/upload?token=${host.token}&name=big.csv`, headers },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    // The host may close while we still send; its answer is what counts.
    req.on('error', reject);
    for (const part of Array.isArray(body) ? body : [body]) req.write(part);
    req.end();
  });
}

/** Every file under the host's upload folder. */
function uploadedFiles(): string[] {
  return readdirSync(host.uploadsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('uploads to the web host', () => {
  it('keeps an upload within the limit', async () => {
    const r = await upload(Buffer.from('a,b\n1,2\n'));
    expect(r.status).toBe(200);
    const { path } = JSON.parse(r.body) as { path: string };
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
    rmSync(join(path, '..'), { recursive: true });
  });

  it('refuses a declared Content-Length over the limit with 413 and a message', async () => {
    const r = await upload(Buffer.alloc(LIMIT + 1, 0x41), { 'Content-Length': String(LIMIT + 1) });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/big\.csv is larger than the upload limit of 1000 bytes; nothing was saved/);
    expect(uploadedFiles()).toEqual([]);
  });

  it('stops a chunked upload once it passes the limit and removes the partial file', async () => {
    const r = await upload([Buffer.alloc(600, 0x41), Buffer.alloc(600, 0x41)], { 'Transfer-Encoding': 'chunked' });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/upload limit of 1000 bytes/);
    expect(uploadedFiles()).toEqual([]);
  });

  it('still answers after refusing uploads', async () => {
    expect((await upload(Buffer.from('x\n'))).status).toBe(200);
  });
});

describe('upload folders', () => {
  it("carry the host's pid, and those of hosts no longer running are removed at start", () => {
    expect(host.uploadsDir.startsWith(join(root, `assay-uploads-${process.pid}-`))).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('removes only folders with the prefix and a dead pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-stale-'));
    const dead = `assay-uploads-${deadPid()}-zz`;
    for (const name of [dead, 'assay-uploads-abc', 'other-123-x', `assay-uploads-${process.pid}-mine`]) mkdirSync(join(dir, name));
    expect(removeStaleUploadFolders(dir)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual(['assay-uploads-abc', `assay-uploads-${process.pid}-mine`, 'other-123-x'].sort());
    rmSync(dir, { recursive: true });
  });

  it('are removed when the host closes', async () => {
    const other = await startWebHost({
      router: new Router(createHandlers(t.wb, { host: 'web', version: ASSAY_VERSION })),
      rendererDir: join(t.dir, 'renderer'),
      uploadsRoot: root,
    });
    expect(existsSync(other.uploadsDir)).toBe(true);
    await other.close();
    expect(existsSync(other.uploadsDir)).toBe(false);
  });
});

describe('ASSAY_UPLOAD_LIMIT', () => {
  it('sets the limit in bytes, defaults to 4 GiB and refuses nonsense', () => {
    expect(uploadLimitFrom({})).toBe(DEFAULT_UPLOAD_LIMIT);
    expect(DEFAULT_UPLOAD_LIMIT).toBe(4 * 1024 ** 3);
    expect(uploadLimitFrom({ ASSAY_UPLOAD_LIMIT: '2048' })).toBe(2048);
    expect(() => uploadLimitFrom({ ASSAY_UPLOAD_LIMIT: '1e99' })).toThrow(/ASSAY_UPLOAD_LIMIT must be a whole number of bytes above 0, not "1e99"/);
    expect(() => uploadLimitFrom({ ASSAY_UPLOAD_LIMIT: '-5' })).toThrow(/ASSAY_UPLOAD_LIMIT/);
  });
});
