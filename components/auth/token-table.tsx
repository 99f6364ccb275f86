import type { ReactNode } from "react";
import { HeaderRow } from "@/components/ui/data-table";
import type { TokenLife } from "@/lib/auth/token-lifetime";
import { formatUtcMinute } from "@/lib/time";

export interface TokenRow {
  id: number;
  prefix: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  life: TokenLife;
}

const when = (ms: number | null) => (ms === null ? "never" : <span className="whitespace-nowrap">{formatUtcMinute(ms)}</span>);

/** A cell that, on a phone, is a labelled line of its row's card. */
function Cell({ label, children, className = "" }: { label?: string; children: ReactNode; className?: string }) {
  return (
    <td className={`block py-0.5 sm:table-cell sm:py-1 sm:pr-3 ${className}`}>
      {label && <span className="text-slate-600 sm:hidden">{label} </span>}
      {children}
    </td>
  );
}

/**
 * A person's API tokens: a table on a wide screen, a card per token on a phone (no column is cut
 * off or scrolled to). Each says whether it still opens the API, and until or since when.
 */
export function TokenTable({ tokens, revoke }: { tokens: TokenRow[]; revoke: (id: number) => ReactNode }) {
  return (
    <table className="w-full max-w-3xl text-left" aria-label="API tokens">
      <HeaderRow className="hidden sm:table-header-group" cell="py-1 pr-3" columns={["token", "name", "created", "last used", "state"]} />
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className="block border-t border-slate-100 py-2 sm:table-row sm:py-0">
            <Cell className="font-mono">{t.prefix}…</Cell>
            <Cell label="name">{t.name}</Cell>
            <Cell label="created">{when(t.createdAt)}</Cell>
            <Cell label="last used">{when(t.lastUsedAt)}</Cell>
            <Cell>
              {t.life.state !== "active" ? (
                <>
                  {t.life.state} {when(t.life.at)}
                </>
              ) : (
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span>{t.life.expiresAt === null ? "never expires" : <>expires {when(t.life.expiresAt)}</>}</span>
                  {revoke(t.id)}
                </div>
              )}
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
