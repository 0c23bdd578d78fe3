import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { EntryTransition } from '@dsyb/contracts';

/** The review just given on an entry's page (通过 or 退回修改), which the page follows with the next entry to read. */
export interface ReviewOutcome {
  entryId: string;
  action: Extract<EntryTransition, 'approve' | 'return'>;
}

interface ReviewOutcomeState {
  outcome: ReviewOutcome | undefined;
  setOutcome: (outcome: ReviewOutcome | undefined) => void;
}

const ReviewOutcomeContext = createContext<ReviewOutcomeState>({ outcome: undefined, setOutcome: () => undefined });

/** Shared by an entry page's toolbar (where the review is given) and its body (where the next entry is offered). */
export const ReviewOutcomeProvider = ({ children }: { children: ReactNode }) => {
  const [outcome, setOutcome] = useState<ReviewOutcome>();
  const value = useMemo(() => ({ outcome, setOutcome }), [outcome]);
  return <ReviewOutcomeContext.Provider value={value}>{children}</ReviewOutcomeContext.Provider>;
};

export const useReviewOutcome = () => useContext(ReviewOutcomeContext);
