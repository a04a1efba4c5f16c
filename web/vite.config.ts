import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** What the landing page may download before it is usable, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

/**
 * Sums the entry chunk and every chunk it imports statically (what a first visit must download
 * before anything shows) and fails the build past the budget, so a heavy import cannot slip in
 * unnoticed. Lazy chunks (the documentation renderer) are not counted.
 */
function initialBundleBudget(budgetBytes: number): Plugin {
  return {
    name: 'accord-initial-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const next of chunks.get(name)?.imports ?? []) visit(next);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const gzipped = [...initial].reduce((sum, name) => sum + gzipSync(chunks.get(name)!.code).length, 0);
      const lazy = [...chunks.values()].filter((chunk) => !initial.has(chunk.fileName)).map((chunk) => `${chunk.fileName} ${(gzipSync(chunk.code).length / 1024).toFixed(1)} KiB`);
      this.info(`landing page JavaScript: ${(gzipped / 1024).toFixed(1)} KiB gzipped of ${budgetBytes / 1024} KiB allowed; lazy: ${lazy.join(', ') || 'none'}`);
      if (gzipped > budgetBytes) this.error(`landing page JavaScript is ${(gzipped / 1024).toFixed(1)} KiB gzipped, over the ${budgetBytes / 1024} KiB budget`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), initialBundleBudget(INITIAL_JS_BUDGET_BYTES)],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Every browser Accord supports preloads modules itself; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // `npm run dev` serves the API on 4000; Vite's dev server forwards to it.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/api': 'http://127.0.0.1:4000' },
  },
});
