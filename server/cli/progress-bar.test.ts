import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { progressBar } from './progress-bar.js';

/** A stream that says it is a terminal of 80 columns, or not, and keeps what is written to it. */
function stderrLike({ isTTY }: { isTTY: boolean }) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 80 }) as unknown as NodeJS.WriteStream & PassThrough;
  const written: string[] = [];
  stream.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  return { stream, written };
}

test('an upload on a terminal redraws one line with the bytes sent, then clears it', async () => {
  const { stream, written } = stderrLike({ isTTY: true });
  const bar = progressBar(9_000_000, { unit: 'bytes', stream });
  bar.update(4_500_000, 'uploading large.yaml');
  bar.update(9_000_000, 'uploading large.yaml');
  bar.done();
  await new Promise((resolve) => setImmediate(resolve));
  expect(written[0]).toBe(`\r${'[############------------] 4.5 MB/9.0 MB uploading large.yaml'.padEnd(79)}`);
  expect(written[1]).toContain('[########################] 9.0 MB/9.0 MB');
  expect(written.every((line) => line.startsWith('\r') && !line.includes('\n'))).toBe(true);
  expect(written[2]).toBe(`\r${' '.repeat(79)}\r`);
});

test('nothing is drawn when stderr is a file or a pipe, so CI logs and --json output stay clean', async () => {
  const { stream, written } = stderrLike({ isTTY: false });
  const bar = progressBar(9_000_000, { unit: 'bytes', stream });
  bar.update(4_500_000, 'uploading large.yaml');
  bar.done();
  await new Promise((resolve) => setImmediate(resolve));
  expect(written).toEqual([]);
});
