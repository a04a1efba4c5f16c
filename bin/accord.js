#!/usr/bin/env node
// The package ships compiled JavaScript, bundled into a few files (scripts/bundle-cli.mjs);
// `npm ci` builds it through the prepare script.
import module from 'node:module';

// Node 22.1 and later keep the compiled code between runs; enabled before the bundle loads, the
// cache covers all of it. Node 20 has no such cache.
module.enableCompileCache?.();
await import('../dist/bundle/accord.js');
