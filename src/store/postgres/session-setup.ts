/** Vector search settings of every connection (pgvector's GUCs; harmless placeholders on a server without it). */
const VECTOR_SEARCH = {
  /** Candidates the HNSW scan keeps: at least the fusion's 80 per ranking (pgvector's default 40 would cap it at 40). */
  efSearch: 200,
  /** With a filter, keep scanning the graph until enough passages pass it (pgvector 0.8), instead of returning fewer. */
  iterativeScan: 'relaxed_order',
};

/** The statements that set up a connection for vector search. */
export const SESSION_SETUP = `SET hnsw.ef_search = ${VECTOR_SEARCH.efSearch}; SET hnsw.iterative_scan = ${VECTOR_SEARCH.iterativeScan}`;

/** The same settings as connection start-up options (node-postgres `options`), applied before any query. */
export const SESSION_OPTIONS = `-c hnsw.ef_search=${VECTOR_SEARCH.efSearch} -c hnsw.iterative_scan=${VECTOR_SEARCH.iterativeScan}`;
