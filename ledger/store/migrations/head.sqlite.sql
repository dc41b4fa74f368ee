-- A new SQLite ledger at the newest schema: what the migrations build, written by
-- `python -m ledger.store.head_schema` (ledger/store/head_schema.py). Do not edit.
-- revision: 0019_claim_list_indexes
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE alias (
	id INTEGER NOT NULL, 
	alias VARCHAR(100) NOT NULL, 
	symbol VARCHAR(40) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_alias PRIMARY KEY (id), 
	CONSTRAINT ck_alias_alias_lower CHECK (alias = lower(alias)), 
	CONSTRAINT uq_alias_alias UNIQUE (alias)
);
CREATE TABLE resolve_run (
	id INTEGER NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	as_of DATE, 
	price_source VARCHAR(200) NOT NULL, 
	dry_run BOOLEAN NOT NULL, 
	claims_checked INTEGER NOT NULL, 
	resolved_true INTEGER NOT NULL, 
	resolved_false INTEGER NOT NULL, 
	still_open INTEGER NOT NULL, 
	failed_symbols INTEGER NOT NULL, 
	errors TEXT, symbols INTEGER DEFAULT '0' NOT NULL, requests INTEGER DEFAULT '0' NOT NULL, bars_stored INTEGER DEFAULT '0' NOT NULL, bars_rejected INTEGER DEFAULT '0' NOT NULL, interrupted_at DATETIME, 
	CONSTRAINT pk_resolve_run PRIMARY KEY (id)
);
CREATE TABLE source (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	name_key VARCHAR(200) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	url TEXT, 
	notes TEXT, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_source PRIMARY KEY (id), 
	CONSTRAINT ck_source_kind CHECK (kind IN ('person', 'bank', 'outlet', 'self', 'other')), 
	CONSTRAINT ck_source_name_key_lower CHECK (name_key = lower(name_key)), 
	CONSTRAINT uq_source_name_key UNIQUE (name_key)
);
CREATE TABLE prediction_tag (
	prediction_id INTEGER NOT NULL, 
	tag VARCHAR(100) NOT NULL, 
	CONSTRAINT pk_prediction_tag PRIMARY KEY (prediction_id, tag), 
	CONSTRAINT fk_prediction_tag_prediction_id_prediction FOREIGN KEY(prediction_id) REFERENCES prediction (id) ON DELETE CASCADE
);
CREATE TABLE resolve_lock (
	name VARCHAR(40) NOT NULL, 
	holder VARCHAR(200) NOT NULL, 
	host VARCHAR(200) NOT NULL, 
	pid INTEGER NOT NULL, 
	acquired_at DATETIME NOT NULL, 
	heartbeat_at DATETIME NOT NULL, 
	CONSTRAINT pk_resolve_lock PRIMARY KEY (name)
);
CREATE TABLE split (
	id INTEGER NOT NULL, 
	symbol VARCHAR(40) NOT NULL, 
	date DATE NOT NULL, 
	ratio FLOAT NOT NULL, 
	data_source VARCHAR(200) NOT NULL, 
	fetched_at DATETIME NOT NULL, 
	CONSTRAINT pk_split PRIMARY KEY (id), 
	CONSTRAINT ck_split_ratio_positive CHECK (ratio > 0), 
	CONSTRAINT uq_split_symbol_date UNIQUE (symbol, date)
);
CREATE TABLE price_coverage (
	symbol VARCHAR(40) NOT NULL, 
	first DATE NOT NULL, 
	last DATE NOT NULL, 
	data_source VARCHAR(200) NOT NULL, 
	updated_at DATETIME NOT NULL, source_version VARCHAR(100), version_first DATE, version_last DATE, 
	CONSTRAINT pk_price_coverage PRIMARY KEY (symbol)
);
CREATE TABLE price_gap (
	id INTEGER NOT NULL, 
	symbol VARCHAR(40) NOT NULL, 
	date DATE NOT NULL, 
	reason TEXT NOT NULL, 
	data_source VARCHAR(200) NOT NULL, 
	fetched_at DATETIME NOT NULL, 
	CONSTRAINT pk_price_gap PRIMARY KEY (id), 
	CONSTRAINT uq_price_gap_symbol_date UNIQUE (symbol, date)
);
CREATE TABLE "prediction" (
	id INTEGER NOT NULL, 
	source_id INTEGER NOT NULL, 
	symbol VARCHAR(40) NOT NULL, 
	asset VARCHAR(100) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	level FLOAT, 
	relative_kind VARCHAR(10), 
	relative_value FLOAT, 
	reference_price FLOAT, 
	made_on DATE NOT NULL, 
	window_start DATE NOT NULL, 
	deadline DATE NOT NULL, 
	probability FLOAT, 
	status VARCHAR(10) NOT NULL, 
	text TEXT NOT NULL, 
	normalized TEXT NOT NULL, 
	assumptions TEXT, 
	url TEXT, 
	quote TEXT, 
	fingerprint VARCHAR(64) NOT NULL, 
	revises_id INTEGER, 
	void_reason TEXT, 
	created_at DATETIME NOT NULL, 
	open_reason VARCHAR(30), 
	open_detail TEXT, 
	checked_at DATETIME, 
	market_prob FLOAT, 
	market_sigma FLOAT, 
	market_spot FLOAT, 
	market_note TEXT, 
	market_computed_at DATETIME, 
	claimed_created_at DATETIME, 
	level_rule VARCHAR(20), 
	level_params TEXT, 
	level_basis TEXT, 
	level_note TEXT, 
	versus_symbol VARCHAR(40), 
	versus_asset VARCHAR(100), 
	versus_reference_price FLOAT, 
	margin FLOAT, 
	upper_level FLOAT, 
	CONSTRAINT pk_prediction PRIMARY KEY (id), 
	CONSTRAINT ck_prediction_level_rule_params CHECK (level_rule IS NULL OR level_params IS NOT NULL), 
	CONSTRAINT ck_prediction_open_reason CHECK (open_reason IS NULL OR open_reason IN ('waiting_for_deadline', 'waiting_for_data', 'unknown_symbol', 'no_data_in_window', 'source_error', 'data_gap', 'invalid_claim')), 
	CONSTRAINT ck_prediction_reference_positive CHECK (reference_price IS NULL OR reference_price > 0), 
	CONSTRAINT ck_prediction_versus_reference_positive CHECK (versus_reference_price IS NULL OR versus_reference_price > 0), 
	CONSTRAINT uq_prediction_fingerprint UNIQUE (fingerprint), 
	CONSTRAINT ck_prediction_margin_not_negative CHECK (margin IS NULL OR margin >= 0), 
	CONSTRAINT ck_prediction_outperform_versus CHECK (kind <> 'outperform' OR (versus_symbol IS NOT NULL AND margin IS NOT NULL)), 
	CONSTRAINT ck_prediction_relative_kind CHECK (relative_kind IS NULL OR relative_kind IN ('percent', 'multiple')), 
	CONSTRAINT ck_prediction_window_start_before_deadline CHECK (window_start <= deadline), 
	CONSTRAINT ck_prediction_deadline_after_made_on CHECK (deadline >= made_on), 
	CONSTRAINT ck_prediction_level_rule CHECK (level_rule IS NULL OR level_rule IN ('support', 'resistance', 'sma', 'record-high', 'record-low')), 
	CONSTRAINT ck_prediction_market_prob CHECK (market_prob IS NULL OR (market_prob >= 0 AND market_prob <= 1)), 
	CONSTRAINT ck_prediction_probability CHECK (probability IS NULL OR (probability >= 0 AND probability <= 1)), 
	CONSTRAINT fk_prediction_revises_id_prediction FOREIGN KEY(revises_id) REFERENCES prediction (id), 
	CONSTRAINT fk_prediction_source_id_source FOREIGN KEY(source_id) REFERENCES source (id), 
	CONSTRAINT ck_prediction_level_positive CHECK (level IS NULL OR level > 0), 
	CONSTRAINT ck_prediction_kind CHECK (kind IN ('touch_above', 'touch_below', 'close_above', 'close_below', 'hold_above', 'hold_below', 'average_above', 'average_below', 'outperform', 'close_between', 'hold_between', 'vague')), 
	CONSTRAINT ck_prediction_status CHECK (status IN ('open', 'true', 'false', 'void', 'vague')), 
	CONSTRAINT ck_prediction_level_or_relative CHECK (kind = 'vague' OR level IS NOT NULL OR relative_kind IS NOT NULL OR kind = 'outperform' OR level_rule IS NOT NULL), 
	CONSTRAINT ck_prediction_band CHECK ((kind IN ('close_between', 'hold_between') AND level IS NOT NULL AND upper_level IS NOT NULL AND relative_kind IS NULL AND level < upper_level) OR (kind NOT IN ('close_between', 'hold_between') AND upper_level IS NULL)), 
	CONSTRAINT ck_prediction_vague CHECK ((kind = 'vague' AND status IN ('vague', 'void') AND level IS NULL AND relative_kind IS NULL AND probability IS NULL) OR (kind <> 'vague' AND status <> 'vague'))
);
CREATE TABLE proof_log (
	seq INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	entry TEXT NOT NULL, 
	leaf_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_proof_log PRIMARY KEY (seq)
);
CREATE TABLE proof_head (
	id INTEGER NOT NULL, 
	size INTEGER NOT NULL, 
	root VARCHAR(64) NOT NULL, 
	frontier TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	backfilled_at DATETIME, 
	backfill_size INTEGER, 
	CONSTRAINT pk_proof_head PRIMARY KEY (id)
);
CREATE TABLE review_action (
	id INTEGER NOT NULL, 
	prediction_id INTEGER NOT NULL, 
	resolution_id INTEGER NOT NULL, 
	action VARCHAR(10) NOT NULL, 
	outcome VARCHAR(10), 
	new_resolution_id INTEGER, 
	evidence TEXT, 
	note TEXT, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_review_action PRIMARY KEY (id), 
	CONSTRAINT ck_review_action_action CHECK (action IN ('accept', 'rejudge')), 
	CONSTRAINT ck_review_action_outcome CHECK (outcome IS NULL OR outcome IN ('true', 'false', 'void')), 
	CONSTRAINT ck_review_action_accept_changes_nothing CHECK (action = 'rejudge' OR (outcome IS NULL AND new_resolution_id IS NULL)), 
	CONSTRAINT fk_review_action_new_resolution_id_resolution FOREIGN KEY(new_resolution_id) REFERENCES resolution (id), 
	CONSTRAINT fk_review_action_prediction_id_prediction FOREIGN KEY(prediction_id) REFERENCES prediction (id), 
	CONSTRAINT fk_review_action_resolution_id_resolution FOREIGN KEY(resolution_id) REFERENCES resolution (id)
);
CREATE TABLE bar_revision (
	id INTEGER NOT NULL, 
	symbol VARCHAR(40) NOT NULL, 
	date DATE NOT NULL, 
	old_open FLOAT NOT NULL, 
	old_high FLOAT NOT NULL, 
	old_low FLOAT NOT NULL, 
	old_close FLOAT NOT NULL, 
	old_quality VARCHAR(12) NOT NULL, 
	new_open FLOAT, 
	new_high FLOAT, 
	new_low FLOAT, 
	new_close FLOAT, 
	new_quality VARCHAR(12) NOT NULL, 
	data_source VARCHAR(200) NOT NULL, 
	run_id INTEGER, 
	revised_at DATETIME NOT NULL, 
	CONSTRAINT pk_bar_revision PRIMARY KEY (id), 
	CONSTRAINT fk_bar_revision_run_id_resolve_run FOREIGN KEY(run_id) REFERENCES resolve_run (id)
);
CREATE TABLE resolution_revision (
	id INTEGER NOT NULL, 
	resolution_id INTEGER NOT NULL, 
	bar_revision_id INTEGER NOT NULL, 
	outcome VARCHAR(10) NOT NULL, 
	new_resolution_id INTEGER, 
	run_id INTEGER, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_resolution_revision PRIMARY KEY (id), 
	CONSTRAINT fk_resolution_revision_bar_revision_id_bar_revision FOREIGN KEY(bar_revision_id) REFERENCES bar_revision (id), 
	CONSTRAINT fk_resolution_revision_new_resolution_id_resolution FOREIGN KEY(new_resolution_id) REFERENCES resolution (id), 
	CONSTRAINT fk_resolution_revision_resolution_id_resolution FOREIGN KEY(resolution_id) REFERENCES resolution (id), 
	CONSTRAINT fk_resolution_revision_run_id_resolve_run FOREIGN KEY(run_id) REFERENCES resolve_run (id), 
	CONSTRAINT ck_resolution_revision_outcome CHECK (outcome IN ('true', 'false', 'open'))
);
CREATE TABLE "resolution" (
	id INTEGER NOT NULL, 
	prediction_id INTEGER NOT NULL, 
	outcome VARCHAR(10) NOT NULL, 
	evidence_date DATE, 
	evidence_price FLOAT, 
	evidence_field VARCHAR(20), 
	level_used FLOAT, 
	split_factor FLOAT, 
	closest_date DATE, 
	closest_price FLOAT, 
	days_to_touch INTEGER, 
	data_source VARCHAR(200), 
	method VARCHAR(10) NOT NULL, 
	note TEXT, 
	run_id INTEGER, 
	is_current BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	claimed_method VARCHAR(10), 
	claimed_at DATETIME, 
	leg_evidence TEXT, 
	bar_quality VARCHAR(12), 
	CONSTRAINT pk_resolution PRIMARY KEY (id), 
	CONSTRAINT fk_resolution_run_id_resolve_run FOREIGN KEY(run_id) REFERENCES resolve_run (id), 
	CONSTRAINT ck_resolution_outcome CHECK (outcome IN ('true', 'false', 'void')), 
	CONSTRAINT ck_resolution_imported_decides_nothing CHECK (method <> 'imported' OR NOT is_current OR outcome = 'void'), 
	CONSTRAINT fk_resolution_prediction_id_prediction FOREIGN KEY(prediction_id) REFERENCES prediction (id), 
	CONSTRAINT ck_resolution_method CHECK (method IN ('auto', 'manual', 'imported', 'revised')), 
	CONSTRAINT ck_resolution_claimed_method CHECK (claimed_method IS NULL OR claimed_method IN ('auto', 'manual', 'imported', 'revised'))
);
CREATE TABLE head_timestamp (
	id INTEGER NOT NULL, 
	tree_size INTEGER NOT NULL, 
	root VARCHAR(64) NOT NULL, 
	tsa_url TEXT NOT NULL, 
	token BLOB NOT NULL, 
	gen_time DATETIME NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_head_timestamp PRIMARY KEY (id)
);
CREATE TABLE price_bar_block (
	symbol VARCHAR(40) NOT NULL, 
	year INTEGER NOT NULL, 
	first DATE NOT NULL, 
	last DATE NOT NULL, 
	bars INTEGER NOT NULL, 
	days BLOB NOT NULL, 
	open BLOB NOT NULL, 
	high BLOB NOT NULL, 
	low BLOB NOT NULL, 
	close BLOB NOT NULL, 
	volume BLOB NOT NULL, 
	quality BLOB NOT NULL, 
	fetched_at BLOB NOT NULL, 
	data_sources TEXT NOT NULL, 
	source BLOB NOT NULL, 
	CONSTRAINT pk_price_bar_block PRIMARY KEY (symbol, year), 
	CONSTRAINT ck_price_bar_block_bars_positive CHECK (bars > 0), 
	CONSTRAINT ck_price_bar_block_first_before_last CHECK (first <= last), 
	CONSTRAINT ck_price_bar_block_lengths CHECK (length(days) = 4 * bars AND length(open) = 8 * bars AND length(high) = 8 * bars AND length(low) = 8 * bars AND length(close) = 8 * bars AND length(volume) = 8 * bars AND length(quality) = bars AND length(fetched_at) = 8 * bars AND length(source) = 2 * bars)
)
 WITHOUT ROWID

;
CREATE INDEX ix_prediction_tag_tag ON prediction_tag (tag);
CREATE INDEX ix_prediction_revises_id ON prediction (revises_id);
CREATE INDEX ix_prediction_source_id ON prediction (source_id);
CREATE INDEX ix_review_action_prediction_id ON review_action (prediction_id);
CREATE INDEX ix_review_action_resolution_id ON review_action (resolution_id);
CREATE INDEX ix_bar_revision_symbol_date ON bar_revision (symbol, date);
CREATE INDEX ix_bar_revision_run_id ON bar_revision (run_id);
CREATE INDEX ix_resolution_revision_resolution_id ON resolution_revision (resolution_id);
CREATE INDEX ix_resolution_revision_bar_revision_id ON resolution_revision (bar_revision_id);
CREATE INDEX ix_resolution_revision_run_id ON resolution_revision (run_id);
CREATE INDEX ix_resolution_run_id ON resolution (run_id);
CREATE UNIQUE INDEX uq_resolution_current ON resolution (prediction_id) WHERE is_current;
CREATE INDEX ix_resolution_prediction_id ON resolution (prediction_id);
CREATE INDEX ix_head_timestamp_tree_size ON head_timestamp (tree_size);
CREATE INDEX ix_prediction_open_deadline ON prediction (deadline) WHERE status = 'open';
CREATE INDEX ix_prediction_symbol ON prediction (symbol);
CREATE INDEX ix_prediction_deadline ON prediction (deadline, id);
CREATE INDEX ix_prediction_made_on ON prediction (made_on, id);
INSERT INTO alembic_version (version_num) VALUES ('0019_claim_list_indexes');
