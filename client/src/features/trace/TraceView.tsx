import { PageHeading } from '../../components/PageHeading.tsx';

export function TraceView() {
  return <PageHeading title="TraceView">TraceView</PageHeading>;
}
