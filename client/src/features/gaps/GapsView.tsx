import { PageHeading } from '../../components/PageHeading.tsx';

export function GapsView() {
  return <PageHeading title="GapsView">GapsView</PageHeading>;
}
