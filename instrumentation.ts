/**
 * Next calls register() once per server, before the first request. Everything it does needs
 * Node.js; the import sits behind the runtime test so that the Edge build leaves it out.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).registerNode();
}
