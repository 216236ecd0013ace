const gradeNames: Record<string, string> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};

/** An inspection grade in words, as Ofsted writes it. */
export function Grade({ grade }: { grade: string }) {
  return <span className="grade">Judged {gradeNames[grade] ?? grade.toLowerCase().replaceAll('_', ' ')}</span>;
}
