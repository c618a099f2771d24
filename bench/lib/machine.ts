import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** What the benchmark ran on, for the README. */
export function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { cpu: model.trim(), cores: cpus().length, ramGB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version };
}
