/** A readable refusal for a page the signed-in person's role does not open. */
export function Forbidden({ needs, role }: { needs: string; role: string }) {
  return (
    <section role="alert" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h1 className="text-lg font-semibold">Not allowed</h1>
      <p>
        This page needs the <strong>{needs}</strong> role; you are signed in as <strong>{role}</strong>. Ask an administrator if
        you need it.
      </p>
    </section>
  );
}
