import { createRequire } from 'node:module';
import { linearRegExpProblem } from '../shared/index.js';

/**
 * Spectral compiles a `given` filter such as `?(@.deprecated === true)` into JavaScript, so an
 * unchecked filter is code: `?(@.constructor.constructor("…")())` runs whatever it likes. A
 * ruleset uploaded to the registry must never run code on the server, so filters are held to a
 * small expression language: `@`-values, member access, literals, comparisons, `&&`, `||`, `!` and
 * a few string and regular-expression methods. Every expression Accord's own rulesets need fits.
 */
const METHODS = new Set(['match', 'test', 'startsWith', 'endsWith', 'includes', 'indexOf', 'toLowerCase', 'toUpperCase', 'trim']);
const FORBIDDEN_MEMBERS = new Set(['constructor', 'prototype', 'call', 'apply', 'bind', 'caller', 'callee', 'arguments']);
const VALUES = new Set(['@', '@property', '@parent', '@parentProperty', '@path', '@root']);
const WORDS = new Set(['true', 'false', 'null', 'undefined']);
const COMPARISONS = ['===', '!==', '==', '!=', '<=', '>=', '<', '>'];

// nimma (Spectral's JSONPath engine) ships a broken ESM build; its CommonJS build is the one Spectral runs.
const Nimma = (createRequire(import.meta.url)('nimma/legacy') as { default: new (expressions: string[], options: object) => unknown }).default;

class PathProblem extends Error {}

/**
 * Why a JSONPath expression (a rule's `given`, an alias, a `field` starting with `$`) cannot be
 * used, or undefined when it can: it must fit the safe language above and compile in Spectral's
 * engine, which otherwise would silently fall back to another engine and match nothing.
 */
export function jsonPathProblem(expression: string): string | undefined {
  try {
    new PathReader(expression).read();
  } catch (error) {
    if (error instanceof PathProblem) return error.message;
    throw error;
  }
  if (!expression.startsWith('$')) return undefined;
  try {
    new Nimma([expression], { unsafe: true, output: 'auto', customShorthands: {} });
  } catch (error) {
    const cause = (error as { errors?: Error[] }).errors?.[0] ?? (error as Error);
    return `"${expression}" is not a valid JSONPath expression: ${cause.message}`;
  }
  return undefined;
}

class PathReader {
  private at = 0;
  constructor(private readonly text: string) {}

  read(): void {
    if (this.text.startsWith('$')) this.at = 1;
    else if (this.text.startsWith('#')) {
      this.at = 1;
      this.name(/[A-Za-z][A-Za-z0-9_-]*/y, 'an alias name');
    } else this.fail('a JSONPath expression starts with $ (or #Alias to use an alias)');
    while (this.at < this.text.length) {
      if (this.text.startsWith('..', this.at)) {
        this.at += 2;
        if (this.peek() === '[') continue;
        if (this.peek() === '*') this.at++;
        else this.name(/[A-Za-z0-9_$@-]+/y, 'a property name');
      } else if (this.peek() === '.') {
        this.at++;
        if (this.peek() === '*') this.at++;
        else this.name(/[A-Za-z0-9_$@-]+/y, 'a property name');
      } else if (this.peek() === '[') this.bracket();
      else if (this.peek() === '~' && this.at === this.text.length - 1) this.at++;
      else this.fail(`unexpected "${this.peek()}"`);
    }
  }

  private bracket(): void {
    this.at++;
    this.space();
    if (this.peek() === '*') this.at++;
    else if (this.text.startsWith('?(', this.at)) {
      this.at += 2;
      this.expression();
      this.expect(')');
    } else if (this.peek() === "'" || this.peek() === '"') {
      this.list(() => this.string());
    } else if (/[-0-9:]/.test(this.peek())) {
      this.list(() => this.name(/-?[0-9]*(:-?[0-9]*){0,2}/y, 'an index'));
    } else this.list(() => this.name(/[A-Za-z0-9_$@-]+/y, 'a property name'));
    this.expect(']');
  }

  private list(item: () => unknown): void {
    item();
    for (this.space(); this.peek() === ','; this.space()) {
      this.at++;
      this.space();
      item();
    }
  }

  private expression(): void {
    this.conjunction();
    while (this.operator(['||'])) this.conjunction();
  }

  private conjunction(): void {
    this.negation();
    while (this.operator(['&&'])) this.negation();
  }

  private negation(): void {
    this.space();
    if (this.peek() === '!' && this.text[this.at + 1] !== '=') {
      this.at++;
      return this.negation();
    }
    this.operand();
    if (this.operator(COMPARISONS)) this.operand();
  }

  private operand(): void {
    this.space();
    const c = this.peek();
    if (c === '(') {
      this.at++;
      this.expression();
      this.expect(')');
    } else if (c === "'" || c === '"') this.string();
    else if (c === '/') this.regex();
    else if (/[-0-9]/.test(c)) this.name(/-?[0-9]+(\.[0-9]+)?/y, 'a number');
    else if (c === '@') {
      const value = this.name(/@[A-Za-z]*/y, 'a value');
      if (!VALUES.has(value)) this.fail(`"${value}" is not one of ${[...VALUES].join(', ')}`);
    } else {
      const word = this.name(/[A-Za-z_$][A-Za-z0-9_$]*/y, 'a value');
      if (!WORDS.has(word)) this.fail(`"${word}" is not allowed in a filter; use @, @property, @parent, @path, @root or a literal`);
      return;
    }
    this.members();
  }

  /** `.name`, `['name']`, `[0]` and calls of the allowed methods, after a value. */
  private members(): void {
    for (;;) {
      if (this.peek() === '.') {
        this.at++;
        const member = this.name(/[A-Za-z_$][A-Za-z0-9_$]*/y, 'a member name');
        this.allowMember(member);
        if (this.peek() === '(') {
          if (!METHODS.has(member)) this.fail(`calling "${member}" is not allowed; only ${[...METHODS].join(', ')} may be called`);
          this.arguments(member === 'match');
        }
      } else if (this.peek() === '[') {
        this.at++;
        this.space();
        if (this.peek() === "'" || this.peek() === '"') this.allowMember(this.string());
        else this.name(/[0-9]+/y, 'an index');
        this.expect(']');
      } else return;
    }
  }

  /** `patterns`: `match` turns a string argument into a regular expression, held to the same limits as a literal. */
  private arguments(patterns = false): void {
    this.at++;
    this.space();
    if (this.peek() !== ')') {
      this.list(() => {
        if (!patterns || (this.peek() !== "'" && this.peek() !== '"')) return this.operand();
        const problem = linearRegExpProblem(this.string());
        if (problem) this.fail(problem);
      });
    }
    this.expect(')');
  }

  private allowMember(member: string): void {
    if (FORBIDDEN_MEMBERS.has(member) || member.startsWith('__')) this.fail(`"${member}" may not be accessed in a filter`);
  }

  private string(): string {
    const quote = this.peek();
    const end = this.text.indexOf(quote, this.at + 1);
    if (end < 0) this.fail('unterminated string');
    const value = this.text.slice(this.at + 1, end);
    // Escapes could spell a forbidden member (`'\u0063onstructor'`); no rule needs them.
    if (value.includes('\\')) this.fail('escape sequences are not supported in strings');
    this.at = end + 1;
    return value;
  }

  private regex(): void {
    const match = /\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/[\\])+)\/([gimsuy]*)/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found) this.fail('unterminated regular expression');
    const problem = linearRegExpProblem(found[1]!, found[2]);
    if (problem) this.fail(problem);
    this.at = match.lastIndex;
    this.members();
  }

  private operator(operators: string[]): boolean {
    this.space();
    const found = operators.find((op) => this.text.startsWith(op, this.at));
    if (found) this.at += found.length;
    return found !== undefined;
  }

  private name(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found || found[0] === '') this.fail(`expected ${what}`);
    this.at = pattern.lastIndex;
    return found[0];
  }

  private expect(c: string): void {
    this.space();
    if (this.peek() !== c) this.fail(`expected "${c}"`);
    this.at++;
  }

  private space(): void {
    while (this.peek() === ' ') this.at++;
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  private fail(reason: string): never {
    throw new PathProblem(`"${this.text}" is not an allowed JSONPath expression: ${reason} at character ${this.at + 1}`);
  }
}
