import type { FormAction } from "../ui/action-state";

/** What a page hands the comments of a viewer who may write: the program and the edit and delete actions. */
export interface CommentActions {
  slug: string;
  editAction: FormAction<[string]>;
  deleteAction: FormAction<[string]>;
}
