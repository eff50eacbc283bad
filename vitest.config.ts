import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A throwaway PostgreSQL server for the store tests (the embedded PGlite backend needs none).
    globalSetup: ['tests/setup/postgres.ts'],
  },
});
