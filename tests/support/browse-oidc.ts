/**
 * A browser reduced to what single sign-on needs, over fetch: cookies per origin (name → value;
 * expired ones dropped), redirects followed by hand, and the local provider's login and consent
 * forms submitted as a person would.
 */
export class CookieBrowser {
  private jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const o = new URL(origin).origin;
    if (!this.jars.has(o)) this.jars.set(o, new Map());
    this.jars.get(o)!.set(name, value);
  }

  /** One request, no redirect followed; cookies sent and kept. */
  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (gone || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` until an answer that is not one; every step's URL is returned. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}, stopAt?: (url: string) => boolean) {
    const steps: string[] = [url];
    let res = await this.fetch(url, init);
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location")!, steps.at(-1)).href;
      steps.push(next);
      if (stopAt?.(next)) return { res, url: next, steps, stopped: true };
      res = await this.fetch(next);
    }
    return { res, url: steps.at(-1)!, steps, stopped: false };
  }
}

/** The action of the page's only form (the provider's login and consent pages have one each). */
export function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}:\n${html.slice(0, 500)}`);
  return new URL(action.replace(/&amp;/g, "&"), pageUrl).href;
}

/**
 * Signs `login` in at the provider, from the tracker's start route to the tracker's answer to the
 * callback (not followed): its status and Location, and the provider's pages seen on the way.
 */
export async function signInThroughProvider(
  browser: CookieBrowser,
  appBase: string,
  login: string,
  start = "/api/auth/oidc/start",
  /** Changes the provider's callback URL (or the browser's cookies) before the tracker is given it. */
  beforeCallback: (callbackUrl: string) => string = (u) => u,
) {
  const callback = (u: string) => u.startsWith(`${appBase}/api/auth/oidc/callback`);
  let step = await browser.follow(`${appBase}${start}`, {}, callback);
  const pages: string[] = [];
  for (let i = 0; i < 4 && !step.stopped; i++) {
    const html = await step.res.text();
    if (!/name="prompt" value="(login|consent)"/.test(html)) throw new Error(`not a provider page at ${step.url} (${step.res.status}):\n${html.slice(0, 800)}`);
    const prompt = /name="prompt" value="(login|consent)"/.exec(html)![1]!;
    pages.push(prompt);
    const form: Record<string, string> = prompt === "login" ? { prompt, login, password: "any password" } : { prompt };
    step = await browser.follow(formAction(html, step.url), { method: "POST", form }, callback);
  }
  if (!step.stopped) throw new Error("the provider never sent the person back to the tracker");
  const callbackUrl = beforeCallback(step.url);
  const answer = await browser.fetch(callbackUrl);
  return { callbackUrl, status: answer.status, location: answer.headers.get("location"), pages };
}
