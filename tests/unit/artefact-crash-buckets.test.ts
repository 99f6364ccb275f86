/**
 * A crash-bucket CSV read into open buckets and registered owners per item. Measured on
 * 2024-12-31 (start of the day, UTC), so "30 days before" is 2024-12-01.
 */
import { describe, expect, it } from "vitest";
import { crashFigures, isOpenAt, parseCrashBuckets } from "@/lib/artefacts/crash-buckets";

const MEASURED = Date.UTC(2024, 11, 31);
const DAY = 86_400_000;

const CSV = `Bucket, Module ,Owner,Hits,FirstSeen,LastSeen,Notes
NET-A,net_backend,alice,10,2024-10-01,2024-12-01,seen exactly 30 days before
NET-B,net_backend,,3,2024-10-01,2024-11-30,31 days before: closed
CORE-A,underhill_core,,7,2024-12-20,2024-12-30,
CORE-B,underhill_core,bob,1,2024-12-01T00:00:00Z,2024-12-25T10:00:00Z,
OLD-A,quiet_mod,carol,2,2024-01-01,2024-06-01,
ORPH-A,orphan_mod,dave,5,2024-12-10,2024-12-11,
ORPH-B,chipset,,1,2024-12-10,2024-12-11,
`;

const ITEMS = [
  { key: "NET-01", components: ["vm/devices/net/**", "net_backend"] },
  { key: "CORE-01", components: ["underhill_core"] },
  { key: "QUIET-01", components: ["quiet_mod"] },
  { key: "NONE-01", components: ["never_crashes", "docs/**"] },
];

describe("parseCrashBuckets", () => {
  it("reads the six columns in any order and case, trimmed, ignoring the others; an empty owner is nobody", () => {
    const csv = " lastseen ,BUCKET,module,hits,OWNER,firstSeen,extra\n2024-12-02, B-1 ,net_backend,4, ,2024-11-01,x\n";
    expect(parseCrashBuckets(csv)).toEqual([
      { bucket: "B-1", module: "net_backend", owner: null, hits: 4, firstSeen: Date.UTC(2024, 10, 1), lastSeen: Date.UTC(2024, 11, 2) + DAY - 1 },
    ]);
  });

  it("takes a bare first date at its start and a bare last date at its end; instants as written", () => {
    const [core] = parseCrashBuckets(CSV).filter((b) => b.bucket === "CORE-B");
    expect(core.firstSeen).toBe(Date.UTC(2024, 11, 1));
    expect(core.lastSeen).toBe(Date.UTC(2024, 11, 25, 10));
  });

  it("reads a header with no rows as no bucket", () => {
    expect(parseCrashBuckets("bucket,module,owner,hits,firstSeen,lastSeen\n")).toEqual([]);
  });
});

describe("parseCrashBuckets refuses a malformed file, naming the line", () => {
  const HEADER = "bucket,module,owner,hits,firstSeen,lastSeen";
  const cases: [string, string, RegExp][] = [
    ["a missing column", "bucket,module,hits,firstSeen,lastSeen\nB-1,m,1,2024-12-01,2024-12-02\n", /at line 1: the header has no owner column/],
    ["no header row", "B-1,net_backend,alice,10,2024-10-01,2024-12-01\n", /at line 1: the header has no bucket column/],
    ["a column named twice", `${HEADER},Owner\n`, /at line 1: the header names owner twice/],
    ["hits that are not a number", `${HEADER}\nB-1,m,a,1,2024-12-01,2024-12-02\nB-2,m,a,lots,2024-12-01,2024-12-02\n`, /at line 3: bucket B-2: hits "lots" is not a whole number/],
    ["a negative hit count", `${HEADER}\nB-1,m,a,-1,2024-12-01,2024-12-02\n`, /at line 2: bucket B-1: hits "-1"/],
    ["a day that does not exist", `${HEADER}\nB-1,m,a,1,2024-02-30,2024-12-02\n`, /at line 2: bucket B-1: firstSeen "2024-02-30" is not a date/],
    ["a date in another format", `${HEADER}\nB-1,m,a,1,2024-12-01,12/02/2024\n`, /at line 2: bucket B-1: lastSeen "12\/02\/2024" is not a date/],
    ["last seen before first seen", `${HEADER}\nB-1,m,a,1,2024-12-05,2024-12-02\n`, /at line 2: bucket B-1 was last seen before it was first seen/],
    ["a row with a cell too few", `${HEADER}\nB-1,m,a,1,2024-12-01,2024-12-02\n\nB-2,m,1,2024-12-01,2024-12-02\n`, /at line 4: this row has a different number of cells than the header/],
    [
      "a quote never closed, named on the row where it opens",
      `${HEADER}\nB-1,m,a,1,2024-12-01,2024-12-02\n\nB-2,m,"a,1,2024-12-01,2024-12-02\nB-3,m,a,1,2024-12-01,2024-12-02\n`,
      /at line 4: a quoted cell on this row is never closed/,
    ],
    ["an empty bucket", `${HEADER}\n,m,a,1,2024-12-01,2024-12-02\n`, /at line 2: the bucket cell is empty/],
    ["an empty module", `${HEADER}\nB-1,,a,1,2024-12-01,2024-12-02\n`, /at line 2: bucket B-1 names no module/],
    ["a bucket listed twice", `${HEADER}\nB-1,m,a,1,2024-12-01,2024-12-02\nB-1,n,a,1,2024-12-01,2024-12-02\n`, /at line 3: bucket B-1 is listed again/],
  ];

  it.each(cases)("%s", (_name, csv, message) => {
    expect(() => parseCrashBuckets(csv)).toThrow(message);
  });

  it("refuses an empty file as a whole", () => {
    expect(() => parseCrashBuckets("\n\n")).toThrow("this crash-bucket CSV cannot be read: it is empty: the first row must be the header");
  });
});

describe("isOpenAt: the 30-day window includes both its edges", () => {
  const bucket = (firstSeen: number, lastSeen: number) => ({ bucket: "B", module: "m", owner: null, hits: 1, firstSeen, lastSeen });
  const at = Date.UTC(2024, 11, 31, 12);

  it("counts a bucket last seen exactly 30 days before, not a millisecond earlier", () => {
    expect(isOpenAt(bucket(0, at - 30 * DAY), at)).toBe(true);
    expect(isOpenAt(bucket(0, at - 30 * DAY - 1), at)).toBe(false);
    expect(isOpenAt(bucket(0, at - 31 * DAY), at)).toBe(false);
    expect(isOpenAt(bucket(0, at), at)).toBe(true);
  });

  it("counts a bucket still seen after the measurement, not one first seen after it", () => {
    expect(isOpenAt(bucket(at - DAY, at + 5 * DAY), at)).toBe(true);
    expect(isOpenAt(bucket(at, at), at)).toBe(true);
    expect(isOpenAt(bucket(at + 1, at + DAY), at)).toBe(false);
  });
});

describe("crashFigures", () => {
  const result = crashFigures(parseCrashBuckets(CSV), ITEMS, MEASURED);
  const figure = (key: string, metric: string) => result.figures.find((f) => f.key === key && f.metric === metric);

  it("counts a bucket last seen on the day 30 days before, and not one seen the day before that", () => {
    expect(figure("NET-01", "open_crash_buckets")).toEqual({
      key: "NET-01",
      metric: "open_crash_buckets",
      value: 1,
      detail: "1 bucket seen in the 30 days to 2024-12-31, of 2 for its modules",
    });
    // NET-B has no owner, but it is closed: it does not count against the owner rule.
    expect(figure("NET-01", "crash_owner_registered")).toMatchObject({ value: 1, detail: "the open bucket has an owner" });
  });

  it("reads a bare last date as the whole day, so measuring at the end of a day keeps the day 30 days before", () => {
    const endOfDay = crashFigures(parseCrashBuckets(CSV), ITEMS, MEASURED + DAY - 1);
    expect(endOfDay.figures.find((f) => f.key === "NET-01" && f.metric === "open_crash_buckets")?.value).toBe(1);
  });

  it("registers owners only when every open bucket has one, and names those without", () => {
    expect(figure("CORE-01", "open_crash_buckets")?.value).toBe(2);
    expect(figure("CORE-01", "crash_owner_registered")).toMatchObject({ value: 0, detail: "1 of 2 open buckets without an owner: CORE-A" });
  });

  it("gives an item whose buckets are all old no open bucket and a registered owner", () => {
    expect(figure("QUIET-01", "open_crash_buckets")).toMatchObject({ value: 0, detail: "no bucket seen in the 30 days to 2024-12-31 (1 bucket for its modules)" });
    expect(figure("QUIET-01", "crash_owner_registered")?.value).toBe(1);
  });

  it("gives no figure to an item no bucket names, and lists the modules no item names", () => {
    expect(result.figures.filter((f) => f.key === "NONE-01")).toEqual([]);
    expect(result.unmapped).toEqual(["chipset", "orphan_mod"]);
    expect(result.figures).toHaveLength(6);
  });

  it("lists at most five buckets without an owner, then says how many more", () => {
    const rows = Array.from({ length: 7 }, (_, i) => `U-${i + 1},net_backend,,1,2024-12-20,2024-12-30`).join("\n");
    const many = crashFigures(parseCrashBuckets(`bucket,module,owner,hits,firstSeen,lastSeen\n${rows}\nO-1,net_backend,erin,1,2024-12-20,2024-12-30\n`), ITEMS, MEASURED);
    expect(many.figures.find((f) => f.metric === "crash_owner_registered")?.detail).toBe(
      "7 of 8 open buckets without an owner: U-1, U-2, U-3, U-4, U-5 and 2 more",
    );
  });

  it("matches module names exactly, never by a path glob or another case", () => {
    const csv = "bucket,module,owner,hits,firstSeen,lastSeen\nX-1,Net_Backend,a,1,2024-12-20,2024-12-30\nX-2,vm/devices/net/x,a,1,2024-12-20,2024-12-30\n";
    const r = crashFigures(parseCrashBuckets(csv), ITEMS, MEASURED);
    expect(r.figures).toEqual([]);
    expect(r.unmapped).toEqual(["Net_Backend", "vm/devices/net/x"]);
  });
});
