// The writer of `npm run bench`'s "10 readers + 1 writer": its own process, as a person reporting
// transitions is another client than the readers. In the bench's process its requests would wait
// behind autocannon's parsing of every reader's answer, and the figure would be the client's.
//
//   echo '{"base":…, "slug":…, "token":…, "keys":[…], "seconds":10}' | node bench/load-writer.mjs
// (10,000 keys are too long for one argument) prints `{ accepted: [ids], failures: { status: n }, times: [ms] }`.
let job = "";
for await (const chunk of process.stdin) job += chunk;
const { base, slug, token, keys, seconds } = JSON.parse(job);
const accepted = [];
const failures = {};
const times = [];
const until = Date.now() + seconds * 1000;
// One request at a time, on successive items, while the readers run; the last one is allowed to
// finish (and counted) even when that is after they stopped.
for (let i = 0; Date.now() < until; i++) {
  const key = keys[(i * 7919 + 13) % keys.length];
  const started = performance.now();
  try {
    const r = await fetch(`${base}/api/programs/${slug}/items/${encodeURIComponent(key)}/transitions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ to: "design", note: "Bench: reopened for review." }),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await r.text();
    times.push(performance.now() - started);
    if (r.status === 201) accepted.push(String(JSON.parse(text).id));
    else failures[r.status] = (failures[r.status] ?? 0) + 1;
  } catch (e) {
    failures[e.name] = (failures[e.name] ?? 0) + 1;
  }
}
process.stdout.write(JSON.stringify({ accepted, failures, times }));
