/**
 * Three tiers by suffix: *.unit.spec.ts (no I/O), *.int.spec.ts (real PostgreSQL/Kafka),
 * *.e2e.spec.ts (a booted app over HTTP). `npm test` runs all three in one Jest run.
 * The global setup provides a PostgreSQL server (DATABASE_URL, or an embedded one) once per run.
 */
const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^@ledger/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
};
module.exports = {
  // Per-project testTimeout is ignored by Jest (jestjs/jest#9696); integration and e2e tests boot real servers.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
