/**
 * `text` with each YYYY-MM-DD in it kept on one line: a narrow box may wrap between words, never
 * inside a date (browsers break after its hyphens, and "2028-06-" over "29" reads as two figures).
 */
export function KeepDatesWhole({ text }: { text: string }) {
  return text.split(/(\d{4}-\d\d-\d\d)/).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="whitespace-nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}
