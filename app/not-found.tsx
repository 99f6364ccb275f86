import type { Metadata } from "next";
import { headers } from "next/headers";
import { ProgramFrame } from "@/components/program/program-frame";
import { NotFoundMessage } from "@/components/ui/not-found-message";
import { NOT_FOUND_WORDS } from "@/components/ui/not-found-words";
import { getDb } from "@/db/get-db";
import { findProgram } from "@/db/queries/get-program-or-throw";
import { nullWhenNamesNothing } from "@/lib/errors";
import { MISSING_TARGET_HEADER, readMissingTargetHeader } from "@/lib/http/page-target";
import { currentPerson } from "./_lib/auth";

export const metadata: Metadata = { title: "Not found" };

/**
 * Any unknown page or program: a 404 with the app's navigation around it. An unknown item, claim
 * or week the proxy found before rendering (so that the server, not only the browser, draws it)
 * is said inside its program's navigation, as the program's own 404 says it.
 */
export default async function NotFound() {
  const missing = readMissingTargetHeader((await headers()).get(MISSING_TARGET_HEADER));
  if (missing && missing.kind !== "program") {
    const person = await currentPerson();
    const program = person && !person.mustChangePassword ? await nullWhenNamesNothing(async () => await findProgram(await getDb(), missing.slug)) : null;
    if (person && program)
      return (
        <ProgramFrame program={program} role={person.role}>
          <NotFoundMessage>{missing.kind === "week" ? NOT_FOUND_WORDS.week : NOT_FOUND_WORDS.itemOrClaim}</NotFoundMessage>
        </ProgramFrame>
      );
  }
  return <NotFoundMessage>{NOT_FOUND_WORDS.page}</NotFoundMessage>;
}
