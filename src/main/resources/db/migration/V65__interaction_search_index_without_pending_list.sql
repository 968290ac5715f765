-- New interactions go straight into the search index instead of its pending list. With GIN's
-- fastupdate on (PostgreSQL's default), a new row's words wait in an unsorted list of up to
-- gin_pending_list_limit (4 MB) that every search reads in full until vacuum, or the insert that
-- overflows it, merges it in. Measured on 1,000,000 interactions per organisation (docs/benchmarks.md):
-- after 11,000 creates the list held 94 pages and a rare-word search ran 547 times a second instead
-- of 790 (about 260 after 37,000 creates), and creates reached a p99 of 426 ms while it was merged.
-- Without the list, creates ran as fast (860-914/s against 618-806/s) with a p99 of 32-40 ms, and
-- searches stayed at 856-858/s however many rows arrived.
alter index interactions_search_idx set (fastupdate = off);
