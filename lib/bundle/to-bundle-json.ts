import { formatDate, formatDateOrInstant } from "../time";
import { BUNDLE_FORMAT } from "./bundle-schema";
import type { NormalizedBundle } from "./normalized-bundle";

/** The JSON form of a bundle, as `export` writes it: stable order of keys, dates as text. */
export function toBundleJson(b: NormalizedBundle) {
  const date = (ms: number | null) => (ms === null ? null : formatDate(ms));
  return {
    format: BUNDLE_FORMAT,
    program: { ...b.program, targetDate: date(b.program.targetDate), factsUntil: date(b.program.factsUntil) },
    // Roles are account settings, not program data: an export never carries them.
    people: b.people.map((p) => ({ email: p.email, name: p.name, team: p.team })),
    // An item without components leaves the field out, as bundles written before it did.
    items: b.items.map(({ components, ...i }) => ({
      ...i,
      identifiedAt: formatDateOrInstant(i.identifiedAt),
      targetDate: date(i.targetDate),
      ...(components.length > 0 ? { components } : {}),
    })),
    transitions: b.transitions.map((t) => ({
      item: t.item,
      to: t.to,
      effectiveAt: formatDateOrInstant(t.effectiveAt),
      recordedAt: formatDateOrInstant(t.recordedAt),
      by: t.by,
      evidence: t.evidence.map((e) => ({
        kind: e.kind,
        url: e.url,
        summary: e.summary,
        ...(e.fleetPercent === null ? {} : { fleetPercent: e.fleetPercent }),
        ...(e.artefact === null ? {} : { artefact: e.artefact }),
      })),
      note: t.note,
      verifiedBy: t.verifiedBy,
      verifiedAt: t.verifiedAt === null ? null : formatDateOrInstant(t.verifiedAt),
      verificationNote: t.verificationNote,
      // Only on a rejected transition: an export without rejections reads as it always did.
      ...(t.rejectedBy === null
        ? {}
        : { rejectedBy: t.rejectedBy, rejectedAt: formatDateOrInstant(t.rejectedAt!), rejectionReason: t.rejectionReason ?? "" }),
    })),
    signals: b.signals.map((s) => ({ ...s, measuredAt: formatDateOrInstant(s.measuredAt) })),
    claims: b.claims.map((c) => ({ ...c, date: formatDate(c.date) })),
    events: b.events.map((e) => ({ ...e, date: formatDate(e.date) })),
    // Only when there are comments: an export without them reads as it always did.
    ...(b.comments.length === 0 ? {} : { comments: b.comments.map(commentJson) }),
    // Only when evidence carries files: an export without them reads as it always did.
    ...(b.artefacts.length === 0 ? {} : { artefacts: b.artefacts }),
  };
}

/** A comment as the bundle carries it: the fields it has, and no text once deleted. */
function commentJson(c: NormalizedBundle["comments"][number]) {
  return {
    ...(c.item === null ? { claim: c.claim! } : { item: c.item }),
    by: c.by,
    createdAt: formatDateOrInstant(c.createdAt),
    ...(c.deletedAt === null ? { body: c.body } : {}),
    ...(c.editedAt === null ? {} : { editedAt: formatDateOrInstant(c.editedAt) }),
    ...(c.deletedAt === null ? {} : { deletedAt: formatDateOrInstant(c.deletedAt) }),
  };
}

export type BundleJson = ReturnType<typeof toBundleJson>;
