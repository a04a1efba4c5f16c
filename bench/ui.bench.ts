import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { loadServerConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { benchAuthEnv } from './bench-credentials.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { formatMs } from './format-ms.js';
import { generateRegistry } from './graphql.bench.js';
import { median } from './median.js';
import { percentile } from './percentile.js';

export interface UiBenchOptions {
  projectRoot: string;
  contracts?: number;
  versionsPerContract?: number;
  /** Times the whole word list is typed; each keystroke that changes the results is one sample. */
  runs?: number;
  maxKeystrokeMs?: number;
  maxLandingKib?: number;
  chromiumPath?: string;
}

// Each typed one letter at a time into an empty box: most letters narrow the results, so most keystrokes count.
const WORDS = ['stock', 'ledger', 'payments', 'orders 12', 'returns'];

/**
 * The catalog in real Chromium over the 10,000-contract registry of P6: how long after a keystroke
 * the search results show the new answer (keydown to the frame in which the list changed, timed
 * inside the page), and what the landing page's JavaScript weighs gzipped.
 */
export async function uiBench({
  projectRoot,
  contracts = 10_000,
  versionsPerContract = 10,
  runs = 3,
  maxKeystrokeMs = 150,
  maxLandingKib = 250,
  chromiumPath = process.env.ACCORD_E2E_CHROMIUM ?? '/usr/bin/chromium',
}: UiBenchOptions): Promise<BenchmarkReport> {
  await build({ configFile: join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
  const dir = await mkdtemp(join(tmpdir(), 'accord-bench-ui-'));
  const location = { dataDir: join(dir, 'data') };
  const targets: TargetResult[] = [];
  try {
    const { generatedMs } = await generateRegistry(location, { contracts, versionsPerContract });
    const server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ACCORD_SEED: 'false', ...benchAuthEnv, ACCORD_DATA_DIR: location.dataDir }));
    // Launched inside the try: a browser that cannot start (no Chromium at that path) must still
    // let the server close, or the benchmark prints its failure and never exits.
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
      const landing = await landingJavaScript(server.url);
      const samples: Keystroke[] = [];
      for (let run = 0; run < runs; run++) {
        // A page of its own per run: in one page, the client's cache answers every search typed before.
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.getByRole('heading', { name: /contracts?$/ }).waitFor({ timeout: 120_000 });
        for (const word of WORDS) {
          const box = page.getByRole('searchbox', { name: 'Search contracts' });
          await box.fill('');
          // Like a person who cleared the box, wait until the whole catalog shows again.
          await page.waitForFunction(SETTLED_ON, '', { timeout: 120_000 });
          for (let typed = 1; typed <= word.length; typed++) {
            const letter = word[typed - 1]!;
            // A trailing space leaves the search as it was: nothing to wait for.
            if (word.slice(0, typed).trim() === word.slice(0, typed - 1).trim()) await page.keyboard.press(letter === ' ' ? 'Space' : letter);
            else samples.push(await timeKeystroke(page, letter));
          }
        }
        await page.close();
      }
      const shown = samples.flatMap((k) => (k.ms === null ? [] : [k.ms]));
      const timedOut = samples.length - shown.length;
      const changed = samples.flatMap((k) => (k.ms !== null && k.changed ? [k.ms] : []));
      const p50 = median(shown);
      const p95 = percentile(shown, 95);
      const measured = `median ${formatMs(p50)}, P95 ${formatMs(p95)} over ${shown.length} keystrokes${timedOut > 0 ? `, ${timedOut} never shown within ${formatMs(KEYSTROKE_TIMEOUT_MS)}` : ''}`;
      targets.push({ target: `search results update ≤ ${maxKeystrokeMs} ms after a keystroke (P95, Chromium, ${contracts.toLocaleString('en-US')} contracts)`, measured, pass: timedOut === 0 && p95 <= maxKeystrokeMs });
      targets.push({ target: `landing page JavaScript ≤ ${maxLandingKib} KiB gzipped`, measured: `${(landing.gzipped / 1024).toFixed(1)} KiB in ${landing.files} files`, pass: landing.gzipped <= maxLandingKib * 1024 });
      return {
        name: 'ui',
        tables: [
          {
            title: `Catalog in Chromium: ${contracts.toLocaleString('en-US')} contracts × ${versionsPerContract} versions (PGlite)`,
            columns: ['measure', 'median', 'P95', 'min', 'max', 'samples', 'target'],
            rows: [
              ['keystroke → results shown', formatMs(p50), formatMs(p95), formatMs(Math.min(...shown)), formatMs(Math.max(...shown)), String(shown.length), `≤ ${maxKeystrokeMs} ms`],
              ['  of which the list changed', formatMs(median(changed)), formatMs(percentile(changed, 95)), formatMs(Math.min(...changed)), formatMs(Math.max(...changed)), String(changed.length), ''],
              ['landing page JS, gzipped', `${(landing.gzipped / 1024).toFixed(1)} KiB`, '', '', '', `${landing.files} files`, `≤ ${maxLandingKib} KiB`],
              ['(generating the registry)', formatMs(generatedMs), '', '', '', '', ''],
            ],
            notes: [
              `Words typed letter by letter into an emptied box, ${runs} times, each time in a new page (so no search is answered from the client's cache): ${WORDS.map((w) => `"${w}"`).join(', ')}. A sample runs from the keydown event to the animation frame in which the results first answer the new text (the page names the text its shown results answer), timed with performance.now() inside the page; a trailing space, which leaves the search as it was, is not counted. "Of which the list changed" keeps the keystrokes after which the count or the first five names differ.`,
              "Landing page JavaScript: the entry module and every module it preloads, as index.html names them, gzipped at the default level; pages past the landing page, the landscape's drawing and the documentation renderer load later.",
            ],
          },
          {
            title: 'Per keystroke: the text searched after it',
            columns: ['search', 'median', 'max', 'samples', 'list changed'],
            rows: [...bySearch(samples)].map(([search, keystrokes]) => {
              const times = keystrokes.flatMap((k) => (k.ms === null ? [] : [k.ms]));
              const never = keystrokes.length - times.length;
              return [`"${search}"`, times.length > 0 ? formatMs(median(times)) : '—', never > 0 ? `never (${never}×)` : formatMs(Math.max(...times)), String(keystrokes.length), `${keystrokes.filter((k) => k.changed).length}/${keystrokes.length}`];
            }),
          },
        ],
        targets,
      };
    } finally {
      await browser?.close();
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const KEYSTROKE_TIMEOUT_MS = 10_000;

/** The results section names the search text its shown results answer. */
const SETTLED_ON = `(search) => document.querySelector('[data-search]')?.dataset.search === search`;

// Runs in the page (kept as text: the bench compiles without the DOM's types). Arms a timer on the
// search box's next keydown that resolves in the first animation frame whose results answer the
// box's new text, with the time since the keydown and whether the list looks different; null time
// after the timeout.
const ARM_KEYSTROKE_TIMER = `
  window.__timing = new Promise((resolve) => {
    const box = document.querySelector('input[type=search]');
    const rendered = () => document.querySelector('[data-search]')?.dataset.search;
    const shown = () => (document.querySelector('.results-count')?.textContent ?? '') + '|' + [...document.querySelectorAll('.result-list > li h2')].slice(0, 5).map((h) => h.textContent).join('|');
    box.addEventListener('keydown', (event) => {
      const before = shown();
      const from = box.value.trim();
      const started = event.timeStamp;
      const deadline = performance.now() + ${KEYSTROKE_TIMEOUT_MS};
      const frame = () => {
        const now = performance.now();
        const search = box.value.trim();
        // The keydown comes before the input: the box must hold the new text, and the results answer it.
        if (search !== from && rendered() === search) return resolve({ search, ms: now - started, changed: shown() !== before });
        if (now > deadline) return resolve({ search, ms: null, changed: false });
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, { once: true });
  });
  // The assignment's value is the promise, which evaluate would wait on: before the keystroke it awaits.
  undefined;
`;

/** One keystroke timed in the page: the text then searched, how long its results took to show (null: never), and whether they differ. */
interface Keystroke {
  search: string;
  ms: number | null;
  changed: boolean;
}

/** Keystrokes grouped by the text they searched, in typing order. */
function bySearch(samples: Keystroke[]): Map<string, Keystroke[]> {
  const groups = new Map<string, Keystroke[]>();
  for (const k of samples) groups.set(k.search, [...(groups.get(k.search) ?? []), k]);
  return groups;
}

async function timeKeystroke(page: Page, letter: string): Promise<Keystroke> {
  await page.evaluate(ARM_KEYSTROKE_TIMER);
  await page.keyboard.press(letter === ' ' ? 'Space' : letter);
  return (await page.evaluate('window.__timing')) as Keystroke;
}

/** The entry script and the modules index.html preloads with it, gzipped. */
async function landingJavaScript(url: string): Promise<{ gzipped: number; files: number }> {
  const html = await (await fetch(url)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  let gzipped = 0;
  for (const source of new Set(sources)) gzipped += gzipSync(Buffer.from(await (await fetch(new URL(source, url))).arrayBuffer())).length;
  return { gzipped, files: new Set(sources).size };
}
