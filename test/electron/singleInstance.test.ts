import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFileRequests, projectFileFromArgv } from '../../src-main/electron/singleInstance';

describe('the project file on a command line', () => {
  it('is found in a packaged launch and in a development one', () => {
    expect(projectFileFromArgv(['/opt/Assay/assay', '/home/a/claims.assay'], '/home/a')).toBe('/home/a/claims.assay');
    expect(projectFileFromArgv(['/x/electron', '.', 'claims.assay'], '/home/a/work')).toBe('/home/a/work/claims.assay');
    expect(projectFileFromArgv(['/x/electron', 'out/main/main.js', 'Q3 Claims.ASSAY'], '/w')).toBe(resolve('/w', 'Q3 Claims.ASSAY'));
  });

  it('skips Chromium’s switches and macOS’s process serial number, and takes the last project named', () => {
    const argv = ['/opt/Assay/assay', '--allow-file-access-from-files', '--original-process-start-time=1', '-psn_0_123', 'a.assay', 'notes.txt', 'b.assay', '--flag=c.assay'];
    expect(projectFileFromArgv(argv, '/w')).toBe('/w/b.assay');
  });

  it('is null when no project is named', () => {
    expect(projectFileFromArgv(['/opt/Assay/assay'], '/w')).toBeNull();
    expect(projectFileFromArgv(['/opt/Assay/assay', 'data.csv', '.assay', '--open=x.assay'], '/w')).toBeNull();
  });
});

describe('project files asked for from outside', () => {
  it('wait for the page, then the latest one is opened', () => {
    const opened: string[] = [];
    const r = new ProjectFileRequests();
    r.request('/a.assay');
    r.request('/b.assay');
    expect(opened).toEqual([]);
    r.connect((p) => opened.push(p));
    expect(opened).toEqual(['/b.assay']);
    r.request('/c.assay');
    expect(opened).toEqual(['/b.assay', '/c.assay']);
  });

  it('wait again while the page reloads', () => {
    const opened: string[] = [];
    const r = new ProjectFileRequests();
    r.connect((p) => opened.push(`first:${p}`));
    r.disconnect();
    r.request('/d.assay');
    r.connect((p) => opened.push(`second:${p}`));
    expect(opened).toEqual(['second:/d.assay']);
  });
});
