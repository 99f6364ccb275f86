/** Where one delivery of a published week stands. */
export const DELIVERY_STATES = ["pending", "sending", "delivered", "failed", "not_sent"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** As people read it: a delivery whose sender stopped before it ended is "interrupted". */
export type DeliveryStatus = DeliveryState | "interrupted";
