import { defineConfig } from 'drizzle-kit';

// Each module owns its tables; drizzle-kit reads every table file, and no module gathers the others.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/*/*.tables.ts',
  out: './migrations',
});
