/** One printed table: the header row, then rows of already formatted cells, then optional notes. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  notes?: string[];
}

/** A target from the brief and how this run fared; `pass: undefined` means it could not be measured. */
export interface TargetResult {
  target: string;
  measured: string;
  pass: boolean | undefined;
}

/** What each benchmark hands back to `run.ts`: tables to print and targets for the summary. */
export interface BenchmarkReport {
  name: string;
  tables: Table[];
  targets: TargetResult[];
}
