import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Imports point inward only: edges → stateful modules → pure cores → shared. A module (a folder, or
// one of the top-level files) is named here with its ring; a new one fails the test until it is placed.
const RINGS: Record<string, number> = {
  shared: 0,
  spec: 1,
  compat: 1,
  lint: 1,
  landscape: 1,
  db: 2,
  audit: 2,
  auth: 2,
  notify: 2,
  registry: 2,
  traffic: 2,
  // Gathers what an on-call engineer needs from the registry and the traffic; the edges render it.
  runbook: 2,
  workers: 2,
  http: 3,
  graphql: 3,
  cli: 3,
  // The traffic tester (`accord proxy`, `probe`, `listen`) runs beside the services it watches and
  // speaks to the registry only over HTTP, like the other client commands.
  tester: 3,
  // OTLP trace ingest turns spans into windows as the proxy turns requests into them, with the
  // tester's matchers, and hands them to the traffic module inside the registry's process.
  otlp: 3,
  main: 3,
  config: 3,
  'client-config': 3,
  'config-error': 3,
  // Starts servers and databases for tests; it may import anything and nothing but tests import it.
  'test-support': 4,
};

// Within one ring only these directions exist (today's imports); they must form no cycle.
const SAME_RING: readonly (readonly [from: string, to: string])[] = [
  ['lint', 'compat'],
  ['auth', 'registry'],
  ['auth', 'audit'],
  ['auth', 'db'],
  ['notify', 'registry'],
  ['notify', 'audit'],
  ['notify', 'db'],
  ['traffic', 'registry'],
  ['traffic', 'audit'],
  ['traffic', 'db'],
  ['runbook', 'registry'],
  ['runbook', 'traffic'],
  ['runbook', 'auth'],
  ['registry', 'audit'],
  ['registry', 'workers'],
  ['registry', 'db'],
  ['audit', 'db'],
  ['main', 'http'],
  ['main', 'graphql'],
  ['main', 'config'],
  ['graphql', 'http'],
  ['cli', 'main'],
  ['cli', 'http'],
  ['cli', 'config'],
  ['cli', 'client-config'],
  ['config', 'config-error'],
  ['cli', 'config-error'],
  ['cli', 'tester'],
  ['otlp', 'tester'],
  ['http', 'otlp'],
  ['main', 'otlp'],
];

// Imports of another module's file other than its index.ts, each for a reason.
const PAST_THE_INDEX: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'http/traffic.routes.ts',
    to: 'shared/traffic-window-schema.ts',
    why: 'only the registry validates traffic windows; through the index every client command would load zod for it',
  },
  {
    from: 'main.ts',
    to: 'lint/read-shipped-rulesets.ts',
    why: 'the one file beside the lint core that reads the shipped rulesets from disk; the index stays free of files',
  },
  {
    from: 'cli/commands/lint.ts',
    to: 'lint/read-shipped-rulesets.ts',
    why: '`accord lint` offline reads the shipped rulesets the same way the server does',
  },
  {
    from: 'test-support/create-test-registry.ts',
    to: 'lint/read-shipped-rulesets.ts',
    why: 'a registry built for a test reads the shipped rulesets as the server does',
  },
  {
    from: 'auth/auth.tables.ts',
    to: 'registry/registry.tables.ts',
    why: 'a foreign key to teams; drizzle-kit loads table files by themselves, so they import tables, not a module',
  },
  {
    from: 'notify/notify.tables.ts',
    to: 'registry/registry.tables.ts',
    why: 'a foreign key to systems; drizzle-kit loads table files by themselves',
  },
  {
    from: 'traffic/traffic.tables.ts',
    to: 'registry/registry.tables.ts',
    why: 'foreign keys to contracts and environments; drizzle-kit loads table files by themselves',
  },
  {
    from: 'registry/registry.tables.ts',
    to: 'db/json-text.ts',
    why: 'a column type; drizzle-kit loads table files by themselves, without the database client',
  },
];

interface Import {
  from: string;
  to: string;
}

const serverDir = dirname(fileURLToPath(import.meta.url));

function moduleOf(file: string): string {
  const [first, ...rest] = file.split('/');
  return rest.length === 0 ? first!.replace(/\.ts$/, '') : first!;
}

function isTestCode(file: string): boolean {
  return file.endsWith('.test.ts') || file.split('/').includes('__fixtures__');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import (static, re-export, type-only or dynamic `import()`) of the non-test files under `root`. */
function importsUnder(root: string): { imports: Import[]; unresolved: string[] } {
  const imports: Import[] = [];
  const unresolved: string[] = [];
  for (const path of sourceFiles(root)) {
    const from = relative(root, path).split(sep).join('/');
    if (isTestCode(from)) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(path), fileName).replace(/\.js$/, '.ts');
      if (!existsSync(target)) {
        unresolved.push(`${from} → ${fileName}`);
        continue;
      }
      imports.push({ from, to: relative(root, target).split(sep).join('/') });
    }
  }
  return { imports, unresolved };
}

/** What is wrong with one import across modules, or nothing. */
function violationOf({ from, to }: Import): string | undefined {
  const source = moduleOf(from);
  const target = moduleOf(to);
  if (source === target) return undefined;
  const sourceRing = RINGS[source];
  const targetRing = RINGS[target];
  if (sourceRing === undefined) return `${from}: module "${source}" has no ring`;
  if (targetRing === undefined) return `${from} → ${to}: module "${target}" has no ring`;
  if (source !== 'test-support') {
    if (targetRing > sourceRing) return `${from} → ${to}: ${source} (ring ${sourceRing}) imports outward from ${target} (ring ${targetRing})`;
    if (targetRing === sourceRing && !SAME_RING.some(([a, b]) => a === source && b === target)) {
      return `${from} → ${to}: ${source} → ${target} is not an allowed direction within ring ${sourceRing}`;
    }
  }
  const isEntry = to === `${target}/index.ts` || !to.includes('/');
  if (!isEntry && !PAST_THE_INDEX.some((exception) => exception.from === from && exception.to === to)) {
    return `${from} → ${to}: another module is imported through its index.ts`;
  }
  return undefined;
}

function cycleIn(edges: readonly (readonly [string, string])[]): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const done = new Set<string>();
  const walk = (node: string, path: string[]): string[] | undefined => {
    if (path.includes(node)) return [...path.slice(path.indexOf(node)), node];
    if (done.has(node)) return undefined;
    for (const to of next.get(node) ?? []) {
      const cycle = walk(to, [...path, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of next.keys()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The files `from` loads when it is imported, following only imports that load code at run time:
 * not `import type`, not imports whose every name is a type, not `import()`.
 */
function loadedAtImport(from: string): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    const path = join(serverDir, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      let specifier: ts.Expression | undefined;
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        const bindings = clause?.namedBindings;
        const typesOnly = clause?.isTypeOnly || (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly));
        if (!typesOnly) specifier = statement.moduleSpecifier;
      } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
        specifier = statement.moduleSpecifier;
      }
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      visit(relative(serverDir, resolve(dirname(path), specifier.text).replace(/\.js$/, '.ts')).split(sep).join('/'));
    }
  };
  visit(from);
  return loaded;
}

describe('the architecture', () => {
  const { imports, unresolved } = importsUnder(serverDir);

  it('reads the imports of every source file under server/, dynamic ones included', () => {
    expect(unresolved).toEqual([]);
    expect(imports).toContainEqual({ from: 'registry/policy-engine.ts', to: 'lint/index.ts' });
    expect(imports).toContainEqual({ from: 'cli/commands/serve.ts', to: 'main.ts' });
  });

  it('has imports that point inward and enter another module through its index.ts', () => {
    expect(imports.map(violationOf).filter(Boolean)).toEqual([]);
  });

  it('places every top-level folder and file of server/ in a ring', () => {
    const modules = readdirSync(serverDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || (entry.name.endsWith('.ts') && !isTestCode(entry.name)))
      .map((entry) => moduleOf(entry.name));
    expect(modules.filter((name) => RINGS[name] === undefined)).toEqual([]);
  });

  it('allows directions within a ring that form no cycle and stay within the ring', () => {
    expect(cycleIn(SAME_RING)).toBeUndefined();
    expect(SAME_RING.filter(([a, b]) => RINGS[a] === undefined || RINGS[a] !== RINGS[b])).toEqual([]);
  });

  it('lists only exceptions still in use', () => {
    expect(PAST_THE_INDEX.filter(({ from, to }) => !imports.some((i) => i.from === from && i.to === to))).toEqual([]);
  });

  it('starts the server without the policy engine, GraphQL or the OTLP ingest, which load on first use', () => {
    // Spectral with its rulesets, Yoga with graphql-js, protobuf.js with the tester's HTTP client:
    // together over a second of a start-up's CPU.
    const loaded = loadedAtImport('main.ts');
    expect(loaded).toContain('http/index.ts');
    expect([...loaded].filter((file) => ['lint/index.ts', 'graphql/index.ts', 'otlp/index.ts', 'tester/index.ts'].includes(file))).toEqual([]);
  });

  it('refuses an outward import, a reverse direction within a ring, and a way past an index', () => {
    expect(violationOf({ from: 'compat/verdict-of.ts', to: 'registry/index.ts' })).toMatch(/imports outward/);
    expect(violationOf({ from: 'shared/errors.ts', to: 'spec/index.ts' })).toMatch(/imports outward/);
    expect(violationOf({ from: 'registry/publish-version.ts', to: 'http/index.ts' })).toMatch(/imports outward/);
    expect(violationOf({ from: 'registry/publish-version.ts', to: 'test-support/test-server.ts' })).toMatch(/imports outward/);
    expect(violationOf({ from: 'audit/record-audit-event.ts', to: 'registry/index.ts' })).toMatch(/not an allowed direction/);
    expect(violationOf({ from: 'db/open-database.ts', to: 'registry/registry.tables.ts' })).toMatch(/not an allowed direction/);
    expect(violationOf({ from: 'http/create-app.ts', to: 'registry/publish-version.ts' })).toMatch(/through its index/);
    expect(violationOf({ from: 'http/create-app.ts', to: 'registry/index.ts' })).toBeUndefined();
  });
});
