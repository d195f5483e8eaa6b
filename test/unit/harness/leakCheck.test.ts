import { capturedLogs, recordVisible, registerSecret, takeLeaks } from '../../harness/leakCheck';

describe('the shared leak check', () => {
	it('finds a registered secret in recorded output or in the log, and names it without showing it', () => {
		registerSecret('sk-test-0123456789abcdef');
		recordVisible('{"error":"bad key sk-test-0123456789abcdef"}');
		expect(takeLeaks()).toEqual(['sk-t… (24 characters)']);
		capturedLogs.push('debug request with sk-test-0123456789abcdef');
		expect(takeLeaks()).toHaveLength(1);
		recordVisible('{"videoId":"1"}');
		expect(takeLeaks()).toEqual([]);
	});
});
