/** Which component globs may be saved and matched: none may make matching a path slow. */
import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { matchesPath, normalisePath, pathMatcher, splitComponents, unsafeGlobReason } from "@/lib/artefacts/components-match";
import { componentsSchema } from "@/lib/validations/components-input";
import { tinyValidBundle } from "../support/bundle-arbitrary";
import { bundleRefusal, validBundle } from "../support/bundle-validation";
import { DEMO_COMPONENTS } from "@/db/seed/demo-components";

const STARS = "may hold at most one * per path segment (besides a ** segment)";

// The glob and path a security review used: 124 s for a 60-character path before the rule.
const ATTACK_GLOB = "*a*a*a*a*a*a*a*a*b";

// Matching is synchronous, so a slow match blocks the test; vitest still fails a test that ran
// longer than its timeout. 5 s instead of the project's 30 s: a guard, not a measurement.
const GUARD = 5_000;

/** Paths of the longest length the matcher reads (and one longer, which it skips), shaped to make a backtracking regex try hard. */
const ADVERSARIAL_PATHS = [
  "a".repeat(1024),
  "a".repeat(1023) + "/",
  "a/".repeat(512),
  "a/".repeat(511) + "..",
  "a/".repeat(511) + "b",
  "aaaaaaa/".repeat(128),
  "a".repeat(2000),
];

/** Globs built from the pieces that matter to picomatch's regular expressions, safe or not; mostly `a` and `*`, the stuff of backtracking. */
const globArb = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom("a", "*"), weight: 6 },
      { arbitrary: fc.constantFrom("b", ".", "..", "/", "**", "?", "[a]", "[a/]", "{a,a}", "{a,/}", "{", "}", ",", "+", "!", "(", ")", "|"), weight: 4 },
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((pieces) => pieces.join(""));

describe("unsafeGlobReason", () => {
  it("accepts the globs the documentation, the tests and the demo program use", () => {
    const demo = Object.values(DEMO_COMPONENTS).flatMap((c) => splitComponents(c).globs);
    expect(demo.length).toBeGreaterThan(0);
    const documented = ["vm/devices/net/**", "vm/devices/net/*", "vm/devices/net", "**/vm/devices/net/**", "vm/**/*.rs", "*.rs", "src?", "[ab]", "{x,y}", "src/{a,b}.rs", "src/[ab].rs", "./vm/**", ".\\vm\\net\\**", "c++/**", "underhill_core/src"];
    for (const glob of [...demo, ...documented]) expect(unsafeGlobReason(glob), glob).toBeNull();
  });

  it("refuses more than one * in a path segment, wherever a class or brace group could hide the /", () => {
    for (const glob of [ATTACK_GLOB, "src/*a*", "**a", "vm/**.rs", "*[a/]*", "{*.rs,*.toml}", "*{a,/}*"]) {
      expect(unsafeGlobReason(glob), glob).toBe(STARS);
    }
  });

  it("refuses a third ** and a second one that is not the last segment", () => {
    expect(unsafeGlobReason("**/a/**/b/**")).toBe("may hold at most two ** segments");
    expect(unsafeGlobReason("**/src/**/*.rs")).toBe("may hold a second ** segment only as its last segment");
  });

  it("refuses what picomatch hands to the regular expression as it is: groups, |, and + after ] or }", () => {
    for (const glob of ["+(a|aa)", "*(a)", "@(a)/**", "src/(x)", "a|b", "{a|b,c}"]) expect(unsafeGlobReason(glob), glob).toBe('must not hold "(", ")" or "|"');
    for (const glob of ["{a,aa}+", "[a]+"]) expect(unsafeGlobReason(glob), glob).toBe('must not hold "+" right after "]" or "}"');
    expect(unsafeGlobReason("a+/**")).toBeNull();
  });

  it("refuses a second {…} group and a group of more than 8 alternatives", () => {
    expect(unsafeGlobReason("{a,b}/{c,d}/**")).toBe("may hold at most one {…} group");
    expect(unsafeGlobReason("src/{a,b,c,d,e,f,g,h}/**")).toBeNull();
    expect(unsafeGlobReason("src/{a,b,c,d,e,f,g,h,i}/**")).toBe("may list at most 8 alternatives in its {…} group");
  });

  it("any glob it accepts matches the longest adversarial paths without backtracking for long", { timeout: GUARD }, () => {
    fc.assert(
      fc.property(
        globArb.filter((g) => unsafeGlobReason(g) === null),
        (glob) => {
          const matches = pathMatcher([glob]);
          for (const path of ADVERSARIAL_PATHS) matches(path);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("any glob it accepts matches as picomatch does, dotfiles included, once both are normalised", () => {
    const pathArb = fc.array(fc.constantFrom("a", "b", ".", "/", ".."), { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(
      fc.property(
        globArb.filter((g) => unsafeGlobReason(g) === null && normalisePath(g) !== ""),
        pathArb,
        (glob, path) => {
          expect(matchesPath([glob], path)).toBe(picomatch(normalisePath(glob), { dot: true })(normalisePath(path)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("pathMatcher against unsafe globs and long paths", () => {
  it("ignores a glob saved before the rule and still honours the good ones beside it", { timeout: GUARD }, () => {
    const matches = pathMatcher([ATTACK_GLOB, "vm/**", "+(a|aa)+b"]);
    expect(matches("a".repeat(200))).toBe(false);
    expect(matches("a".repeat(59) + "b")).toBe(false);
    expect(matches("vm/devices/net/lib.rs")).toBe(true);
  });

  // Compiled, each of these takes from a tenth of a second (two `**`, per path) to years on its path.
  it.each([
    [ATTACK_GLOB, "a".repeat(200)],
    ["*[a/]*[a/]*[a/]*[a/]*b", "a".repeat(200)],
    ["(a|aa)+b", "a".repeat(100)],
    ["{a,aa}+b", "a".repeat(100)],
    ["**/" + "*/".repeat(10) + "**/" + "*/".repeat(100) + "b", "a/".repeat(512)],
  ])("ignores %s", { timeout: GUARD }, (glob, path) => {
    expect(unsafeGlobReason(glob)).not.toBeNull();
    expect(pathMatcher([glob])(path)).toBe(false);
  });

  it("never matches a path longer than 1,024 characters, and a glob of nothing matches nothing", () => {
    expect(matchesPath(["**"], "a".repeat(1024))).toBe(true);
    expect(matchesPath(["**"], "a".repeat(1025))).toBe(false);
    expect(matchesPath(["vm/**"], `vm/${"a/".repeat(600)}lib.rs`)).toBe(false);
    expect(matchesPath(["./", "vm/**"], "vm/lib.rs")).toBe(true);
    expect(matchesPath(["./"], "vm/lib.rs")).toBe(false);
  });
});

describe("componentsSchema", () => {
  it("refuses an unsafe path glob at its index, with the reason", () => {
    const result = componentsSchema.safeParse(["vm/**", ATTACK_GLOB, "underhill_core"]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: [1], message: STARS }]);
  });

  it("keeps safe globs and names, and does not read a name as a glob", () => {
    expect(componentsSchema.parse(["vm/devices/net/**", "**/vm/devices/net/**", "underhill_core", "crash(mod)"])).toEqual([
      "vm/devices/net/**",
      "**/vm/devices/net/**",
      "underhill_core",
      "crash(mod)",
    ]);
  });
});

describe("a bundle's components", () => {
  it("are read with the same schema: an unsafe glob refuses the import, with its path and reason", () => {
    const bundle = tinyValidBundle();
    bundle.items[0]!.components = ["vm/**", ATTACK_GLOB];
    expect(bundleRefusal(bundle).errors).toEqual([{ path: "items[0].components[1]", message: STARS }]);
    bundle.items[0]!.components = ["vm/**", "**/vm/net/**"];
    expect(validBundle(bundle).items[0]!.components).toEqual(["vm/**", "**/vm/net/**"]);
  });
});
