import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';
import { withArticle } from './with-article.js';

describe('messages in good English', () => {
  it('puts an before a vowel and a before a consonant', () => {
    expect([withArticle('approved'), withArticle('requested'), withArticle('object'), withArticle('string')]).toEqual(['an approved', 'a requested', 'an object', 'a string']);
  });

  it('counts one thing in the singular and others in the plural', () => {
    expect([plural(1, 'operation'), plural(0, 'operation'), plural(2, 'operation'), plural(2, 'policy', 'policies')]).toEqual(['1 operation', '0 operations', '2 operations', '2 policies']);
  });
});
