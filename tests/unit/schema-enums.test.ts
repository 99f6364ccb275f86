import { describe, expect, it } from "vitest";
import { claimLinks, evidence, people, reportDeliveries, reportSubscriptions, signals, transitions } from "@/db/schema";
import { ROLES, SIGNAL_METRICS } from "@/lib/bundle/bundle-schema";
import { DELIVERY_STATES } from "@/lib/delivery/delivery-states";
import { EVIDENCE_KINDS } from "@/lib/gates";
import { SUBSCRIPTION_KINDS } from "@/lib/validations/subscription-input";
import { STATUSES } from "@/lib/status";

// The database may hold only what the rules know, in the same words.
describe("schema enums", () => {
  it("are the lists the rules are written with", () => {
    expect(transitions.toStatus.enumValues).toEqual([...STATUSES]);
    expect(claimLinks.requires.enumValues).toEqual([...STATUSES]);
    expect(evidence.kind.enumValues).toEqual([...EVIDENCE_KINDS]);
    expect(signals.metric.enumValues).toEqual([...SIGNAL_METRICS]);
    expect(people.role.enumValues).toEqual([...ROLES]);
    expect(reportSubscriptions.kind.enumValues).toEqual([...SUBSCRIPTION_KINDS]);
    expect(reportDeliveries.state.enumValues).toEqual([...DELIVERY_STATES]);
  });
});
