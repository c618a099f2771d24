// Whether out/main was built from the sources as they are now. The build
// writes a stamp of its inputs (a hash of every file's path and content)
// taken when it starts; `assay` compares it with the same hash of the inputs
// today (about 20 ms for the ~2.6 MB of them). Content, not modification
// times: `cp -p`, `rsync -a`, `tar x` or `touch -r` restore times on changed
// files. A file changed during a build differs from the stamp, so a build
// can look stale but never current when it is not.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the main bundle (out/main: the CLI, hosts and workers) is built from, besides tsconfig*.json. */
const INPUTS = ['src-main', 'package.json', 'package-lock.json', 'electron.vite.config.ts', 'bin/buildStamp.mjs'];

/** Where the build leaves its stamp, inside the folder it empties, so a build that fails leaves none. */
export function stampPath(root) {
  return join(root, 'out', 'main', 'build-inputs.json');
}

/** Feeds one input (a file, or a folder's files in name order) to the hash; anything unreadable is fed as such, so it never matches a stamp. */
function walk(root, rel, hash, counter) {
  try {
    const path = join(root, rel);
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(root, `${rel}/${name}`, hash, counter);
      return;
    }
    const content = readFileSync(path);
    hash.update(`${rel}\0${content.length}\0`);
    hash.update(content);
    counter.files++;
  } catch (e) {
    // A file that does not exist is part of the state; one that cannot be read is never current.
    hash.update(e?.code === 'ENOENT' ? `${rel}\0missing` : `${rel}\0unreadable\0${Math.random()}`);
  }
}

/** The inputs' fingerprint: a hash of every input file's path and content. */
export function inputsFingerprint(root) {
  const hash = createHash('sha256');
  const counter = { files: 0 };
  let configs = [];
  try {
    configs = readdirSync(root).filter((n) => /^tsconfig.*\.json$/.test(n));
  } catch {
    hash.update(`unreadable root\0${Math.random()}`);
  }
  for (const rel of [...INPUTS, ...configs.sort()]) walk(root, rel, hash, counter);
  return { hash: hash.digest('hex'), files: counter.files };
}

export function removeStamp(root) {
  rmSync(stampPath(root), { force: true });
}

export function writeStamp(root, fingerprint) {
  writeFileSync(stampPath(root), JSON.stringify(fingerprint) + '\n');
}

/** True when out/main has a stamp and it matches the inputs as they are now. */
export function isBuildCurrent(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath(root), 'utf8'));
  } catch {
    return false;
  }
  try {
    return typeof stamp?.hash === 'string' && stamp.hash === inputsFingerprint(root).hash;
  } catch {
    return false;
  }
}

/**
 * The Vite plugin that writes the stamp: the fingerprint is taken before
 * the build reads any source and written only once the bundle is on disk.
 */
export function buildStampPlugin(root) {
  let fingerprint = null;
  return {
    name: 'assay-build-stamp',
    // Only a production build is what the CLI may run; a dev server's output never gets a stamp.
    apply: /** @type {const} */ ('build'),
    buildStart() {
      removeStamp(root);
      fingerprint = inputsFingerprint(root);
    },
    writeBundle() {
      if (fingerprint) writeStamp(root, fingerprint);
    },
  };
}
