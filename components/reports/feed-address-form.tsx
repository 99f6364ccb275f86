"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { ShownOnce } from "./shown-once";
import { bindAction } from "../ui/bind-action";

/** The Atom feed: a new address (token) on request, shown once; the previous address stops at once. */
export function FeedAddressForm({ slug, feed, serverAction }: { slug: string; feed: { enabled: boolean; rotatedAt: string | null }; serverAction: FormAction<[string]> }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(bindAction(serverAction, slug), IDLE);
  return (
    <form action={action} className="space-y-2" aria-label="Feed address">
      <p className="text-slate-700">
        {feed.enabled
          ? `The feed has an address (made ${feed.rotatedAt?.replace("T", " ").slice(0, 16)} UTC). It is stored only as a hash: if it is lost or leaked, make a new one; the old one then answers 404.`
          : "The feed has no address yet: every feed URL of this program answers 404."}
      </p>
      <FormMessage state={state} />
      {state.status === "ok" && state.secret && <ShownOnce label="Feed address" value={state.secret} testId="feed-url" />}
      <Button variant="secondary" disabled={pending}>
        {feed.enabled ? "Make a new feed address" : "Make a feed address"}
      </Button>
    </form>
  );
}
