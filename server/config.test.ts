import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './config.js';

describe('the server configuration', () => {
  it('names each variable that is wrong and says what it must be', () => {
    expect(() => loadServerConfig({ PORT: '70000', ACCORD_SEED: 'yes', ACCORD_WAIVER_MAX_DAYS: 'ninety' })).toThrow(
      new ConfigError('invalid configuration:\n  PORT: must be at most 65535\n  ACCORD_SEED: must be one of "0", "1", "true" or "false"\n  ACCORD_WAIVER_MAX_DAYS: must be a number'),
    );
  });
});
