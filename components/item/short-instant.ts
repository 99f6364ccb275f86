/** An ISO instant as the item page shows it: "2024-03-01 14:05 UTC", or the date alone at midnight. */
export const shortInstant = (iso: string) => iso.replace("T", " ").replace(/:\d\d\.\d{3}Z$/, " UTC").replace(/ 00:00 UTC$/, "");
