import type { Metadata } from "next";
import { addPersonAction, disableAccountAction, enableAccountAction, resetPasswordAction, setRoleAction } from "@/app/_actions/people";
import { confirmSignInAction } from "@/app/_actions/account";
import { adminPage } from "@/app/_lib/admin-page";
import { recentSignInAsked } from "@/app/_lib/recent-sign-in";
import { ConfirmSignIn } from "@/components/auth/confirm-sign-in";
import { AddPersonForm } from "@/components/people/add-person-form";
import { PeopleList } from "@/components/people/people-list";
import { listPeople } from "@/db/accounts/list-people";
import { getDb } from "@/db/get-db";
import { CHANGING_ACCOUNTS, proofReason } from "@/lib/auth/recent-sign-in";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

const PEOPLE_PATH = "/people";

/** Account administration: who may sign in, with which role. Admins only; every form checks again. */
export default function PeoplePage() {
  return adminPage(async (person) => {
    const people = await listPeople(await getDb());
    const { needed, provider, signInAgain } = await recentSignInAsked(person, PEOPLE_PATH);
    return (
      <section className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">People</h1>
          <p className="max-w-3xl text-slate-700">
            Everyone who has an account: people added here, on the command line, or by importing a program (those have no password
            until one is reset). Every change is written to the history log.
          </p>
        </div>
        {needed !== "none" && (
          <ConfirmSignIn
            needed={needed}
            reason={proofReason(needed, provider, CHANGING_ACCOUNTS)}
            signInAgain={signInAgain}
            serverAction={confirmSignInAction.bind(null, PEOPLE_PATH)}
          />
        )}
        <div className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <h2 className="font-semibold">Add a person</h2>
          <p className="text-slate-600">They get a one-time password, shown here once, and choose their own when they first sign in.</p>
          <AddPersonForm serverAction={addPersonAction} />
        </div>
        <div className="space-y-2">
          <h2 className="font-semibold">
            {people.length} {people.length === 1 ? "account" : "accounts"}
          </h2>
          <PeopleList
            people={people}
            me={person.email}
            actions={{ setRole: setRoleAction, resetPassword: resetPasswordAction, disable: disableAccountAction, enable: enableAccountAction }}
          />
        </div>
      </section>
    );
  });
}
