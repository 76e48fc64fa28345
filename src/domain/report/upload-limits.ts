/**
 * Limits of the 年报体检 upload (POST /api/v1/report-checks/uploads), shared by the route and
 * the console, which splits a folder into requests that stay under them. A single file may be
 * as large as the importer reads (MAX_REPORT_BYTES, 20 MiB); base64 makes it a third larger.
 */

/** Largest request body: one 20 MiB file in base64 (26.7 MiB) plus the JSON around it. */
export const UPLOAD_BODY_LIMIT = 28 * 1024 * 1024;

/** Most files in one request. */
export const UPLOAD_MAX_FILES = 50;

/** What the console puts into one request at most (raw bytes, before base64), unless one file alone is larger. */
export const UPLOAD_BATCH_BYTES = 8 * 1024 * 1024;
