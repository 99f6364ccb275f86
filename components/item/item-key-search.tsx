"use client";

import { useEffect, useId, useState } from "react";
import { Field, Input } from "../ui/field";

type Found = { key: string; title: string };

/**
 * A text box for an item key that suggests matching items as the person types, read from the
 * items API (`search=…&fields=key,title&limit=20`), so a program of 10,000 items never sends
 * every key to the page. Typing a key without the suggestions works too: the server checks it.
 */
export function ItemKeySearch({ slug, name, label, defaultValue, exclude }: { slug: string; name: string; label: string; defaultValue: string; exclude: readonly string[] }) {
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [found, setFound] = useState<Found[]>([]);

  useEffect(() => {
    const search = text.trim();
    if (search === "") return;
    const abort = new AbortController();
    // Ask once the person pauses, not on every keystroke.
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ search, fields: "key,title", limit: "20" });
      fetch(`/api/programs/${encodeURIComponent(slug)}/items?${query}`, { signal: abort.signal })
        .then((res) => (res.ok ? (res.json() as Promise<Found[]>) : []))
        .then((rows) => setFound(rows.filter((r) => !exclude.includes(r.key))))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, slug, exclude]);

  const shown = text.trim() === "" ? [] : found;
  return (
    <Field label={label} hint="Type part of a key or title; matching items are suggested.">
      <Input name={name} value={text} onChange={(e) => setText(e.target.value)} list={listId} autoComplete="off" required className="w-auto" />
      <datalist id={listId}>
        {shown.map((f) => (
          <option key={f.key} value={f.key} label={f.title} />
        ))}
      </datalist>
    </Field>
  );
}
