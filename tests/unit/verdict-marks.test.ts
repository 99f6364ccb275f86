/** Claim markers read without their colour: one letter per verdict, legible ink, distinct warning hues, a legend of what is shown. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupClaimMarks, shortSpeaker, type ClaimMark } from "@/lib/charts/claim-marks";
import { CLAIM_LABEL_PX, placeClaimLabels } from "@/lib/charts/place-claim-labels";
import { contrastRatio, DARK_INK, LIGHT_INK, markInk, VERDICT_LETTERS, verdictsPresent } from "@/lib/charts/verdict-marks";
import { VERDICTS, type Verdict } from "@/lib/claims/claim-verdict";
import { burnUpSvg, VERDICT_LETTERS as PRINTED_LETTERS } from "@/lib/report/svg-charts";
import { VERDICT_COLORS } from "@/lib/status-colors";

const WHITE = "#ffffff";
const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, "0")}`);

/** The hue of a #rrggbb colour in degrees, 0 (red) to 360. */
function hue(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe("verdict letters and colours", () => {
  it("give each verdict its own letter, the same on the web and on paper", () => {
    expect(new Set(Object.values(VERDICT_LETTERS)).size).toBe(VERDICTS.length);
    for (const v of VERDICTS) expect(VERDICT_LETTERS[v]).toHaveLength(1);
    expect(PRINTED_LETTERS).toBe(VERDICT_LETTERS);
  });

  it("draw every marker at 3:1 or more against white, its letter at 4.5:1 or more against the marker", () => {
    for (const v of VERDICTS) {
      expect(contrastRatio(VERDICT_COLORS[v], WHITE), v).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(VERDICT_COLORS[v], markInk(VERDICT_COLORS[v])), v).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keep partly supported and unsupported apart: both warm warnings, unlike in lightness and letter ink, neither red nor green", () => {
    const [partly, unsupported] = [VERDICT_COLORS.partly_supported, VERDICT_COLORS.unsupported];
    // Apart in greyscale and for red-green colour blindness, not by hue alone.
    expect(contrastRatio(partly, unsupported)).toBeGreaterThanOrEqual(2);
    expect(markInk(partly)).not.toBe(markInk(unsupported));
    for (const c of [partly, unsupported]) {
      expect(hue(c), c).toBeGreaterThanOrEqual(15);
      expect(hue(c), c).toBeLessThanOrEqual(50);
    }
    // Contradicted is a red, the supported ones green.
    expect(hue(VERDICT_COLORS.contradicted) > 330 || hue(VERDICT_COLORS.contradicted) < 10).toBe(true);
    for (const v of ["supported", "mostly_supported"] as const) expect(hue(VERDICT_COLORS[v])).toBeGreaterThan(70);
    expect(new Set(Object.values(VERDICT_COLORS)).size).toBe(VERDICTS.length);
  });

  it("write a marker's letter in whichever ink, dark or white, contrasts more with its fill", () => {
    fc.assert(
      fc.property(hex, (fill) => {
        const other = markInk(fill) === DARK_INK ? LIGHT_INK : DARK_INK;
        expect(contrastRatio(fill, markInk(fill))).toBeGreaterThanOrEqual(contrastRatio(fill, other));
      }),
    );
    expect(markInk("#ffffff")).toBe(DARK_INK);
    expect(markInk("#000000")).toBe(LIGHT_INK);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });

  it("letter the printed diamonds in the same ink the web uses", () => {
    const series = [0, 1].map((i) => ({
      date: `2024-0${i + 1}-01`,
      scope: 2,
      verifiedDone: 0,
      reportedDone: 0,
      verifiedStarted: 0,
      reportedStarted: 0,
      byTrueStatus: { not_started: 2, design: 0, build: 0, validate: 0, rollout: 0, done: 0 },
    }));
    const svg = burnUpSvg(series, [{ id: "a", date: "2024-01-15", speaker: "Ann", verdict: "unsupported" }]);
    const marks = [...svg.matchAll(/class="mark" fill="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
    // The diamond on the chart and the one in its legend.
    expect(marks).toEqual([
      [markInk(VERDICT_COLORS.unsupported), "U"],
      [markInk(VERDICT_COLORS.unsupported), "U"],
    ]);
  });
});

describe("verdictsPresent", () => {
  it("lists each verdict shown once, in the order of the scale, and nothing when nothing is shown", () => {
    expect(verdictsPresent(["contradicted", "supported", "contradicted", "unrated", "partly_supported"])).toEqual(["supported", "partly_supported", "contradicted", "unrated"]);
    expect(verdictsPresent([])).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VERDICTS)), (shown) => {
        const present = verdictsPresent(shown);
        expect(new Set(present)).toEqual(new Set(shown));
        expect(present).toEqual(VERDICTS.filter((v) => present.includes(v)));
      }),
    );
  });

  it("lists, for the burn-up, the verdict each marker shows: a group's worst, as the printed legend does", () => {
    const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const mark = (id: string, date: string, verdict: Verdict): ClaimMark => ({ id, date, speaker: "Ann", verdict });
    const claims = [mark("a", "2024-06-01", "supported"), mark("b", "2024-06-03", "unsupported"), mark("c", "2024-11-01", "supported")];
    const groups = groupClaimMarks(claims, t("2024-01-07"), t("2024-12-29"), (t("2024-12-29") - t("2024-01-07")) / 40);
    // "supported" on 2024-06-01 shares a diamond with the worse "unsupported": both verdicts still show.
    expect(verdictsPresent(groups.map((g) => g.verdict))).toEqual(["supported", "unsupported"]);
    expect(groups.map((g) => VERDICT_LETTERS[g.verdict])).toEqual(["U", "S"]);
  });
});

describe("shortSpeaker", () => {
  it("keeps a short name whole and cuts a long one at a word, so speakers sharing a first word read apart", () => {
    expect(shortSpeaker("Microsoft Azure")).toBe("Microsoft Azure");
    expect(shortSpeaker("Azure CTO")).toBe("Azure CTO");
    expect(shortSpeaker("Microsoft Learn (Azure documentation)")).toBe("Microsoft Learn…");
    expect(shortSpeaker("Microsoft Learn (Azure documentation)")).not.toBe(shortSpeaker("Microsoft Azure"));
    expect(shortSpeaker("  Ann   Speaker ")).toBe("Ann Speaker");
    expect(shortSpeaker("Supercalifragilisticexpialidocious")).toBe("Supercalifragilis…");
    expect(shortSpeaker("Chief Technology Officer, Azure", 20)).toBe("Chief Technology…");
  });

  it("never runs past its length, and always begins the name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.integer({ min: 4, max: 30 }), (speaker, max) => {
        const short = shortSpeaker(speaker, max);
        const name = speaker.trim().replace(/\s+/g, " ");
        expect(short.length).toBeLessThanOrEqual(max);
        if (name.length <= max) expect(short).toBe(name);
        else {
          expect(short.endsWith("…")).toBe(true);
          expect(name.startsWith(short.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});

describe("placeClaimLabels", () => {
  const { pinHalf, gap, char } = CLAIM_LABEL_PX;
  /** The pixels a placed marker and its label (if drawn) take on its row. */
  const span = (at: number, label: string, pxPerDay: number, side: "left" | "right", labelled: boolean): [number, number] => {
    const x = at * pxPerDay;
    const text = labelled ? gap + label.length * char : 0;
    return side === "right" ? [x - pinHalf, x + pinHalf + text] : [x - pinHalf - text, x + pinHalf];
  };

  it("labels each of the demo's claims in three rows on a 600 px whole-program chart, the two eight days apart on different rows", () => {
    // The demo's seven claims on an axis from 2023-05-04 to 2026-03-01, 600 px wide.
    const days = (Date.parse("2026-03-01") - Date.parse("2023-05-04")) / 86_400_000;
    const dayOf = (d: string) => (Date.parse(d) - Date.parse("2023-05-04")) / 86_400_000;
    const marks = [
      ["2023-05-11", "Microsoft Azure"],
      ["2023-07-15", "Microsoft Azure"],
      ["2023-11-07", "Microsoft Learn (Azure documentation)"],
      ["2023-11-15", "Microsoft Azure"],
      ["2024-11-19", "Azure CTO"],
      ["2025-03-26", "Azure CTO"],
      ["2025-05-20", "Azure CTO"],
    ].map(([date, speaker]) => ({ at: dayOf(date!), label: shortSpeaker(speaker!) }));
    const slots = placeClaimLabels(marks, days, 600 / days);
    expect(slots.every((s) => s.labelled && s.row < 3)).toBe(true);
    // The two November 2023 claims, eight days apart, sit on different rows.
    expect(slots[2]!.row).not.toBe(slots[3]!.row);
  });

  it("puts a label before its marker only at the axis's end, where after it would be cut", () => {
    const slots = placeClaimLabels(
      [
        { at: 2, label: "Early speaker" },
        { at: 98, label: "Late speaker" },
      ],
      100,
      5,
    );
    expect(slots).toEqual([
      { row: 0, side: "right", labelled: true },
      { row: 0, side: "left", labelled: true },
    ]);
  });

  it("never draws a label over a marker or label placed before it on its row, nor past either end when there is room for it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 2000 }),
        fc.double({ min: 0.2, max: 14, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ minLength: 1, maxLength: 18 })), { maxLength: 15 }),
        fc.integer({ min: 1, max: 4 }),
        (days, pxPerDay, raw, rows) => {
          const marks = raw.map(([f, label]) => ({ at: f * days, label }));
          const slots = placeClaimLabels(marks, days, pxPerDay, rows);
          expect(slots).toHaveLength(marks.length);
          const placed = marks.map((m, i) => ({ ...m, ...slots[i]!, i, span: span(m.at, m.label, pxPerDay, slots[i]!.side, slots[i]!.labelled) }));
          for (const p of placed) {
            expect(p.row >= 0 && p.row < rows).toBe(true);
            const fitsRight = p.at * pxPerDay + pinHalf + gap + p.label.length * char <= days * pxPerDay;
            if (p.labelled && fitsRight) expect(p.side).toBe("right");
            if (p.labelled && p.side === "left") expect(p.span[0]).toBeGreaterThanOrEqual(0);
          }
          // Oldest first: a label is drawn only where nothing placed before it on its row is in the way.
          const order = [...placed].sort((a, b) => a.at - b.at || a.i - b.i);
          order.forEach((later, k) => {
            if (later.labelled) for (const earlier of order.slice(0, k)) if (earlier.row === later.row) expect(earlier.span[1]).toBeLessThanOrEqual(later.span[0]);
          });
        },
      ),
    );
  });
});
