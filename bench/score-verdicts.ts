import type { CompatCase } from './load-compat-cases.js';

/** What one tool made of one pair; `said` keeps its own words for the list of wrong verdicts. */
export interface ToolVerdict {
  outcome: 'breaking' | 'safe' | 'refused';
  said: string;
}

export interface WrongVerdict {
  name: string;
  group: string;
  expected: 'breaking' | 'safe';
  outcome: ToolVerdict['outcome'];
  said: string;
  reason: string;
}

export interface VerdictScore {
  cases: number;
  breaking: number;
  safe: number;
  /** Breaking and flagged. */
  caught: number;
  /** Breaking, not flagged, not refused. */
  missed: number;
  /** Safe and flagged. */
  falseAlarms: number;
  /** The tool threw or would not read a document, whatever the label. */
  refused: number;
  /** caught ÷ breaking cases: a refused breaking case counts as not caught. */
  recall: number;
  /** caught ÷ everything flagged. */
  precision: number;
  wrong: WrongVerdict[];
}

/** Scores a tool's verdicts against the labels; `verdicts` lines up with `cases`. */
export function scoreVerdicts(cases: readonly CompatCase[], verdicts: readonly ToolVerdict[]): VerdictScore {
  let caught = 0;
  let missed = 0;
  let falseAlarms = 0;
  let refused = 0;
  const wrong: WrongVerdict[] = [];
  cases.forEach((c, i) => {
    const verdict = verdicts[i]!;
    const flagged = verdict.outcome === 'breaking';
    if (verdict.outcome === 'refused') refused++;
    else if (c.breaking && flagged) caught++;
    else if (c.breaking) missed++;
    else if (flagged) falseAlarms++;
    if (verdict.outcome === 'refused' || flagged !== c.breaking) {
      wrong.push({ name: c.name, group: c.group, expected: c.breaking ? 'breaking' : 'safe', outcome: verdict.outcome, said: verdict.said, reason: c.reason });
    }
  });
  const breaking = cases.filter((c) => c.breaking).length;
  return {
    cases: cases.length,
    breaking,
    safe: cases.length - breaking,
    caught,
    missed,
    falseAlarms,
    refused,
    recall: breaking === 0 ? Number.NaN : caught / breaking,
    precision: caught + falseAlarms === 0 ? Number.NaN : caught / (caught + falseAlarms),
    wrong,
  };
}
