/** "New": an entry that arrived since the person's last visit, said in a word, not by colour alone. */
export function NewMark() {
  return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-inset ring-amber-300">New</span>;
}
