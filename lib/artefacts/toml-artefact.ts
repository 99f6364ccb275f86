import { parse, TomlError } from "smol-toml";
import { artefactError } from "./artefact-types";

/** A TOML artefact's top table; a syntax error is refused naming the file and its line. */
export function parseTomlArtefact(kind: string, text: string): Record<string, unknown> {
  try {
    return parse(text);
  } catch (error) {
    // smol-toml's message carries a prefix and a code excerpt: keep the one line a person reads.
    if (error instanceof TomlError) throw artefactError(kind, error.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, ""), error.line);
    throw error;
  }
}
