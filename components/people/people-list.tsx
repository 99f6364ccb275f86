import type { ReactNode } from "react";
import type { PersonRow } from "@/db/accounts/list-people";
import { accountState, signInMethod } from "@/lib/auth/account-state";
import { ACCOUNT_STATE_LABELS } from "@/lib/labels";
import { formatUtcMinute } from "@/lib/time";
import { PersonActions, type PeopleActions } from "./person-actions";

const when = (ms: number | null) => (ms === null ? "never" : formatUtcMinute(ms));

const STATE_STYLE = {
  active: "bg-emerald-50 text-emerald-900",
  must_change_password: "bg-amber-50 text-amber-950",
  no_password: "bg-slate-100 text-slate-800",
  disabled: "bg-red-50 text-red-900",
} as const;

const SIGN_IN_WORDS = { password: "password", sso: "single sign-on", both: "password or single sign-on", none: "" } as const;

/**
 * Every account, one card each (no table: a phone shows it without scrolling sideways), with its
 * forms behind a "Manage" disclosure.
 */
export function PeopleList({ people, me, actions }: { people: PersonRow[]; me: string; actions: PeopleActions }) {
  return (
    <ul aria-label="People" className="space-y-2">
      {people.map((p) => {
        const state = accountState(p);
        return (
          <li key={p.email} className="rounded border border-slate-200 bg-white p-3" data-testid="person">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h3 className="font-semibold">
                {p.name}
                {p.email === me && <span className="font-normal text-slate-600"> (you)</span>}
              </h3>
              <span className="min-w-0 break-all text-slate-700">{p.email}</span>
            </div>
            <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-5">
              <Fact term="Role">{p.role}</Fact>
              <Fact term="Team">{p.team || "—"}</Fact>
              <Fact term="Last sign-in">
                {when(p.lastSignInAt)}
                {p.hasIdentity && <span className="text-slate-600"> ({SIGN_IN_WORDS[signInMethod(p)]})</span>}
              </Fact>
              <Fact term="Active API tokens">{p.activeTokens}</Fact>
              <Fact term="State">
                <span className={`rounded px-1 ${STATE_STYLE[state]}`}>
                  {p.disabledAt === null ? ACCOUNT_STATE_LABELS[state] : `Disabled since ${when(p.disabledAt)}`}
                </span>
              </Fact>
            </dl>
            <details className="mt-1">
              <summary className="cursor-pointer text-indigo-700">Manage {p.name}</summary>
              <PersonActions email={p.email} name={p.name} role={p.role} disabled={p.disabledAt !== null} actions={actions} />
            </details>
          </li>
        );
      })}
    </ul>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
