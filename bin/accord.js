#!/usr/bin/env node
// The package ships compiled JavaScript; `npm ci` builds it through the prepare script.
import '../dist/server/cli/accord.js';
