import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../shared/index.js';
import { lintDocument, loadRuleset } from './index.js';
import { readShippedRulesets } from './read-shipped-rulesets.js';

const shipped = readShippedRulesets();

/** The refusal a ruleset text earns, which the test expects. */
function refusal(text: string): InvalidInput {
  try {
    loadRuleset(text, { source: 'team.yaml', shipped });
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('the ruleset was accepted');
}

const rule = (then: string, given = "'$.info'") => `rules:\n  my-rule:\n    description: Why it matters.\n    given: ${given}\n    then:\n${then}\n`;

describe('loadRuleset refuses', () => {
  it('a remote extends, naming its line and column', () => {
    const error = refusal('# team rules\nextends:\n  - spectral:oas\n  - https://example.org/ruleset.yaml\n');
    expect(error.code).toBe('ruleset-invalid');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'remote-extends', pointer: '/extends/1', line: 4, column: 5 })]);
    expect(error.message).toMatch(/^team\.yaml:4:5: extends "https:\/\/example\.org\/ruleset\.yaml" is remote/);
  });

  it('an extends that is a file path, even inside policies/', () => {
    for (const path of ['./base.yaml', '../policies/accord-strict.yaml', '/etc/passwd', 'base.json']) {
      const error = refusal(`extends: [spectral:oas, '${path}']\n`);
      expect(error.issues[0]).toMatchObject({ code: 'file-extends', pointer: '/extends/1', line: 1 });
    }
  });

  it('an extends naming a ruleset Accord does not know', () => {
    expect(refusal('extends: spectral:arazzo\n').issues[0]).toMatchObject({ code: 'unknown-extends', pointer: '/extends', line: 1, column: 10 });
    expect(refusal('extends: [[accord-recommended, loud]]\n').issues[0]).toMatchObject({ code: 'ruleset-structure', pointer: '/extends/0', line: 1 });
  });

  it('custom JavaScript functions and function folders', () => {
    const error = refusal('extends: spectral:oas\nfunctionsDir: ./functions\nfunctions:\n  - steal\n');
    expect(error.issues.map((i) => [i.code, i.pointer, i.line])).toEqual([
      ['custom-function', '/functions', 3],
      ['custom-function', '/functionsDir', 2],
    ]);
  });

  it('a function that is not one of Spectral core functions', () => {
    const error = refusal(rule('      field: contact\n      function: stealSecrets'));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'unknown-function', pointer: '/rules/my-rule/then/function', line: 7, column: 17 })]);
    expect(error.message).toMatch(/unknown function "stealSecrets"; Accord runs only Spectral's core functions: .*truthy/);
  });

  it('malformed YAML, with the line of the syntax error', () => {
    const error = refusal('rules:\n  my-rule:\n    given: $.info\n   then: [unclosed\n');
    expect(error.issues[0]).toMatchObject({ code: 'ruleset-syntax', line: 4 });
    expect(refusal('rules:\n  a: error\n  a: warn\n').issues[0]).toMatchObject({ code: 'ruleset-syntax', line: 3 });
  });

  it('an unknown severity, on a rule and on a severity-only override', () => {
    expect(refusal(rule('      function: truthy').replace('description:', 'severity: fatal\n    description:')).issues[0]).toMatchObject({ code: 'unknown-severity', pointer: '/rules/my-rule/severity', line: 3, column: 15 });
    expect(refusal('extends: [accord-recommended]\nrules:\n  servers-https: loud\n').issues[0]).toMatchObject({ code: 'unknown-severity', pointer: '/rules/servers-https', line: 3 });
  });

  it('a severity for a rule no extended ruleset defines', () => {
    expect(refusal('extends: [accord-recommended]\nrules:\n  no-such-rule: error\n').issues[0]).toMatchObject({ code: 'unknown-rule', line: 3 });
  });

  it('a given that is not valid JSONPath', () => {
    const error = refusal(rule('      function: truthy', "'$.paths[*'"));
    expect(error.issues[0]).toMatchObject({ code: 'invalid-given', pointer: '/rules/my-rule/given', line: 4, column: 12 });
  });

  it('a JSONPath filter that would run code, which Spectral would otherwise compile and execute', () => {
    for (const given of [`"$..[?(@.constructor.constructor('return process')())]"`, `"$..[?(@property.__proto__)]"`, `"$..[?(this.x)]"`, `"$..[?(@['constructor'])]"`, `"$..[?(@.x.toString())]"`]) {
      expect(refusal(rule('      function: truthy', given)).issues[0], given).toMatchObject({ code: 'invalid-given', line: 4 });
    }
  });

  it('an unknown format name', () => {
    expect(refusal(rule('      function: truthy').replace('description:', 'formats: [oas3, graphql]\n    description:')).issues[0]).toMatchObject({ code: 'unknown-format', pointer: '/rules/my-rule/formats/1', line: 3 });
  });

  it('function options Spectral itself rejects, at their line', () => {
    const error = refusal(rule('      function: pattern\n      functionOptions:\n        matches: x'));
    expect(error.issues[0]).toMatchObject({ pointer: '/rules/my-rule/then/functionOptions/matches', line: 8 });
  });

  it('a pattern the linear-time regex engine cannot run, naming the rule and the pattern', () => {
    const lookahead = refusal(rule("      function: pattern\n      functionOptions:\n        match: '^(?!internal)(a+)+$'"));
    expect(lookahead.issues).toEqual([expect.objectContaining({ code: 'nonlinear-pattern', pointer: '/rules/my-rule/then/functionOptions/match', line: 8 })]);
    expect(lookahead.message).toContain('rule "my-rule": the pattern /^(?!internal)(a+)+$/ cannot run on the linear-time regex engine');
    for (const [options, pointer] of [
      ["notMatch: '/^(x)-\\1$/'", 'notMatch'],
      ["match: '/^x-/i'", 'match'],
      ["match: '/^\\p{L}+$/u'", 'match'],
      ["match: '^(a{1,1000})+$'", 'match'],
    ]) {
      const error = refusal(rule(`      function: pattern\n      functionOptions:\n        ${options}`));
      expect(error.issues, options).toEqual([expect.objectContaining({ code: 'nonlinear-pattern', pointer: `/rules/my-rule/then/functionOptions/${pointer}` })]);
    }
    expect(refusal(rule("      function: pattern\n      functionOptions:\n        match: '/^x-/i'")).message).toContain('the flag i makes it backtrack (instead of i, spell both cases out: [Aa], [a-zA-Z])');
  });

  it("a schema's pattern or pattern property the linear-time engine cannot run, and one in a filter", () => {
    const schema = refusal(rule("      function: schema\n      functionOptions:\n        schema:\n          properties:\n            title: { pattern: '^(?=[A-Z])' }\n          patternProperties:\n            '^(x)\\1': {}"));
    expect(schema.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['nonlinear-pattern', '/rules/my-rule/then/functionOptions/schema/properties/title/pattern'],
      ['nonlinear-pattern', '/rules/my-rule/then/functionOptions/schema/patternProperties/^(x)\\1'],
    ]);
    for (const given of ['"$.paths[?(@property.match(/^(?=v)/))]"', '"$.paths[?(@property.match(/^x/i))]"', `"$.paths[?(@property.match('^(?!v)'))]"`]) {
      expect(refusal(rule('      function: truthy', given)).issues[0], given).toMatchObject({ code: 'invalid-given', message: expect.stringContaining('cannot run on the linear-time regex engine') });
    }
  });

  it('prototype-polluting keys', () => {
    expect(refusal('rules:\n  __proto__:\n    given: $\n').issues[0]).toMatchObject({ code: 'forbidden-key', line: 2 });
  });
});

describe('loadRuleset accepts', () => {
  it("a team's ruleset extending a shipped one, re-levelling its rules and adding its own", async () => {
    const ruleset = loadRuleset(
      [
        'extends: [accord-strict]',
        'rules:',
        '  servers-https: warn',
        '  operation-description: off',
        '  title-mentions-team:',
        '    description: The catalog lists contracts by title.',
        '    message: Start the title with the team name.',
        '    severity: info',
        '    formats: [oas3]',
        "    given: '$.info.title'",
        '    then:',
        '      function: pattern',
        '      functionOptions:',
        "        match: '^Order team'",
      ].join('\n'),
      { source: 'team.yaml', shipped },
    );
    const doc = { openapi: '3.1.0', info: { title: 'Orders', version: '1.0.0', 'x-owner': 'orders', contact: { name: 'Orders' } }, servers: [{ url: 'http://api.example.org' }], security: [], paths: {} };
    const findings = await lintDocument(JSON.stringify(doc), ruleset);
    expect(findings.map((f) => [f.id, f.level])).toEqual(expect.arrayContaining([['servers-https', 'warn'], ['title-mentions-team', 'info']]));
  });

  it('overrides that address a part of every contract by pointer', async () => {
    const ruleset = loadRuleset("extends: [accord-recommended]\noverrides:\n  - files: ['**#/paths/~1legacyOrders']\n    rules:\n      paths-kebab-case: off\n", { source: 'team.yaml', shipped });
    const doc = { openapi: '3.1.0', info: { title: 'Orders', version: '1.0.0', 'x-owner': 'orders', contact: { name: 'Orders' } }, security: [], paths: { '/legacyOrders': {}, '/newOrders': {} } };
    const findings = (await lintDocument(JSON.stringify(doc), ruleset)).filter((f) => f.id === 'paths-kebab-case');
    expect(findings.map((f) => f.pointer)).toEqual(['/paths/~1newOrders']);
  });

  it('patterns that backtrack catastrophically elsewhere, which the linear-time engine runs at once', async () => {
    const ruleset = loadRuleset(rule("      function: pattern\n      functionOptions:\n        match: '^(a+)+$'", "'$.info.title'").replace('description:', 'severity: error\n    description:'), { source: 'team.yaml', shipped });
    // Backtracking, this takes 2^40 steps: the test would never finish.
    const findings = await lintDocument(JSON.stringify({ openapi: '3.1.0', info: { title: `${'a'.repeat(40)}!`, version: '1' }, paths: {} }), ruleset);
    expect(findings).toEqual([expect.objectContaining({ id: 'my-rule', level: 'error', pointer: '/info/title' })]);
  });

  it('the filters the shipped rulesets use', () => {
    expect(() => loadRuleset(shipped['accord-strict']!, { source: 'accord-strict', shipped })).not.toThrow();
  });
});
