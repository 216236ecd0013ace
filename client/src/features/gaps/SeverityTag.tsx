import { severityNames, type Severity } from './gaps.ts';

// Each severity has its own shape as well as its word and colour, so neither colour vision nor
// reading the colour is needed to tell them apart.
const shapes: Record<Severity, string> = {
  HIGH: 'M6 1 L11 11 L1 11 Z',
  MEDIUM: 'M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z',
  LOW: 'M6 1.5 A4.5 4.5 0 1 1 5.99 1.5 Z',
  INFO: 'M2 2 H10 V10 H2 Z',
};

/** A severity as a shape and a word: "▲ High". */
export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <span className={`severity severity-${severity.toLowerCase()}`}>
      <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        <path d={shapes[severity]} />
      </svg>
      {severityNames[severity]}
    </span>
  );
}
