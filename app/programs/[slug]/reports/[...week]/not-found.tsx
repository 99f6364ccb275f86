import { NotFoundMessage } from "@/components/ui/not-found-message";

/** An unknown week of a program: a 404 inside the program's navigation. */
export default function WeekNotFound() {
  return (
    <NotFoundMessage>
      This program has no report for that week. A week is written YYYY-Www (such as 2024-W52) and must be complete: from the week of the
      program&apos;s first item to last week. The reports page lists them all.
    </NotFoundMessage>
  );
}
