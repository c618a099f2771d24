/** The preload's bridge over a stand-in for Electron's renderer-side modules: transport only, on the shared channel names. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssayBridge } from '../../src-main/core/api/bridge';
import { IPC } from '../../src-main/electron/channels';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Listener[]>(),
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => (fake.invoked.push(args), null),
    send: (...args: unknown[]) => fake.invoked.push(args),
    on: (channel: string, fn: Listener) => fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: Listener) => fake.listeners.set(channel, (fake.listeners.get(channel) ?? []).filter((l) => l !== fn)),
  },
  webUtils: { getPathForFile: () => '/picked/file.csv' },
}));

describe('the preload bridge', () => {
  let bridge: AssayBridge;
  beforeAll(async () => {
    await import('../../src-main/electron/preload');
    bridge = fake.exposed.get('assay') as AssayBridge;
  });

  it('exposes window.assay and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['assay']);
  });

  it('passes menu commands from the main process to the page as they came, and stops on unsubscribe', () => {
    const got: unknown[] = [];
    const stop = bridge.onMenuCommand((m) => got.push(m));
    const deliver = (m: unknown) => fake.listeners.get(IPC.menuCommand)!.forEach((l) => l({ sender: 'ipc' }, m));
    deliver({ command: 'openProject' });
    deliver('not a command');
    expect(got).toEqual([{ command: 'openProject' }, 'not a command']);
    stop();
    expect(fake.listeners.get(IPC.menuCommand)).toEqual([]);
  });

  it('asks for project paths and sends requests on their own channels', async () => {
    await bridge.chooseProjectPath('save');
    await bridge.request(7, 'datasets.list', {});
    expect(fake.invoked).toEqual([
      [IPC.chooseProjectPath, 'save'],
      [IPC.request, 7, 'datasets.list', {}],
    ]);
  });
});
