// The node options the server runs with, shared by `npm start` and `npm run bench` so that the
// benchmark measures the server as it is started. A bounded heap: measured at 10,000 items the
// server stays under 1 GiB with it and is as fast (V8 otherwise lets the garbage of cache rebuilds
// grow past it). A young generation of 32 MiB a half (16 by default): every request's garbage dies
// young, and under ten readers and a writer at 10,000 items the smaller one spent the one thread on
// scavenges — one bench run each: 299 -> 459 writes, POST p50 28.8 -> 18.0 ms, readers' p99
// 256 -> 148 ms, for 47 MiB more at the peak (64 MiB gave no more and cost 100 MiB).
export const SERVER_NODE_OPTIONS = "--max-old-space-size=768 --max-semi-space-size=32";
