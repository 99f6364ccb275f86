import { NotFoundMessage } from "@/components/ui/not-found-message";
import { NOT_FOUND_WORDS } from "@/components/ui/not-found-words";

/** An unknown item or claim of a program: a 404 inside the program's navigation. */
export default function ProgramThingNotFound() {
  return <NotFoundMessage>{NOT_FOUND_WORDS.itemOrClaim}</NotFoundMessage>;
}
