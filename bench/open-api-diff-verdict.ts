import openApiDiff from 'openapi-diff';
import type { ToolVerdict } from './score-verdicts.js';

/**
 * openapi-diff's verdict on a pair through its API: breaking when `breakingDifferences` is not
 * empty (unclassified differences do not count); refused when it throws, as it does for OpenAPI 3.1.
 */
export async function openApiDiffVerdict(base: object, head: object, { name = 'case' }: { name?: string } = {}): Promise<ToolVerdict> {
  try {
    const outcome = await openApiDiff.diffSpecs({
      sourceSpec: { content: JSON.stringify(base), location: `${name}/base.json`, format: 'openapi3' },
      destinationSpec: { content: JSON.stringify(head), location: `${name}/head.json`, format: 'openapi3' },
    });
    const codes = (list: readonly { code: string }[]) => [...new Set(list.map((d) => d.code))].join(', ');
    const breaking = outcome.breakingDifferencesFound ? outcome.breakingDifferences : [];
    const said = [
      breaking.length > 0 && `breaking: ${codes(breaking)}`,
      outcome.nonBreakingDifferences.length > 0 && `non-breaking: ${codes(outcome.nonBreakingDifferences)}`,
      outcome.unclassifiedDifferences.length > 0 && `unclassified: ${codes(outcome.unclassifiedDifferences)}`,
    ].filter(Boolean).join('; ');
    return { outcome: breaking.length > 0 ? 'breaking' : 'safe', said: said || 'no differences' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: 'refused', said: message.split('\n')[0]! };
  }
}
