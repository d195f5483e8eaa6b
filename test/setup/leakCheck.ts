import { takeLeaks } from '../harness/leakCheck';

// Every suite, after every test: no API key or webhook secret in anything a user or operator could have seen.
afterEach(() => {
	expect(takeLeaks()).toEqual([]);
});
