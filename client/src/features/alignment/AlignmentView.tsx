import { PageHeading } from '../../components/PageHeading.tsx';

export function AlignmentView() {
  return <PageHeading title="AlignmentView">AlignmentView</PageHeading>;
}
