import { z } from "zod";
import { bundleSchema } from "../bundle/bundle-schema";
import { itemQuerySchema } from "../items/item-query";
import { ingestInputSchema } from "../validations/ingest-input";
import { itemCreateSchema, itemEditSchema, signalInputSchema } from "../validations/item-input";
import { commentEditSchema, commentInputSchema } from "../validations/comment-input";
import { listLimitSchema } from "../validations/list-limit-query";
import { programCreateSchema, programEditSchema } from "../validations/program-input";
import { reportActionInputSchema } from "../validations/report-action-input";
import { feedInputSchema, subscriptionEditSchema, subscriptionInputSchema } from "../validations/subscription-input";
import { dependencyInputSchema, rejectionInputSchema, transitionInputSchema, verificationInputSchema } from "../validations/transition-input";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const problem = {
  description: "RFC 9457 problem",
  content: {
    "application/problem+json": {
      schema: {
        type: "object",
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          instance: { type: "string" },
          errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
        },
      },
    },
  },
};
const errors = {
  "400": problem,
  "401": problem,
  "403": problem,
  "404": problem,
  "409": problem,
  "413": problem,
  "422": problem,
};
/** A POST that takes nothing but its path: no query, and no body or `{}`; 415 for a body that is not JSON. */
const noInput = { requestBody: { required: false, content: { "application/json": { schema: json(reportActionInputSchema) } } } };
const ok = (description: string) => ({ description, content: { "application/json": { schema: {} } } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const dateParam = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string", examples: ["2024-12-31", "2024-12-31T12:00:00Z"] },
});
const asOf = [
  dateParam("asOf", "effective time; a bare date means the end of that day (default: now)"),
  dateParam("knownAt", "record time; only records known by then count (default: now)"),
];
const path = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const slug = path("slug");

function itemQueryParameters() {
  const schema = json(itemQuerySchema) as { properties: Record<string, object> };
  return Object.entries(schema.properties).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
}

const COMMENT = "{ id, program, item, claim, byName, byHandle, mine, createdAt, editedAt, deletedAt, body, mentions: [{ handle, name }], version, link }";
const COMMENT_LIST = `[${COMMENT}]`;
const COMMENT_POST =
  "Write a comment (contributor and up): plain text up to 5000 characters; http(s) URLs are links, @handle (the part of an e-mail before the @) mentions the one person with that handle whose account can sign in";

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with. */
export function buildOpenApi() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Boost Offload Tracker API",
      version: "1",
      description:
        "Evidence-backed status of an offload-migration program. Authenticate with `Authorization: Bearer <token>` " +
        "(`npm run tracker -- token create --email E`). Errors are application/problem+json.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths: {
      "/api/health": { get: { security: [], summary: "Liveness", responses: { "200": ok("{ ok: true }") } } },
      "/api/auth/oidc/start": {
        get: {
          security: [],
          summary: "Single sign-on: a 303 to the identity provider (a browser's door, not automation's)",
          parameters: [{ name: "next", in: "query", required: false, description: "a path of this site to land on", schema: { type: "string" } }],
          responses: { "303": { description: "to the provider, or to /sign-in?sso=<problem> when sign-on is off or the provider is down" } },
        },
      },
      "/api/auth/oidc/callback": {
        get: {
          security: [],
          summary: "Single sign-on: where the identity provider sends the person back; opens the session",
          responses: { "303": { description: "to the page asked for, signed in; or to /sign-in?sso=<problem>" } },
        },
      },
      "/api/programs": {
        get: { summary: "List programs", responses: { "200": ok("programs"), ...errors } },
        post: { summary: "Create an empty program (admin)", requestBody: body(programCreateSchema), responses: { "201": ok("created"), ...errors } },
      },
      "/api/programs/import": {
        post: {
          summary: "Import a program bundle, all or nothing (admin)",
          parameters: [
            { name: "dryRun", in: "query", required: false, schema: { type: "string", enum: ["1", "0"] } },
            {
              name: "slug",
              in: "query",
              required: false,
              description: "import the program under this slug instead of the bundle's (a 409 for a slug in use suggests a free one as suggestedSlug)",
              schema: { type: "string" },
            },
          ],
          requestBody: body(bundleSchema),
          responses: { "200": ok("dry-run summary"), "201": ok("imported"), ...errors },
        },
      },
      "/api/programs/{slug}": {
        get: { summary: "Program settings (ETag = version)", parameters: [slug], responses: { "200": ok("program"), ...errors } },
        patch: {
          summary: "Edit a program (admin); send If-Match or version",
          parameters: [slug],
          requestBody: body(programEditSchema),
          responses: { "200": ok("new version"), ...errors },
        },
      },
      "/api/programs/{slug}/bundle": { get: { summary: "Export the program bundle", parameters: [slug], responses: { "200": ok("bundle"), ...errors } } },
      "/api/programs/{slug}/items": {
        get: {
          summary: "Items with true and reported status; filters, sort, search, fields",
          description:
            "One page: 100 items unless limit says otherwise (at most 1000). X-Total-Count is the number of matching items; the Link header (RFC 8288) gives the first, prev, next and last pages, each with the date and moment of knowledge of this page pinned. The CSV (items.csv) holds every matching item. A key picker asks search=…&fields=key,title&limit=20.",
          parameters: [slug, ...itemQueryParameters()],
          responses: { "200": ok("items"), ...errors },
        },
        post: {
          summary: "Add an item (admin): it enters the program on identifiedAt (today unless given), not started; 409 when the key is taken; add its dependencies afterwards",
          parameters: [slug],
          requestBody: body(itemCreateSchema),
          responses: { "201": ok("{ key, version }, Location: the item"), ...errors },
        },
      },
      "/api/programs/{slug}/items/{key}": {
        get: { summary: "One item with history, evidence, verifications and rejections (as known at knownAt), dependencies, dependents, signals; each evidence file as `artefact: { name, sha256, size }` and a JUnit test report's totals as `junit`; who acted (`by`) is an e-mail for admins and a name for everyone else", parameters: [slug, path("key"), ...asOf], responses: { "200": ok("item"), ...errors } },
        patch: { summary: "Edit an item (contributor); send If-Match or version", parameters: [slug, path("key")], requestBody: body(itemEditSchema), responses: { "200": ok("new version"), ...errors } },
      },
      "/api/programs/{slug}/items/{key}/transitions": {
        post: { summary: "Report a transition with evidence (contributor); each piece has a URL, a file (`artefact: { name, content | contentBase64 }`, at most 10 MiB, else 413) or both; 422 names missing evidence", parameters: [slug, path("key")], requestBody: body(transitionInputSchema), responses: { "201": ok("transition"), ...errors } },
      },
      "/api/programs/{slug}/transitions/{id}/verify": {
        post: {
          summary: "Verify a transition (reviewer), with an optional note; 422 when four eyes fails; 409 when already verified or rejected",
          parameters: [slug, path("id")],
          requestBody: body(verificationInputSchema),
          responses: { "201": ok("verification"), ...errors },
        },
      },
      "/api/programs/{slug}/items/{key}/transitions/{id}/reject": {
        post: {
          summary:
            "Reject a transition of the item (reviewer; the same four-eyes rule as verifying, 422 when it fails) with a required reason; " +
            "409 when already verified or rejected. A rejected transition stays reported but never raises the true status (DESIGN §13)",
          parameters: [slug, path("key"), path("id")],
          requestBody: body(rejectionInputSchema),
          responses: { "201": ok("{ id, transition, item, to, rejectedBy, rejectedAt, reason }"), ...errors },
        },
      },
      "/api/programs/{slug}/items/{key}/dependencies": {
        post: { summary: "Add a dependency (contributor); 422 names the cycle", parameters: [slug, path("key")], requestBody: body(dependencyInputSchema), responses: { "201": ok("dependency"), ...errors } },
      },
      "/api/programs/{slug}/items/{key}/dependencies/{dependsOn}": {
        delete: { summary: "Remove a dependency (contributor)", parameters: [slug, path("key"), path("dependsOn")], responses: { "204": { description: "removed" }, ...errors } },
      },
      "/api/programs/{slug}/items/{key}/signals": {
        post: { summary: "Record a signal (contributor)", parameters: [slug, path("key")], requestBody: body(signalInputSchema), responses: { "201": ok("signal"), ...errors } },
      },
      "/api/programs/{slug}/ingest/{kind}": {
        post: {
          summary:
            "Read an artefact into per-item signals (contributor): kind coverage (LCOV or Cobertura XML), cargo (Cargo.lock, with cargo-vet's config.toml, audits.toml, imports.lock) or crashes (CSV). The body is this JSON, multipart form data (file parts and a measuredAt field; bearer tokens only) or the file itself (?name=, ?measuredAt=). Each file at most 10 MiB; dryRun=1 reads and writes nothing",
          parameters: [
            slug,
            { name: "kind", in: "path", required: true, schema: { type: "string", enum: ["coverage", "cargo", "crashes"] } },
            ...["dryRun", "name", "measuredAt"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
          ],
          requestBody: body(ingestInputSchema),
          responses: {
            "201": ok("{ program, kind, dryRun, tool, files: [{ name, sha256, size }], measuredAt, figures: [{ item, metric, value, detail }], unmapped, notes, source }"),
            "200": ok("the same, for a dry run (source: null)"),
            ...errors,
          },
        },
      },
      "/api/programs/{slug}/artefacts/{sha256}": {
        get: {
          summary: "An ingested artefact's bytes as stored, for a file behind one of the program's signals (viewer)",
          parameters: [slug, path("sha256")],
          responses: { "200": { description: "the file", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } }, ...errors },
        },
      },
      "/api/programs/{slug}/items/{key}/comments": {
        get: { summary: "The item's comments, oldest first (DESIGN §13)", parameters: [slug, path("key")], responses: { "200": ok(COMMENT_LIST), ...errors } },
        post: { summary: COMMENT_POST, parameters: [slug, path("key")], requestBody: body(commentInputSchema), responses: { "201": ok(COMMENT), ...errors } },
      },
      "/api/programs/{slug}/claims/{id}/comments": {
        get: { summary: "The claim's discussion, oldest first (DESIGN §13)", parameters: [slug, path("id")], responses: { "200": ok(COMMENT_LIST), ...errors } },
        post: { summary: COMMENT_POST, parameters: [slug, path("id")], requestBody: body(commentInputSchema), responses: { "201": ok(COMMENT), ...errors } },
      },
      "/api/programs/{slug}/comments/{commentId}": {
        get: { summary: "One comment (ETag = version)", parameters: [slug, path("commentId")], responses: { "200": ok(COMMENT), ...errors } },
        patch: {
          summary: "Edit a comment (its author only, contributor and up: 403 for anyone else); send If-Match or version; 409 when stale or deleted",
          parameters: [slug, path("commentId")],
          requestBody: body(commentEditSchema),
          responses: { "200": ok(COMMENT), ...errors },
        },
        delete: {
          summary: "Delete a comment (its author only: 403 for anyone else): its text is gone from pages, API and bundle, a deleted line stays; 409 when already deleted",
          parameters: [slug, path("commentId")],
          responses: { "200": ok(`${COMMENT}, with body null and deletedAt`), ...errors },
        },
      },
      "/api/programs/{slug}/readiness": {
        get: {
          summary: "Readiness, blocked, critical path, forecast, quality (DESIGN §5–§6); `counts` gives each list's length; the quality lists are cut at 1,000 unless `limit` says otherwise (`all`: whole)",
          parameters: [slug, ...asOf, { name: "limit", in: "query", required: false, description: listLimitSchema.description, schema: json(listLimitSchema.unwrap()) }],
          responses: { "200": ok("readiness"), ...errors },
        },
      },
      "/api/programs/{slug}/schedule": {
        get: {
          summary:
            "The critical-path schedule (DESIGN §5 weights): per item earliest start and finish, latest finish that keeps every promised date, slack in weeks, its target and state (done, impossible, at_risk, on_track, no_target), what limits it, whether it is on the critical path; the program's finish, target and target state; `factsUntil` (the program's evidence horizon, or null) and `illustrative` (asOf lies past it: every date is an invented continuation, DESIGN §13)",
          parameters: [slug, ...asOf],
          responses: { "200": ok("{ asOf, knownAt, factsUntil, illustrative, finish, finishWeeks, target, targetState, targetSlackWeeks, criticalPath, items: [{ key, title, area, owner, trueStatus, earliestStart, earliestFinish, latestFinish, slackWeeks, target, state, limitedBy, critical, doneAt, … }] }"), ...errors },
        },
      },
      "/api/programs/{slug}/schedule.csv": {
        get: {
          summary: "The schedule as CSV, one row per item; its last column, `illustrative`, is true on every row when asOf lies past the evidence horizon",
          parameters: [slug, ...asOf],
          responses: { "200": { description: "CSV with a header row", content: { "text/csv": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/api/programs/{slug}/claims": {
        get: { summary: "Public claims with verdicts at their date, as known then, and as of asOf (DESIGN §7)", parameters: [slug, ...asOf], responses: { "200": ok("claims"), ...errors } },
      },
      "/api/programs/{slug}/reports": {
        get: {
          summary: "Reportable weeks, newest first, 20 at a time, with publication and restatement (DESIGN §8)",
          parameters: [slug, ...["page", "week"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } }))],
          responses: { "200": ok("{ page, pages, total, weeks: [{ week, published, restated, publication, files }] }"), ...errors },
        },
      },
      "/api/programs/{slug}/reports/{file}": {
        get: {
          summary: "The weekly report of {YYYY-Www}.{md,csv,json,pdf,xlsx}, e.g. 2024-W52.md; 503 when the PDF cannot be rendered, with Retry-After when the printer is busy (DESIGN §8)",
          parameters: [
            slug,
            { name: "file", in: "path", required: true, schema: { type: "string", pattern: "^\\d{4}-W\\d{2}\\.(md|csv|json|pdf|xlsx)$", examples: ["2024-W52.md"] } },
            { name: "paper", in: "query", required: false, schema: { type: "string", enum: ["a4", "letter"] } },
          ],
          responses: {
            "200": {
              description:
                "the report, stamped draft or published outside its sealed bytes; JSON carries `publication` (restated, differences), `stamp` and `sha256`. A week whose cutoff lies past the evidence horizon ends its stamp (Markdown stamp lines, CSV `stamp` column, JSON `stamp.text`, PDF and xlsx headers) with \"Illustrative: this week lies past the program's evidence horizon, {factsUntil}; its figures are not evidence\", and its JSON `stamp` has `illustrative: { factsUntil }`",
              content: { "text/markdown": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } }, "application/json": { schema: {} }, "application/pdf": { schema: { type: "string", format: "binary" } }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } },
            },
            "503": problem,
            ...errors,
          },
        },
      },
      "/api/programs/{slug}/reports/{week}/publish": {
        post: {
          summary: "Publish a week for good (admin): Markdown and JSON stored with sha256 and the log head; 409 when already published; no query parameters, no body (or {})",
          parameters: [slug, path("week")],
          ...noInput,
          responses: { "201": ok("{ program, week, sha256, logHeadAtCutoff, logHeadAtPublication, publishedAt, publishedBy, deliveries }: the deliveries to the subscriptions are queued after the publication committed"), ...errors, "415": problem },
        },
      },
      "/api/programs/{slug}/reports/{week}/send": {
        post: {
          summary: "Send a published week again to every enabled subscription (admin); 409 when the week is not published; no query parameters, no body (or {})",
          parameters: [slug, path("week")],
          ...noInput,
          responses: { "202": ok("{ program, week, deliveries: [{ id, subscriptionId, kind, target }] }"), ...errors, "415": problem },
        },
      },
      "/api/programs/{slug}/subscriptions": {
        get: { summary: "Who receives published weeks (admin): webhook URLs masked, secrets never", parameters: [slug], responses: { "200": ok("{ program, subscriptions, feed }"), ...errors } },
        post: {
          summary: "Add an e-mail or webhook (generic, slack, teams) subscription (admin); a webhook's signing secret is in this answer only",
          parameters: [slug],
          requestBody: body(subscriptionInputSchema),
          responses: { "201": ok("{ id, kind, target, secretPrefix, version, secret }"), ...errors },
        },
      },
      "/api/programs/{slug}/subscriptions/{id}": {
        patch: { summary: "Enable or disable a subscription (admin; If-Match or version)", parameters: [slug, path("id")], requestBody: body(subscriptionEditSchema), responses: { "200": ok("{ id, kind, target, enabled, version }"), ...errors } },
        delete: { summary: "Remove a subscription; its secret is forgotten (admin)", parameters: [slug, path("id")], responses: { "204": { description: "removed" }, ...errors } },
      },
      "/api/programs/{slug}/feed": {
        post: {
          summary: "A new Atom feed address (token: rotate; the old one stops at once) or none (token: none) (admin)",
          parameters: [slug],
          requestBody: body(feedInputSchema),
          responses: { "201": ok("{ feedUrl, rotatedAt }"), "200": ok("{ feed: \"off\" }"), ...errors },
        },
      },
      "/api/programs/{slug}/deliveries": {
        get: {
          summary: "The delivery log of published weeks (admin): each delivery with its attempts, newest first",
          parameters: [slug, ...["week", "limit"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } }))],
          responses: { "200": ok("[{ id, week, trigger, subscription, status, note, attempts: [{ attempt, at, durationMs, ok, statusCode, error }] }]"), ...errors },
        },
      },
      "/api/me/counts": {
        get: {
          summary:
            "The header's numbers for whoever asks (a session or a token): entries of My work new since their last visit, and for a reviewer or admin the transitions awaiting verification they may decide on (null for other roles); the same counts as a page load",
          responses: { "200": ok("{ myWorkNew, reviewable, countedAt }"), ...errors },
        },
      },
      "/api/audit/verify": {
        get: {
          summary: "The hash chain's verdict, checked off the request thread one run at a time; while a newer check runs, the last verdict with checking: true",
          responses: { "200": ok("{ ok, entries, head, firstBad, checking, checkedAt }"), ...errors },
        },
      },
      "/api/audit/log": {
        get: {
          summary: "The log, newest first",
          parameters: ["program", "before", "limit"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
          responses: { "200": ok("entries"), ...errors },
        },
      },
    },
  };
}
