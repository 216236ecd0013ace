import { useRoute } from '../../routing/route.ts';
import { EvidenceChainView } from './EvidenceChainView.tsx';
import { InspectionList } from './InspectionList.tsx';
import './evidence.css';

/** /evidence lists the inspections; /evidence?id=… follows one piece of evidence (or an action) through to what answers it. */
export function EvidenceView() {
  const id = useRoute().params.get('id');
  return id ? <EvidenceChainView id={id} /> : <InspectionList />;
}
