// Streamed while the page folds the history; the item and claim pages are not, so an unknown key is a real 404.
export { FoldingStatus as default } from "@/components/program/folding-status";
