import { PageHeading } from '../../components/PageHeading.tsx';

export function EvidenceView() {
  return <PageHeading title="EvidenceView">EvidenceView</PageHeading>;
}
