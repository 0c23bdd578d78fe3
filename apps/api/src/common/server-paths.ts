/**
 * Where the server keeps its files is none of the client's business (and helps an attacker):
 * the last thing the error filter does is take out of every answer's message the absolute paths
 * and stack traces an error from a library or the file system may carry.
 */
const HIDDEN = '（路径已隐去）';

/** A stack trace's frames, from the first "\n    at …" to the end. */
const STACK_FRAMES = /\n\s+at [\s\S]*$/;
const FILE_URL = /file:\/\/\S+/g;
/** C:\… or \\server\share\… */
const WINDOWS_PATH = /(?:\b[A-Za-z]:|\\\\[^\s\\]+)\\[^\s'"`()（），,；;]+/g;
/**
 * /dir/file at least two levels deep, at the start or after a blank, a bracket, a quote or a
 * colon: not "文/图", not a date written 2020/10/15, not a URL's own path, and not the API's own
 * routes (/api/…), which a 404 names back to the client.
 */
const POSIX_PATH = /(?<=^|[\s(（"'`=:：,，[])\/(?!api(?:[/?\s]|$))(?:[^\s/'"`()（）,，；;:：]+\/)+[^\s/'"`()（）,，；;:：]*/g;

export function withoutServerPaths(text: string): string {
  return text.replace(STACK_FRAMES, '').replace(FILE_URL, HIDDEN).replace(WINDOWS_PATH, HIDDEN).replace(POSIX_PATH, HIDDEN);
}

/** The same for every string in an error's details (nested objects and arrays included). */
export function detailsWithoutServerPaths(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutServerPaths(value);
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => detailsWithoutServerPaths(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, detailsWithoutServerPaths(item, depth + 1)]));
}
