/**
 * Time on the map: partial ISO dates, what a feature was at a date, and the timeline of every
 * dated thing in the story. Pure: imports neither Svelte nor MapLibre, and reads no clock unless
 * asked to (`todayIso`).
 *
 * Dates are ISO 8601 calendar dates at the precision the sources give: "2015", "2015-08" or
 * "2015-08-12". A partial date names a span of days, and every function here reads it that way:
 *
 * - "2015" is 1 January to 31 December 2015, "2024-02" is 1 to 29 February 2024.
 * - As a start it means the span's first day, as an end its last day: ends are inclusive. A
 *   period "2006-06-23" to "2012" covers every day of 2012; one ending "2002-10-07" covers that
 *   day too.
 * - Where two periods overlap (usually because one ends on the day, or in the month, the next
 *   begins) the one that started later wins: on 7 October 2002 the CSTO countries are members,
 *   not treaty parties.
 * - A date asked about is a span as well: `statusAt(f, "2024")` is the status the feature last
 *   had during 2024 (the latest-starting period that overlaps the year), so a year on the time
 *   slider shows what held at some point in it, in its latest state that year.
 *
 * Nothing here is a snapshot: all of it is computed from the `start`, `end`, `status` and
 * `periods` recorded in geo/*.geojson and from story/events.json.
 */
export * from './time/dates.ts';
export * from './time/periods.ts';
export * from './time/labels.ts';
export * from './time/timeline.ts';
