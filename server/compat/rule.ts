import type { ChangeKind, ChangeOf, Direction } from './change.js';

export type Level = 'error' | 'warn' | 'info';

/** Where a rule sits in oasdiff's direction × area × kind × action grid. */
export interface Taxonomy {
  direction: Direction | 'none';
  area:
    | 'document'
    | 'tags'
    | 'paths'
    | 'operations'
    | 'parameters'
    | 'request-body'
    | 'responses'
    | 'security'
    | 'schema'
    | 'webhooks'
    | 'callbacks'
    | 'servers'
    | 'channels'
    | 'messages'
    | 'bindings';
  /** The object that changed: `property`, `enum-value`, `max-length`, … */
  kind: string;
  /** What happened to it: `added`, `removed`, `became-required`, `decreased`, … */
  action: string;
}

/** Judges one kind of change. Rules are data; `when` narrows which changes of that kind they match. */
export interface Rule<K extends ChangeKind = ChangeKind> {
  id: string;
  level: Level;
  taxonomy: Taxonomy;
  on: K;
  when?: (change: ChangeOf<K>) => boolean;
  message: (change: ChangeOf<K>) => string;
  /** One sentence on what happens to a client. */
  why: string;
}

export type AnyRule = { [K in ChangeKind]: Rule<K> }[ChangeKind];

/** Keeps a rule's `when` and `message` typed by the change kind it matches. */
export function defineRule<K extends ChangeKind>(rule: Rule<K>): Rule<K> {
  return rule;
}
