/**
 * Who `@handle` names. A person's handle is the part of their e-mail before the @, in lower case
 * (`ana.ruiz@example.com` → `@ana.ruiz`): the same in every program, known to colleagues, and
 * never changed by a new display name. Two readers with the same handle (`ana@a.example`,
 * `ana@b.example`) make it ambiguous: it then names nobody and stays text.
 */
export function handleOf(email: string): string {
  return email.slice(0, email.lastIndexOf("@")).toLowerCase();
}

/**
 * The person each handle names among `readers` (the people who may read the program), by handle;
 * a handle that names nobody, or more than one reader, is left out.
 */
export function resolveHandles<P extends { email: string }>(handles: readonly string[], readers: readonly P[]): Map<string, P> {
  const wanted = new Set(handles.map((h) => h.toLowerCase()));
  const found = new Map<string, P[]>();
  for (const person of readers) {
    const handle = handleOf(person.email);
    if (wanted.has(handle)) found.set(handle, [...(found.get(handle) ?? []), person]);
  }
  return new Map([...found].filter(([, people]) => people.length === 1).map(([handle, [person]]) => [handle, person!]));
}
