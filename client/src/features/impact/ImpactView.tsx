import { PageHeading } from '../../components/PageHeading.tsx';

export function ImpactView() {
  return <PageHeading title="ImpactView">ImpactView</PageHeading>;
}
