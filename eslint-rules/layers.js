import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * DESIGN.md's layer table: which of our folders each folder may import from,
 * and whether it may use Node or Electron. Imports only point down.
 */
export const LAYERS = {
  'src-main/core': { may: ['src-main/core'], node: false, electron: false },
  'src-main/node': { may: ['src-main/core', 'src-main/node'], node: true, electron: false },
  'src-main/electron': { may: ['src-main/core', 'src-main/node', 'src-main/electron'], node: true, electron: true },
  'src-main/web': { may: ['src-main/core', 'src-main/node', 'src-main/web'], node: true, electron: false },
  'src-main/cli': { may: ['src-main/core', 'src-main/node', 'src-main/cli'], node: true, electron: false },
  'src-renderer': { may: ['src-main/core', 'src-renderer'], node: false, electron: false },
};

// Packages that only work in Node; core and the renderer must not depend on them.
const NODE_ONLY_PACKAGES = new Set(['better-sqlite3', 'ws', '@resvg/resvg-js']);
const BUILTINS = new Set(builtinModules);

function layerOf(root, file) {
  const rel = relative(root, file).split(sep).join('/');
  return Object.keys(LAYERS).find((l) => rel === l || rel.startsWith(`${l}/`)) ?? null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of DESIGN.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      upward: '{{from}} may not import from {{to}} (allowed: {{allowed}}); see the layer table in DESIGN.md.',
      node: '{{from}} runs outside Node and may not import "{{spec}}".',
      electron: 'Only src-main/electron may import Electron.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const layer = LAYERS[from];
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const to = layerOf(root, resolve(dirname(file), spec));
        if (to && !layer.may.includes(to)) {
          context.report({ node, messageId: 'upward', data: { from, to, allowed: layer.may.join(', ') } });
        }
        return;
      }
      const pkg = packageName(spec);
      if (pkg === 'electron' && !layer.electron) context.report({ node, messageId: 'electron' });
      else if (!layer.node && (spec.startsWith('node:') || BUILTINS.has(pkg) || NODE_ONLY_PACKAGES.has(pkg))) {
        context.report({ node, messageId: 'node', data: { from, spec } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
