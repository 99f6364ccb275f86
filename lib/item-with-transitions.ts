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
  dependsOn: string[];
  transitions: FoldTransition[];
}
