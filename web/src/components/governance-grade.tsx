export interface ScorecardSummary {
  clean: boolean;
  latestVersion?: string | null;
  open: { errors: number; warnings: number };
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | '–';

/**
 * One letter for where a contract stands against its rulesets: A is clean, each open warning band
 * lowers it, any open error puts it at D or below. A contract with no version yet has no grade.
 */
export function gradeOf({ clean, latestVersion, open }: ScorecardSummary): Grade {
  if (latestVersion === null) return '–';
  if (open.errors > 2) return 'E';
  if (open.errors > 0) return 'D';
  if (clean || open.warnings === 0) return 'A';
  return open.warnings <= 3 ? 'B' : 'C';
}

const explain = (card: ScorecardSummary) =>
  card.latestVersion === null ? 'no published version yet' : `${card.open.errors} open errors, ${card.open.warnings} open warnings`;

export function GovernanceGrade({ scorecard }: { scorecard: ScorecardSummary }) {
  const grade = gradeOf(scorecard);
  return (
    <span className={`grade grade-${grade === '–' ? 'none' : grade}`} title={explain(scorecard)}>
      <span className="visually-hidden">Governance grade </span>
      {grade}
      <span className="visually-hidden">: {explain(scorecard)}</span>
    </span>
  );
}
