// Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. `npm run bench -- --cpu-prof`, which
// writes bench/tmp/prof-<size>/): the functions with the most self time, and the project's own
// functions (paths under app/, lib/, db/, components/) with the most inclusive time.
//
//   node bench/summarize-cpuprofile.mjs bench/tmp/prof-10000/CPU.*.cpuprofile [--top 25]
import fs from "node:fs";

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const files = args.filter((a, i) => a !== "--top" && i !== topIndex + 1);
if (files.length === 0) {
  console.error("usage: node bench/summarize-cpuprofile.mjs <file.cpuprofile>... [--top N]");
  process.exit(2);
}

const self = new Map();
const inclusive = new Map();
let total = 0;
const PROJECT = /\/(app|lib|db|components)\/[^/]+/;

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${f.url.replace(/^file:\/\//, "").replace(/.*\/(\.next|node_modules)\//, "$1/")}:${f.lineNumber + 1}` : "";
    return `${f.functionName || "(anonymous)"} ${where}`.trim();
  };
  const hits = new Map();
  profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  for (const [id, ms] of hits) {
    total += ms;
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = label(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
}

const print = (title, map, filter = () => true) => {
  console.log(`\n${title}`);
  [...map.entries()]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, ms]) => console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`));
};
console.log(`${files.length} profile(s), ${total.toFixed(0)} ms sampled`);
print("self time (all code):", self, (k) => !k.startsWith("(idle)") && !k.startsWith("(program)"));
print("inclusive time, the project's own code (source-mapped names only when the build keeps them):", inclusive, (k) => PROJECT.test(k) || /\.next\/server\/chunks\//.test(k));
