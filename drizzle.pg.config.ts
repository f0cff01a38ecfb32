import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations (DATABASE_URL=postgres://…), generated from src/db/pg/schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg/schema.ts',
  out: './migrations/pg',
});
