import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  addDependencyAction,
  editItemAction,
  removeDependencyAction,
  reportTransitionAction,
  verifyTransitionAction,
} from "@/app/_actions/items";
import { requireSignedIn } from "@/app/_lib/auth";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { AddDependencyForm, RemoveDependencyButton } from "@/components/item/dependency-forms";
import { EditItemForm } from "@/components/item/edit-item-form";
import { ReportTransitionForm } from "@/components/item/report-transition-form";
import { VerifyForm } from "@/components/item/verify-form";
import { AsOfForm } from "@/components/program/as-of-form";
import { Panel } from "@/components/dashboard/readiness-panels";
import { StatusBadge } from "@/components/status-badge";
import { listUsers } from "@/db/accounts/manage-users";
import { getDb } from "@/db/get-db";
import { getItemDetail } from "@/db/queries/get-item-detail";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; key: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  return { title: decodeURIComponent(key) };
}

const short = (iso: string) => iso.replace("T", " ").replace(/:\d\d\.\d{3}Z$/, " UTC").replace(/ 00:00 UTC$/, "");

export default async function ItemPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug, key: rawKey } = await params;
  const key = decodeURIComponent(rawKey);
  const { view, asOf, knownAt } = await pageView(searchParams);
  const db = getDb();
  let item;
  try {
    item = getItemDetail(db, slug, key, asOf, knownAt);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const canReport = can(person.role, "report");
  const canVerify = can(person.role, "verify");
  const link = (k: string) => `/programs/${slug}/items/${encodeURIComponent(k)}`;
  const related = (list: typeof item.dependsOn, removable: boolean) =>
    list.length === 0 ? (
      <p className="text-slate-600">None.</p>
    ) : (
      <ul className="space-y-1">
        {list.map((d) => (
          <li key={d.key} className="flex flex-wrap items-center gap-2">
            <Link href={link(d.key)} className="font-mono hover:underline">
              {d.key}
            </Link>
            <span className="text-slate-700">{d.title}</span>
            <StatusBadge status={d.trueStatus} />
            {d.reportedStatus !== d.trueStatus && <span className="text-xs text-slate-600">reported {d.reportedStatus}</span>}
            {removable && canReport && <RemoveDependencyButton slug={slug} itemKey={key} dependsOn={d.key} serverAction={removeDependencyAction} />}
          </li>
        ))}
      </ul>
    );

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p>
            <Link href={`/programs/${slug}/items`} className="text-indigo-700 hover:underline">
              ← Items
            </Link>
          </p>
          <h1 className="text-xl font-semibold">
            <span className="font-mono">{item.key}</span> {item.title}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-slate-700">
            true <StatusBadge status={item.trueStatus} /> reported <StatusBadge status={item.reportedStatus} /> · as of{" "}
            {item.asOf.slice(0, 10)}
          </p>
        </div>
        <AsOfForm action={link(key)} asOf={view.asOf} knownAt={view.knownAt} />
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="About" id="about">
          <p className="whitespace-pre-line text-slate-800">{item.description || "No description."}</p>
          <dl className="mt-3 grid grid-cols-2 gap-1">
            <dt className="text-slate-600">Owner</dt>
            <dd>{item.ownerName ?? <span className="font-medium text-red-800">unowned — a risk</span>}</dd>
            <dt className="text-slate-600">Team</dt>
            <dd>{item.team || "—"}</dd>
            <dt className="text-slate-600">Area</dt>
            <dd>{item.area}</dd>
            <dt className="text-slate-600">Estimate</dt>
            <dd>{item.estimateWeeks} weeks</dd>
            <dt className="text-slate-600">Identified</dt>
            <dd>{item.identifiedAt.slice(0, 10)}</dd>
            <dt className="text-slate-600">Target</dt>
            <dd>{item.targetDate?.slice(0, 10) ?? "—"}</dd>
          </dl>
        </Panel>
        <Panel title={`Depends on (${item.dependsOn.length})`} id="depends-on">
          {related(item.dependsOn, true)}
          {canReport && (
            <div className="mt-3">
              <AddDependencyForm
                slug={slug}
                itemKey={key}
                candidates={item.allKeys.filter((k) => k !== key && !item.dependsOn.some((d) => d.key === k))}
                serverAction={addDependencyAction}
              />
            </div>
          )}
        </Panel>
        <Panel title={`Dependents (${item.dependents.length})`} id="dependents">
          {related(item.dependents, false)}
        </Panel>
      </div>

      <Panel title="History" id="history">
        {item.history.length === 0 ? (
          <p className="text-slate-600">No transition reported yet: the item has not started.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left" aria-label="History">
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th className="py-1 pr-2 font-medium">to</th>
                  <th className="py-1 pr-2 font-medium" title="When it happened">effective</th>
                  <th className="py-1 pr-2 font-medium" title="When the tracker learned it">recorded</th>
                  <th className="py-1 pr-2 font-medium">reported by</th>
                  <th className="py-1 pr-2 font-medium">evidence</th>
                  <th className="py-1 pr-2 font-medium">verification</th>
                </tr>
              </thead>
              <tbody>
                {item.history.map((t) => (
                  <tr key={t.id} className={`border-t border-slate-100 align-top ${t.visible ? "" : "text-slate-500"}`} data-testid={`transition-${t.id}`}>
                    <td className="py-1.5 pr-2">
                      <StatusBadge status={t.to} />
                      {t.note && <p className="mt-1 max-w-xs text-xs text-slate-700">{t.note}</p>}
                    </td>
                    <td className="py-1.5 pr-2 whitespace-nowrap">{short(t.effectiveAt)}</td>
                    <td className="py-1.5 pr-2 whitespace-nowrap">
                      {short(t.recordedAt)}
                      {t.recordedAt.slice(0, 10) > t.effectiveAt.slice(0, 10) && <span className="block text-xs text-amber-800">recorded later</span>}
                    </td>
                    <td className="py-1.5 pr-2">{t.byName}</td>
                    <td className="py-1.5 pr-2">
                      {t.evidence.length === 0 ? (
                        <span className="text-slate-600">none</span>
                      ) : (
                        <ul>
                          {t.evidence.map((e, i) => (
                            <li key={i}>
                              <a href={e.url} rel="noreferrer noopener" target="_blank" className="text-indigo-700 underline">
                                {e.kind}
                                {e.fleetPercent !== null ? ` ${e.fleetPercent} %` : ""}
                              </a>{" "}
                              <span className="text-xs text-slate-700">{e.summary}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-1.5 pr-2">
                      {t.verification ? (
                        <span className="text-emerald-800">
                          verified by {t.verification.byName} on {short(t.verification.verifiedAt)}
                        </span>
                      ) : (
                        <div className="space-y-1">
                          <span className="font-medium text-amber-800">pending verification</span>
                          {canVerify && <VerifyForm slug={slug} itemKey={key} transitionId={t.id} serverAction={verifyTransitionAction} />}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        {canReport && (
          <Panel title="Report progress" id="report">
            <ReportTransitionForm slug={slug} itemKey={key} reported={item.reportedStatus} serverAction={reportTransitionAction} />
          </Panel>
        )}
        <Panel title={`Signals (${item.signals.length})`} id="signals">
          {item.signals.length === 0 ? (
            <p className="text-slate-600">No measurement yet.</p>
          ) : (
            <table className="w-full text-left" aria-label="Signals">
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th className="font-medium">measured</th>
                  <th className="font-medium">metric</th>
                  <th className="text-right font-medium">value</th>
                </tr>
              </thead>
              <tbody>
                {item.signals.map((s, i) => (
                  <tr key={i} className="border-t border-slate-100">
                    <td>{s.measuredAt.slice(0, 10)}</td>
                    <td>{s.metric}</td>
                    <td className="text-right tabular-nums">{s.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>

      {canReport && (
        <Panel title="Edit item" id="edit">
          <EditItemForm
            slug={slug}
            itemKey={key}
            item={{ ...item, owner: item.owner }}
            people={listUsers(db).map((u) => ({ email: u.email, name: u.name }))}
            serverAction={editItemAction}
          />
        </Panel>
      )}
    </section>
  );
}
