import { formatBytes } from './format-bytes.js';

/**
 * A one-line progress bar on stderr. Drawn only on a terminal, so logs of CI runs and `--json`
 * output stay clean.
 */
export function progressBar(total: number, { unit = 'items', stream = process.stderr }: { unit?: 'items' | 'bytes'; stream?: NodeJS.WriteStream } = {}) {
  const enabled = stream.isTTY === true && total > 0;
  const amount = (n: number) => (unit === 'bytes' ? formatBytes(n) : String(n));
  return {
    update(done: number, label: string) {
      if (!enabled) return;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${amount(done)}/${amount(total)} ${label}`;
      stream.write(`\r${text.slice(0, (stream.columns ?? 80) - 1).padEnd((stream.columns ?? 80) - 1)}`);
    },
    done() {
      if (enabled) stream.write('\r' + ' '.repeat((stream.columns ?? 80) - 1) + '\r');
    },
  };
}
