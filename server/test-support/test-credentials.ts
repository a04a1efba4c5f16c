/**
 * The administrator key every test server is started with (as `ACCORD_BOOTSTRAP_TOKEN`) and that
 * the test clients send unless a test says otherwise, plus the session-signing secret.
 */
export const TEST_ADMIN_TOKEN = 'acc_test-administrator-key-0123456789abcdef';
export const TEST_AUTH_SECRET = 'test-session-secret-0123456789abcdef0123456789';
// Tests publish far faster than any person; the ones about rate limits set their own.
export const testAuthEnv = { ACCORD_BOOTSTRAP_TOKEN: TEST_ADMIN_TOKEN, ACCORD_AUTH_SECRET: TEST_AUTH_SECRET, ACCORD_PUBLISH_RATE_LIMIT: '1000000', ACCORD_SIGN_IN_RATE_LIMIT: '1000' };
