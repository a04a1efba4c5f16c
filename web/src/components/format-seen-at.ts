const seenFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** When traffic was last seen, to the minute in UTC: a day alone cannot tell an hour ago from this morning. */
export const formatSeenAt = (iso: string): string => `${seenFormat.format(new Date(iso))} UTC`;
