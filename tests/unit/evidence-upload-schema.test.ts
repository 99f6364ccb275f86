import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceUploadSchema } from "@/lib/validations/transition-input";

const upload = (contentBase64: string) => evidenceUploadSchema.safeParse({ name: "report.bin", contentBase64 });
const messages = (contentBase64: string) => {
  const r = upload(contentBase64);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("an evidence file sent as base64", () => {
  it("is read as wrapped base64: line breaks and spaces anywhere, padding at the end", () => {
    for (const text of ["", "aGVsbG8=", "aGVs\nbG8=\n", "  aGVs bG8=  ", "YQ==", "YQ=\r\n=", "a+b/"]) expect(messages(text), JSON.stringify(text)).toEqual([]);
  });

  it("is refused when it holds anything else, or padding before the end", () => {
    for (const text of ["aGVsbG8!", "YQ===", "Y=Q", "aGVsbG8=-", "%%%"]) expect(messages(text), text).toEqual(["contentBase64: must be base64"]);
  });

  it("agrees with Node's decoder on what is base64 once the whitespace is out", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.constantFrom(" ", "\n", "\r\n", "\t"), { maxLength: 4 }), (bytes, breaks) => {
        const encoded = Buffer.from(bytes).toString("base64");
        const at = breaks.map((_, i) => Math.floor((encoded.length * (i + 1)) / (breaks.length + 1)));
        let wrapped = encoded;
        at.reverse().forEach((n, i) => (wrapped = wrapped.slice(0, n) + breaks[i] + wrapped.slice(n)));
        return upload(wrapped).success && Buffer.from(wrapped, "base64").equals(Buffer.from(bytes));
      }),
    );
  });

  // The pattern before this one, with whitespace on both sides of the padding, took 10 s on 80,000
  // spaces before a wrong character (minutes on these), holding the server's only thread.
  it("refuses a long run of whitespace before a wrong character at once", () => {
    expect(messages(`${" ".repeat(400_000)}!`)).toEqual(["contentBase64: must be base64"]);
    expect(messages(`${"\n".repeat(400_000)}`)).toEqual([]);
  });
});
