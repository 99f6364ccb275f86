import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { domainAllowed, mapRole, parseRoleMap, parseSignInConfig } from "@/lib/auth/oidc-config";

const BASE = { OIDC_ISSUER: "https://login.example.org/tenant/v2.0", OIDC_CLIENT_ID: "tracker", OIDC_CLIENT_SECRET: "s3cret" };

describe("sign-in configuration", () => {
  it("is off without OIDC_ISSUER, password sign-in on", () => {
    expect(parseSignInConfig({})).toEqual({ oidc: null, localSignIn: true });
  });

  it("reads every setting", () => {
    const c = parseSignInConfig({
      ...BASE,
      PUBLIC_URL: "https://tracker.example.org",
      OIDC_ALLOWED_DOMAINS: "Example.org, @example.com",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ROLE_MAP: "admins=admin, reviewers=reviewer",
      OIDC_DEFAULT_ROLE: "contributor",
      OIDC_PROVIDER_NAME: "Contoso",
      OIDC_EMAIL_VERIFIED_CLAIM: " xms_edov ",
      LOCAL_SIGN_IN: "off",
    });
    expect(c).toEqual({
      localSignIn: false,
      oidc: {
        issuer: BASE.OIDC_ISSUER,
        clientId: "tracker",
        clientSecret: "s3cret",
        redirectUrl: "https://tracker.example.org/api/auth/oidc/callback",
        allowedDomains: ["example.org", "example.com"],
        roleClaim: "groups",
        roleMap: { admins: "admin", reviewers: "reviewer" },
        defaultRole: "contributor",
        providerName: "Contoso",
        emailVerifiedClaim: "xms_edov",
      },
    });
  });

  it("defaults: viewer, any domain, the redirect decided per request, a generic label", () => {
    const c = parseSignInConfig(BASE).oidc!;
    expect(c).toMatchObject({ redirectUrl: null, allowedDomains: [], roleClaim: null, roleMap: {}, defaultRole: "viewer", providerName: "single sign-on", emailVerifiedClaim: "email_verified" });
    expect(parseSignInConfig({ ...BASE, OIDC_REDIRECT_URL: "https://t.example.org/cb", PUBLIC_URL: "https://x.example.org" }).oidc!.redirectUrl).toBe(
      "https://t.example.org/cb",
    );
  });

  it("takes plain http only for a provider on this machine", () => {
    expect(parseSignInConfig({ ...BASE, OIDC_ISSUER: "http://127.0.0.1:4100" }).oidc!.issuer).toBe("http://127.0.0.1:4100");
    expect(parseSignInConfig({ ...BASE, OIDC_ISSUER: "http://localhost:4100/" }).oidc!.issuer).toBe("http://localhost:4100/");
  });

  it("refuses bad values with a one-line reason", () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ ...BASE, OIDC_ISSUER: "not a url" }, /^OIDC_ISSUER must be an absolute/],
      [{ ...BASE, OIDC_ISSUER: "ftp://x.example.org" }, /^OIDC_ISSUER must be an http/],
      [{ ...BASE, OIDC_ISSUER: "http://idp.example.org" }, /^OIDC_ISSUER must be https/],
      [{ ...BASE, OIDC_CLIENT_ID: "" }, /^OIDC_CLIENT_ID is required/],
      [{ ...BASE, OIDC_CLIENT_SECRET: " " }, /^OIDC_CLIENT_SECRET is required/],
      [{ ...BASE, OIDC_DEFAULT_ROLE: "owner" }, /^OIDC_DEFAULT_ROLE: "owner" is not a role/],
      [{ ...BASE, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "admins=root" }, /^OIDC_ROLE_MAP: "root" is not a role/],
      [{ ...BASE, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "admins" }, /^OIDC_ROLE_MAP: "admins" is not claim-value=role/],
      [{ ...BASE, OIDC_ROLE_MAP: "admins=admin" }, /^OIDC_ROLE_MAP needs OIDC_ROLE_CLAIM/],
      [{ ...BASE, OIDC_ALLOWED_DOMAINS: "exa mple.org" }, /^OIDC_ALLOWED_DOMAINS: "exa mple.org" is not a domain/],
      [{ ...BASE, OIDC_EMAIL_VERIFIED_CLAIM: "email verified" }, /^OIDC_EMAIL_VERIFIED_CLAIM must be a claim name, not "email verified"/],
      [{ ...BASE, LOCAL_SIGN_IN: "maybe" }, /^LOCAL_SIGN_IN must be on or off/],
      [{ LOCAL_SIGN_IN: "off" }, /^LOCAL_SIGN_IN=off needs single sign-on/],
    ];
    for (const [env, reason] of bad) {
      expect(() => parseSignInConfig(env), JSON.stringify(env)).toThrow(reason);
      try {
        parseSignInConfig(env);
      } catch (e) {
        expect((e as Error).message).not.toContain("\n");
      }
    }
  });
});

const role = fc.constantFrom(...ROLES);
const group = fc.string({ minLength: 1, maxLength: 8 }).filter((g) => !/[,=\s]/.test(g));

describe("role mapping", () => {
  it("picks the highest role among the matching groups, the default when none matches", () => {
    fc.assert(
      fc.property(fc.dictionary(group, role), fc.array(group, { maxLength: 6 }), role, (map, groups, fallback) => {
        const matched = groups.filter((g) => Object.hasOwn(map, g)).map((g) => map[g]!);
        const expected = matched.length ? matched.reduce<Role>((a, b) => (ROLES.indexOf(b) > ROLES.indexOf(a) ? b : a), matched[0]!) : fallback;
        expect(mapRole(groups, map, fallback)).toBe(expected);
        // The order of the groups does not matter.
        expect(mapRole([...groups].reverse(), map, fallback)).toBe(expected);
      }),
    );
  });

  it("reads a single string claim, ignores what is not a string, and never inherited keys", () => {
    const map = parseRoleMap("admins=admin,reviewers=reviewer");
    expect(mapRole("admins", map, "viewer")).toBe("admin");
    expect(mapRole([1, null, "reviewers"], map, "viewer")).toBe("reviewer");
    expect(mapRole(undefined, map, "contributor")).toBe("contributor");
    expect(mapRole(["toString", "__proto__", "constructor"], map, "viewer")).toBe("viewer");
  });

  it("parses back what it is written from", () => {
    fc.assert(
      fc.property(fc.dictionary(group, role), (map) => {
        const text = Object.entries(map)
          .map(([g, r]) => `${g}=${r}`)
          .join(",");
        expect({ ...parseRoleMap(text) }).toEqual({ ...map });
      }),
    );
  });
});

const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const domain = fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join("."));

describe("allowed domains", () => {
  it("accept an e-mail of an allowed domain whatever its case", () => {
    fc.assert(
      fc.property(label, domain, fc.array(domain), fc.boolean(), (local, d, others, upper) => {
        const email = `${local}@${upper ? d.toUpperCase() : d}`;
        expect(domainAllowed(email, [...others, d])).toBe(true);
      }),
    );
  });

  it("are exact: a subdomain, a suffix or a prefix is another domain", () => {
    fc.assert(
      fc.property(label, domain, label, (local, d, extra) => {
        expect(domainAllowed(`${local}@${extra}.${d}`, [d])).toBe(false);
        expect(domainAllowed(`${local}@${extra}${d}`, [d])).toBe(false);
        expect(domainAllowed(`${local}@${d}.${extra}`, [d])).toBe(false);
      }),
    );
    expect(domainAllowed("eve@example.org@evil.test", ["example.org"])).toBe(false);
    expect(domainAllowed("no-at-sign", ["example.org"])).toBe(false);
  });

  it("allow any domain when none is configured", () => {
    expect(domainAllowed("anyone@anywhere.test", [])).toBe(true);
  });
});
