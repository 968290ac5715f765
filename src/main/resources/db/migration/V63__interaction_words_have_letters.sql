-- The typo dictionary keeps words with at least one letter (Interactions.rememberWords): numbers,
-- such as the "-829340" the text parser reads in "sql-829340", are not words anyone misspells,
-- and a few hundred thousand of them made every typo lookup slow.
delete from interaction_words where word !~ '[[:alpha:]]';
