/**
 * The largest value of PostgreSQL's `integer`, which holds every whole number the API stores or
 * passes to a query (versions, positions, OFFSET and LIMIT): DTOs bound their `@IsInt()` fields
 * with `@Max(PG_INT_MAX)` where nothing smaller applies, or the database refuses the number with a 500.
 */
export const PG_INT_MAX = 2_147_483_647;
