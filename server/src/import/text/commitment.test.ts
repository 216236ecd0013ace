import { describe, expect, it } from 'vitest';
import { isCommitment } from './commitment.ts';

describe('the commitment signal', () => {
  it('takes imperatives, "will" and "must" with a verb, "commit to" and work under way as commitments', () => {
    for (const sentence of [
      'Expand the reablement service so that more people return home.',
      'Support the media in delivering sensitive approaches',
      'Increase confidence and skills of paid and volunteer workers',
      'Ask residents each year',
      'Partners will fund ten community groups.',
      'A partnership group will be established to monitor progress.',
      'The council must publish an annual report.',
      'We are committed to co-produce solutions with carers.',
      'Ensuring existing services are widely promoted to residents',
      'Low-cost adaptations are being made to existing services',
    ])
      expect(isCommitment(sentence), sentence).toBe(true);
  });

  it('leaves out descriptions, past work, forecasts, questions, captions and the document describing itself', () => {
    for (const sentence of [
      'Leaders are ambitious for children.',
      'We delivered 40 training sessions last year.',
      'We have opened three hubs.',
      'Smoking rates will fall.',
      'Will you help us?',
      'Figure 4 Proportion of suicides in West Sussex',
      'This strategy will set out our priorities.',
      'Dementia is a progressive condition.',
      'Smoking in pregnancy is falling',
      'Training and communications for wider key support staff.',
    ])
      expect(isCommitment(sentence), sentence).toBe(false);
  });
});
