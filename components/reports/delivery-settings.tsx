import type { DeliveryView } from "@/db/queries/list-deliveries";
import type { SubscriptionView } from "@/db/queries/list-subscriptions";
import type { FormAction } from "../ui/action-state";
import { AddSubscriptionForm } from "./add-subscription-form";
import { DeliveryLog } from "./delivery-log";
import { FeedAddressForm } from "./feed-address-form";
import { SendAgainForm } from "./send-again-form";
import { SubscriptionList, type SubscriptionActions } from "./subscription-list";

export interface DeliverySettingsActions extends SubscriptionActions {
  add: FormAction<[string]>;
  rotateFeed: FormAction<[string]>;
  sendAgain: FormAction<[string]>;
}

export interface DeliverySettingsData {
  subscriptions: SubscriptionView[];
  feed: { enabled: boolean; rotatedAt: string | null };
  publishedWeeks: string[];
  deliveries: DeliveryView[];
}

/** Who receives published weeks, the Atom feed, sending a week again, and the delivery log (admins). */
export function DeliverySettings({ slug, data, actions }: { slug: string; data: DeliverySettingsData; actions: DeliverySettingsActions }) {
  return (
    <section aria-labelledby="delivery" className="space-y-4">
      <h2 id="delivery" className="font-semibold">
        Sending published reports
      </h2>
      <p className="max-w-4xl text-slate-700">
        When a week is published, each enabled subscription receives it: an e-mail (the report, its PDF attached) or a webhook
        (generic JSON, Slack or Microsoft Teams), signed with the subscription&apos;s own secret. Failed attempts are retried with a
        growing wait; every attempt is in the log below. Nothing is sent for a week that is not published.
      </p>
      <div className="space-y-2">
        <h3 className="font-semibold">Subscriptions</h3>
        <SubscriptionList slug={slug} subscriptions={data.subscriptions} actions={actions} />
        <AddSubscriptionForm slug={slug} serverAction={actions.add} />
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Atom feed</h3>
        <p className="max-w-4xl text-slate-700">
          For readers without an account: the published weeks, each with its headline and links, at a secret address.
        </p>
        <FeedAddressForm slug={slug} feed={data.feed} serverAction={actions.rotateFeed} />
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Send again</h3>
        <SendAgainForm slug={slug} weeks={data.publishedWeeks} serverAction={actions.sendAgain} />
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Delivery log</h3>
        <DeliveryLog deliveries={data.deliveries} />
      </div>
    </section>
  );
}
