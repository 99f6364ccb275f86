import type { FoldTransition } from "./fold-item-status";

/** One item with everything the rules need, as loaded once per request. */
export interface ItemWithTransitions {
  key: string;
  title: string;
  area: string;
  owner: string | null;
  ownerName: string | null;
  team: string;
  estimateWeeks: number;
  identifiedAt: number;
  /** The date promised for the item (start of that day), if any; absent means none. */
  targetDate?: number | null;
  dependsOn: string[];
  transitions: FoldTransition[];
}
