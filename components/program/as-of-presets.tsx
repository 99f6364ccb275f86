import Link from "next/link";
import type { AsOfPreset } from "@/lib/dashboard/as-of-presets";
import { KeepDatesWhole } from "../ui/keep-dates-whole";

const KIND_WORDS: Record<AsOfPreset["kind"], string> = {
  today: "",
  quarter: "quarter end",
  claim: "claim",
  target: "committed target",
};

/** One-click dates for the As-of field; the chosen one is marked in words, not only by colour. */
export function AsOfPresets({ presets, current, href }: { presets: readonly AsOfPreset[]; current: string | null; href: (date: string | null) => string }) {
  return (
    <nav aria-label="Jump to a date" className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-slate-600">Jump to:</span>
      {presets.map((p) => {
        const active = p.date === current;
        return (
          <Link
            key={`${p.kind}:${p.date}`}
            href={href(p.date)}
            aria-current={active ? "date" : undefined}
            title={KIND_WORDS[p.kind] || undefined}
            className={`rounded border px-1.5 py-0.5 ${active ? "border-indigo-600 bg-indigo-50 font-medium text-indigo-900" : "border-slate-200 bg-white text-slate-800 hover:border-indigo-400"}`}
          >
            <KeepDatesWhole text={p.kind === "claim" ? `Claim: ${p.label}` : p.label} />
            {active && <span className="sr-only"> (shown)</span>}
          </Link>
        );
      })}
    </nav>
  );
}
