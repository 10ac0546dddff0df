// The instants an audit export may span. PostgreSQL's timestamps start in 4713 BC; a JavaScript
// date may be 271,821 BC, which would fail the query after the export was recorded. Years 1 to
// 9999 cover any real range. Plain values, so the audit page checks its date fields against the
// same bounds as the export's query schema (lib/audit/schemas.ts) without loading zod.
export const EXPORT_EARLIEST = new Date("0001-01-01T00:00:00Z");
export const EXPORT_LATEST = new Date("9999-12-31T23:59:59.999Z");
export const EXPORT_EARLIEST_MESSAGE = "Dates start at year 1.";
export const EXPORT_LATEST_MESSAGE = "Dates end at year 9999.";
