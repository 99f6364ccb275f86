import { NotFoundMessage } from "@/components/ui/not-found-message";

/** An unknown item or claim of a program: a 404 inside the program's navigation. */
export default function ProgramThingNotFound() {
  return (
    <NotFoundMessage>
      There is no item or claim by that name in this program. It may have been mistyped, or it belongs to another program.
    </NotFoundMessage>
  );
}
