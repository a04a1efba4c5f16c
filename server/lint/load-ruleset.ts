import { Ruleset, RulesetValidationError, type RulesetDefinition } from '@stoplight/spectral-core';
import { asyncapi, oas } from '@stoplight/spectral-rulesets';
import { enableLinearRegExps, InvalidInput, linearRegExpProblem, type Issue } from '../shared/index.js';
import { coreFunctions } from './core-functions.js';
import { formatNames } from './format-names.js';
import { jsonPathProblem } from './json-path-problem.js';
import { SHIPPED_RULESETS, type LintRuleset, type ShippedRulesetName, type ShippedRulesets } from './lint-ruleset.js';
import { parseRulesetText, type RulesetText } from './parse-ruleset-text.js';
import { unresolvedWhereEquivalent } from './unresolved-where-equivalent.js';
import { virtualSources } from './virtual-sources.js';

export interface LoadRulesetOptions {
  /** How the ruleset is named in messages: a file name, a shipped name, a registry id. */
  source: string;
  /** The texts of Accord's shipped rulesets, which `extends` may name. */
  shipped?: ShippedRulesets;
}

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const BUILT_IN: Readonly<Record<string, RulesetDefinition>> = { 'spectral:oas': oas as RulesetDefinition, 'spectral:asyncapi': asyncapi as RulesetDefinition };
const SEVERITIES = new Set<unknown>(['error', 'warn', 'info', 'hint', 'off', -1, 0, 1, 2, 3, true, false]);
const EXTENDS_SEVERITIES = new Set<unknown>(['off', 'recommended', 'all']);
const EXTENDS_TARGETS = [...Object.keys(BUILT_IN), ...SHIPPED_RULESETS].join(', ');
const FUNCTION_NAMES = [...coreFunctions.keys()].join(', ');
// How Spectral's `pattern` function tells `/source/flags` from a bare source.
const SPECTRAL_REGEXP_LITERAL = /^\/(.+)\/([a-z]*)$/;
// Schema keywords whose values are data, not schemas: a "pattern" key inside them is no pattern.
const SCHEMA_DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

// Shipped rulesets are few and never change while a process runs; building them once is enough.
const shippedCache = new Map<string, LintRuleset>();

/**
 * Loads a ruleset in Spectral's format (YAML or JSON) and validates all of it now, not when it
 * first runs: `extends` only to `spectral:oas`, `spectral:asyncapi` and Accord's shipped rulesets,
 * only Spectral's core functions, only known formats and severities, only JSONPath expressions in
 * the safe subset, only regular expressions V8's linear-time engine can run. Every refusal is an `InvalidInput` (`ruleset-invalid`) whose issues carry the
 * JSON pointer and the line and column in the text.
 */
export function loadRuleset(text: string, { source, shipped = {} }: LoadRulesetOptions): LintRuleset {
  // Before any of the ruleset's expressions is compiled, in whichever thread loads it.
  enableLinearRegExps();
  return load(text, source, shipped, []);
}

/** `chain` lists the shipped rulesets being loaded around this one, to refuse a cycle. */
function load(text: string, source: string, shipped: ShippedRulesets, chain: readonly string[]): LintRuleset {
  const parsed = parseRulesetText(text, source);
  const issues: Issue[] = [];
  const definition = new DefinitionBuilder(parsed, shipped, chain, issues).ruleset(parsed.value);
  let spectral: Ruleset | undefined;
  if (issues.length === 0) {
    try {
      spectral = new Ruleset(definition, { severity: 'recommended', source: virtualSources.ruleset });
      unresolvedWhereEquivalent(spectral);
    } catch (error) {
      issues.push(...spectralIssues(error, parsed));
    }
  }
  if (!spectral || issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new InvalidInput(`${issues[0]?.message ?? `${source} is not a valid ruleset`}${more}`, issues, 'ruleset-invalid');
  }
  return { source, spectral };
}

/** Turns the parsed text into a Spectral definition, naming functions and formats by their objects. */
class DefinitionBuilder {
  /** Rules the extended rulesets define, which this one may switch on, off or re-level by name. */
  private readonly inherited = new Set<string>();

  constructor(
    private readonly text: RulesetText,
    private readonly shipped: ShippedRulesets,
    private readonly chain: readonly string[],
    private readonly issues: Issue[],
  ) {}

  ruleset(value: unknown): RulesetDefinition {
    if (!isObj(value)) {
      this.refuse([], 'a ruleset is a mapping with extends, rules, aliases or overrides', 'ruleset-structure');
      return { rules: {} };
    }
    const out: Obj = { ...value };
    for (const key of ['functions', 'functionsDir']) {
      if (key in value) {
        this.refuse([key], `"${key}" loads custom JavaScript, which Accord never runs; use Spectral's core functions (${FUNCTION_NAMES})`, 'custom-function');
        delete out[key];
      }
    }
    if ('extends' in value) out.extends = this.extends(value.extends, ['extends']);
    if ('formats' in value) out.formats = this.formats(value.formats, ['formats']);
    if ('aliases' in value) out.aliases = this.aliases(value.aliases, ['aliases']);
    if ('rules' in value) out.rules = this.rules(value.rules, ['rules']);
    if ('overrides' in value) out.overrides = this.overrides(value.overrides, ['overrides']);
    return out as RulesetDefinition;
  }

  private extends(value: unknown, path: Path): unknown[] {
    const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    if (!entries) {
      this.refuse(path, 'extends is a ruleset name or a list of them', 'ruleset-structure');
      return [];
    }
    const at = (i: number): Path => (typeof value === 'string' ? path : [...path, i]);
    return entries.flatMap((entry: unknown, i) => {
      const [name, severity] = Array.isArray(entry) ? entry : [entry];
      if (Array.isArray(entry) && (entry.length !== 2 || !EXTENDS_SEVERITIES.has(severity))) {
        this.refuse(at(i), `an extends entry with a severity is [name, off|recommended|all]`, 'ruleset-structure');
        return [];
      }
      const definition = this.extended(name, Array.isArray(entry) ? [...at(i), 0] : at(i));
      if (!definition) return [];
      return [Array.isArray(entry) ? [definition, severity] : definition];
    });
  }

  private extended(name: unknown, path: Path): RulesetDefinition | undefined {
    if (typeof name !== 'string') return void this.refuse(path, 'extends names a ruleset', 'ruleset-structure');
    if (name in BUILT_IN) {
      const definition = BUILT_IN[name]!;
      for (const rule of Object.keys((definition as { rules: Obj }).rules)) this.inherited.add(rule);
      return definition;
    }
    if ((SHIPPED_RULESETS as readonly string[]).includes(name)) return this.shippedRuleset(name as ShippedRulesetName, path);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name) || name.startsWith('//')) {
      return void this.refuse(path, `extends "${name}" is remote; Accord never fetches rulesets and extends only ${EXTENDS_TARGETS}`, 'remote-extends');
    }
    if (/[/\\]/.test(name) || name.startsWith('.') || /\.(ya?ml|json|[cm]?js|ts)$/i.test(name)) {
      return void this.refuse(path, `extends "${name}" is a file path; Accord reads no files named by a ruleset and extends only ${EXTENDS_TARGETS}`, 'file-extends');
    }
    return void this.refuse(path, `extends "${name}" is not a ruleset Accord knows; use one of ${EXTENDS_TARGETS}`, 'unknown-extends');
  }

  private shippedRuleset(name: ShippedRulesetName, path: Path): RulesetDefinition | undefined {
    const text = this.shipped[name];
    if (text === undefined) return void this.refuse(path, `the shipped ruleset ${name} was not provided to the loader`, 'unknown-extends');
    if (this.chain.includes(name)) return void this.refuse(path, `extends "${name}" makes a cycle: ${[...this.chain, name].join(' → ')}`, 'ruleset-structure');
    const key = `${name}\0${text}`;
    let loaded = shippedCache.get(key);
    if (!loaded) {
      try {
        loaded = load(text, name, this.shipped, [...this.chain, name]);
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        return void this.issues.push(...error.issues);
      }
      shippedCache.set(key, loaded);
    }
    for (const rule of Object.keys(loaded.spectral.rules)) this.inherited.add(rule);
    return loaded.spectral.definition;
  }

  private formats(value: unknown, path: Path): unknown[] {
    if (!Array.isArray(value)) return void this.refuse(path, `formats is a list of format names (${[...formatNames.keys()].join(', ')})`, 'ruleset-structure'), [];
    return value.flatMap((name: unknown, i) => {
      const format = typeof name === 'string' ? formatNames.get(name) : undefined;
      if (!format) return void this.refuse([...path, i], `unknown format ${JSON.stringify(name)}; use one of ${[...formatNames.keys()].join(', ')}`, 'unknown-format'), [];
      return [format];
    });
  }

  private aliases(value: unknown, path: Path): unknown {
    if (!isObj(value)) return void this.refuse(path, 'aliases is a mapping of names to JSONPath expressions', 'ruleset-structure'), {};
    const out: Obj = {};
    for (const [name, alias] of Object.entries(value)) {
      if (isObj(alias) && Array.isArray(alias.targets)) {
        const targets = alias.targets.map((target: unknown, i) => {
          if (!isObj(target)) return target;
          const at = [...path, name, 'targets', i];
          return { ...target, formats: this.formats(target.formats, [...at, 'formats']), given: this.given(target.given, [...at, 'given']) };
        });
        out[name] = { ...alias, targets };
      } else out[name] = this.given(alias, [...path, name]);
    }
    return out;
  }

  private rules(value: unknown, path: Path): Obj {
    if (!isObj(value)) return void this.refuse(path, 'rules is a mapping of rule names to rules or severities', 'ruleset-structure'), {};
    const out: Obj = {};
    for (const [name, rule] of Object.entries(value)) {
      const at = [...path, name];
      if (!isObj(rule)) {
        if (!SEVERITIES.has(rule)) this.refuse(at, `unknown severity ${JSON.stringify(rule)}; use error, warn, info, hint or off`, 'unknown-severity');
        else if (!this.inherited.has(name)) this.refuse(at, `"${name}" sets the severity of a rule no extended ruleset defines`, 'unknown-rule');
        out[name] = rule;
        continue;
      }
      const copy: Obj = { ...rule };
      if ('severity' in rule && !SEVERITIES.has(rule.severity)) this.refuse([...at, 'severity'], `unknown severity ${JSON.stringify(rule.severity)}; use error, warn, info, hint or off`, 'unknown-severity');
      if ('given' in rule) copy.given = this.given(rule.given, [...at, 'given']);
      else if (!this.inherited.has(name)) this.refuse(at, `rule "${name}" needs "given" and "then"`, 'ruleset-structure');
      if ('then' in rule) copy.then = Array.isArray(rule.then) ? rule.then.map((then: unknown, i) => this.then(then, [...at, 'then', i], name)) : this.then(rule.then, [...at, 'then'], name);
      if ('formats' in rule) copy.formats = this.formats(rule.formats, [...at, 'formats']);
      out[name] = copy;
    }
    for (const name of Object.keys(value)) this.inherited.add(name);
    return out;
  }

  private then(value: unknown, path: Path, rule: string): unknown {
    if (!isObj(value)) return void this.refuse(path, 'then is a mapping with "function" (and optionally "field" and "functionOptions")', 'ruleset-structure'), value;
    if (typeof value.field === 'string' && value.field.startsWith('$')) this.jsonPath(value.field, [...path, 'field']);
    if (typeof value.function !== 'string') return void this.refuse([...path, 'function'], `"function" names one of Spectral's core functions: ${FUNCTION_NAMES}`, 'unknown-function'), value;
    const fn = coreFunctions.get(value.function);
    if (!fn) return void this.refuse([...path, 'function'], `unknown function "${value.function}"; Accord runs only Spectral's core functions: ${FUNCTION_NAMES}`, 'unknown-function'), value;
    if (isObj(value.functionOptions)) this.patterns(value.function, value.functionOptions, [...path, 'functionOptions'], rule);
    return { ...value, function: fn };
  }

  /**
   * The regular expressions a core function will run against documents: `pattern`'s `match` and
   * `notMatch` (`/source/flags` or a bare source, as Spectral reads them) and the `pattern`,
   * `patternProperties` and `propertyNames` patterns of a `schema` (compiled without flags).
   */
  private patterns(fn: string, options: Obj, path: Path, rule: string): void {
    const check = (source: string, flags: string, at: Path) => {
      const problem = linearRegExpProblem(source, flags);
      if (problem) this.refuse(at, `rule "${rule}": ${problem}`, 'nonlinear-pattern');
    };
    if (fn === 'pattern') {
      for (const key of ['match', 'notMatch']) {
        const written = options[key];
        if (typeof written !== 'string') continue;
        const literal = SPECTRAL_REGEXP_LITERAL.exec(written);
        check(literal ? literal[1]! : written, literal ? literal[2]! : '', [...path, key]);
      }
    } else if (fn === 'schema') {
      schemaPatterns(options.schema, [...path, 'schema'], check);
    }
  }

  private given(value: unknown, path: Path): unknown {
    if (typeof value === 'string') this.jsonPath(value, path);
    else if (Array.isArray(value) && value.length > 0) value.forEach((expression: unknown, i) => (typeof expression === 'string' ? this.jsonPath(expression, [...path, i]) : this.refuse([...path, i], 'given is a JSONPath expression', 'invalid-given')));
    else this.refuse(path, 'given is a JSONPath expression or a non-empty list of them', 'invalid-given');
    return value;
  }

  private jsonPath(expression: string, path: Path): void {
    const problem = jsonPathProblem(expression);
    if (problem) this.refuse(path, problem, 'invalid-given');
  }

  private overrides(value: unknown, path: Path): unknown {
    if (!Array.isArray(value)) return void this.refuse(path, 'overrides is a list of { files, rules } entries', 'ruleset-structure'), value;
    return value.map((override: unknown, i) => {
      if (!isObj(override)) return override;
      const at = [...path, i];
      const out: Obj = { ...override };
      if ('extends' in override) out.extends = this.extends(override.extends, [...at, 'extends']);
      if ('formats' in override) out.formats = this.formats(override.formats, [...at, 'formats']);
      if ('aliases' in override) out.aliases = this.aliases(override.aliases, [...at, 'aliases']);
      if ('rules' in override) out.rules = this.rules(override.rules, [...at, 'rules']);
      return out;
    });
  }

  private refuse(path: Path, message: string, code: string): void {
    this.issues.push(this.text.issue(path, message, code));
  }
}

/** Calls `check` for every regular expression a JSON Schema holds, with where it is written. */
function schemaPatterns(schema: unknown, path: Path, check: (source: string, flags: string, at: Path) => void, depth = 0): void {
  if (depth > 64 || schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) return schema.forEach((item: unknown, i) => schemaPatterns(item, [...path, i], check, depth + 1));
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_DATA_KEYWORDS.has(key)) continue;
    if (key === 'pattern' && typeof value === 'string') check(value, '', [...path, key]);
    else if (key === 'patternProperties' && isObj(value)) {
      for (const [source, sub] of Object.entries(value)) {
        check(source, '', [...path, key, source]);
        schemaPatterns(sub, [...path, key, source], check, depth + 1);
      }
    } else schemaPatterns(value, [...path, key], check, depth + 1);
  }
}

/** Spectral's own validation (rule shape, function options, alias use) as issues that name the line. */
function spectralIssues(error: unknown, text: RulesetText): Issue[] {
  // Spectral throws its own AggregateError polyfill, so the shape is checked, not the class.
  const errors = Array.isArray((error as { errors?: unknown }).errors) ? (error as { errors: unknown[] }).errors : [error];
  return errors.map((e) => {
    if (e instanceof RulesetValidationError) return text.issue(e.path, e.message, e.code);
    return text.issue([], (e as Error).message ?? String(e), 'ruleset-invalid');
  });
}
