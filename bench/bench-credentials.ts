/**
 * Benchmarks start their servers with this administrator key (as `ACCORD_BOOTSTRAP_TOKEN`) and no
 * publish rate limit: they measure Accord's work, not its throttle.
 */
export const BENCH_ADMIN_TOKEN = 'acc_bench-administrator-key-0123456789abcdef';
export const benchAuthEnv = { ACCORD_BOOTSTRAP_TOKEN: BENCH_ADMIN_TOKEN, ACCORD_AUTH_SECRET: 'bench-session-secret-0123456789abcdef012345', ACCORD_PUBLISH_RATE_LIMIT: '1000000' };
export const benchAuthHeader = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
