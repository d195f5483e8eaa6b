/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	setupFiles: ['<rootDir>/test/setup/environment.ts'],
	// One shared check after every test: no secret in outputs, errors, execution data or logs.
	setupFilesAfterEnv: ['<rootDir>/test/setup/leakCheck.ts'],
	// Engine tests start real HTTP servers and n8n's execution engine; two workers suit the 2-core CI machine.
	maxWorkers: 2,
	// Recycle a worker whose heap grew past this after a test file (n8n-core per file): a worker that ends big takes
	// longer than jest's 500 ms to exit ("A worker process has failed to exit gracefully").
	workerIdleMemoryLimit: '256MB',
	testTimeout: 30000,
};
