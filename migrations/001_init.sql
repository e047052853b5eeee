-- The index in PostgreSQL: passages with their place, a weighted tsvector for keyword search, the
-- records and glossary mined from each file, the files manifest and the corpus statistics. The vector
-- column is added by the store once the embedder's dimensions are known (see ensureEmbeddingColumn).

-- What the held passages were built with (one row); `generation` grows with every committed change,
-- so that replicas know when to reload what they keep in memory.
CREATE TABLE store_meta (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  parser_version text,
  embedder_id text,
  dims integer,
  extractors text,
  embedder_state jsonb,
  passages bigint NOT NULL DEFAULT 0,
  generation bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO store_meta (id) VALUES (1);

-- The files manifest: one row per corpus file with its content hash.
CREATE TABLE files (
  name text PRIMARY KEY,
  hash text NOT NULL,
  bytes bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('indexed', 'skipped', 'kept-previous')),
  reason text,
  chunks integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE passages (
  id text PRIMARY KEY,
  source text NOT NULL REFERENCES files (name) ON DELETE CASCADE,
  -- Position in its file: adjacent passages are ord ± 1.
  ord integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  council text,
  committee text,
  meeting_date text,
  item text,
  item_number text,
  page integer,
  paragraph text,
  section text,
  doc_type text,
  approved_at text,
  url text,
  dup_key text NOT NULL,
  reprint boolean,
  table_header text,
  -- The whole place as the parser made it (fields the columns above do not name come back too).
  place jsonb NOT NULL,
  text text NOT NULL,
  index_text text NOT NULL,
  -- The item, section and table header: weighted higher than the body in keyword search.
  heading text NOT NULL DEFAULT '',
  -- The project tokenizer's terms of index_text, for the corpus statistics (term_stats).
  terms text[] NOT NULL,
  -- A slash separates words ("serious/fatal", "2022/23"), as in the project tokenizer, rather than making
  -- the parser read a file path; queries are read the same way (hybrid-search.ts).
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', replace(heading, '/', ' ')), 'A') || setweight(to_tsvector('english', replace(index_text, '/', ' ')), 'D')
  ) STORED,
  UNIQUE (source, ord)
);
CREATE INDEX passages_tsv ON passages USING gin (tsv);
CREATE INDEX passages_council ON passages (council);
CREATE INDEX passages_committee ON passages (committee);
CREATE INDEX passages_meeting_date ON passages (meeting_date);
CREATE INDEX passages_doc_type ON passages (doc_type);
CREATE INDEX passages_dup_key ON passages (dup_key);

-- Structured records (kpi, audit, ripa-policy...) keyed to their file, in extraction order; each record
-- carries its own place and verbatim span, so its passage is the file's passage at that offset.
CREATE TABLE records (
  source text NOT NULL REFERENCES files (name) ON DELETE CASCADE,
  kind text NOT NULL,
  ord integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (source, kind, ord)
);
CREATE INDEX records_kind ON records (kind);

-- Short forms and their expansions mined from each file.
CREATE TABLE glossary (
  source text PRIMARY KEY REFERENCES files (name) ON DELETE CASCADE,
  data jsonb NOT NULL
);

-- Document frequencies over all passages: of the project tokenizer's terms (idf, known) and of the
-- English configuration's lexemes (keyword ranking). Kept exact by every file write.
CREATE TABLE term_stats (
  term text PRIMARY KEY,
  df integer NOT NULL CHECK (df >= 0)
);
CREATE TABLE lexeme_stats (
  lexeme text PRIMARY KEY,
  df integer NOT NULL CHECK (df >= 0)
);

-- Slack event ids already answered by any replica (a retry landing on another replica is dropped).
CREATE TABLE seen_events (
  key text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);
CREATE INDEX seen_events_seen_at ON seen_events (seen_at);

-- 👍/👎 feedback from every replica.
CREATE TABLE feedback (
  id text PRIMARY KEY,
  at timestamptz NOT NULL,
  answer_id text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX feedback_answer_id ON feedback (answer_id);
