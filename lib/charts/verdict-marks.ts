import { VERDICTS, type Verdict } from "../claims/claim-verdict";

/**
 * The letter a claim marker carries, so a verdict reads without its colour (on paper in greyscale
 * too, and for a reader who cannot tell the hues apart); a legend names it in words.
 */
export const VERDICT_LETTERS: Record<Verdict, string> = {
  supported: "S",
  mostly_supported: "M",
  partly_supported: "P",
  unsupported: "U",
  contradicted: "C",
  unrated: "?",
};

/** Relative luminance (WCAG 2) of a #rrggbb or #rgb colour. */
export function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join("")}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two colours (#rrggbb or #rgb), from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

export const DARK_INK = "#0f172a";
export const LIGHT_INK = "#fff";

/** The colour of a letter on a marker filled with `fill`: dark or white, whichever contrasts more. */
export function markInk(fill: string): string {
  return contrastRatio(fill, DARK_INK) >= contrastRatio(fill, LIGHT_INK) ? DARK_INK : LIGHT_INK;
}

/** The verdicts among `shown`, once each, in the order of the scale (supported first): what a legend lists. */
export function verdictsPresent(shown: Iterable<Verdict>): Verdict[] {
  const seen = new Set(shown);
  return VERDICTS.filter((v) => seen.has(v));
}
