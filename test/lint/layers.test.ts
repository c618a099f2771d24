import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'assay/layers').map((m) => m.message);
}

describe('the layer rule of DESIGN.md', () => {
  it('lets each layer import downwards', async () => {
    expect(await layerErrors('src-main/node/x.ts', "import { ApiError } from '../core/api/errors';\nexport { ApiError };\n")).toEqual([]);
    expect(await layerErrors('src-main/web/x.ts', "import { Router } from '../node/api/router';\nexport { Router };\n")).toEqual([]);
    expect(await layerErrors('src-renderer/src/x.ts', "import type { Method } from '../../src-main/core/api/contract';\nexport type { Method };\n")).toEqual([]);
  });

  it('fails an import that points up or sideways', async () => {
    expect(await layerErrors('src-main/core/x.ts', "import { Router } from '../node/api/router';\nexport { Router };\n")).toEqual([
      expect.stringMatching(/src-main\/core may not import from src-main\/node/),
    ]);
    expect(await layerErrors('src-main/web/x.ts', "import { IPC } from '../electron/channels';\nexport { IPC };\n")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.ts', "import { Workbench } from '../../src-main/node/app/workbench';\nexport { Workbench };\n")).toHaveLength(1);
  });

  it('keeps Node and Electron out of core and the renderer', async () => {
    expect(await layerErrors('src-main/core/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n")).toHaveLength(1);
    expect(await layerErrors('src-main/core/x.ts', "import Database from 'better-sqlite3';\nexport { Database };\n")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n")).toHaveLength(1);
    expect(await layerErrors('src-main/node/x.ts', "import { app } from 'electron';\nexport { app };\n")).toHaveLength(1);
    expect(await layerErrors('src-main/electron/x.ts', "import { app } from 'electron';\nexport { app };\n")).toEqual([]);
  });
});
