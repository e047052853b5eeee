-- Keyword search on the project tokenizer's terms (src/index/tokenize.ts), as the embedded store searches,
-- instead of PostgreSQL's English stemmer: its stems merge words the papers keep apart ("consultant" and
-- "consultation" are both "consult"), so the two stores ranked differently. The application writes each
-- passage's terms in order (heading and body); the tsvector is made from them with the 'simple'
-- configuration, which keeps each term as it is, with its positions.
ALTER TABLE passages DROP COLUMN tsv;
ALTER TABLE passages ADD COLUMN heading_terms text NOT NULL DEFAULT '';
ALTER TABLE passages ADD COLUMN body_terms text NOT NULL DEFAULT '';
ALTER TABLE passages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', heading_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'D')
) STORED;
CREATE INDEX passages_tsv ON passages USING gin (tsv);
-- The lexemes counted so far were the English stemmer's: the next ingest rewrites every file (the parser
-- version no longer matches) and counts the new ones.
TRUNCATE lexeme_stats;
UPDATE store_meta SET parser_version = 'before 002_project_terms';
