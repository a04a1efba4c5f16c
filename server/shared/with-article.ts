/** "an approved", "a requested": a word after the indefinite article its sound takes (by its first letter). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
