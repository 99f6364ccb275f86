/** The numbers the header shows beside its links. */
export interface NavCounts {
  /** Entries of My work new since the person last opened it. */
  myWorkNew: number;
  /** Transitions awaiting verification the person may decide on; null for a role that does not verify. */
  reviewable: number | null;
  /** When they were counted (ms), so the header can tell a fresh count from the one it already showed. */
  countedAt: number;
}
