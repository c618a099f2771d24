import type { Progress } from '../core/api/contract';

/** A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: Progress): void; done(): void } {
  let drawn = false;
  let last = 0;
  return {
    update(p) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      const width = 30;
      const share = p.total ? Math.min(1, p.done / p.total) : 0;
      const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
      const eta = p.etaSeconds !== undefined && Number.isFinite(p.etaSeconds) ? ` · ETA ${Math.ceil(p.etaSeconds)} s` : '';
      const count = p.total ? ` ${p.done}/${p.total} ${p.unit}` : '';
      stream.write(`\r${bar}${count}${eta} ${p.message ?? ''}`.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1));
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
