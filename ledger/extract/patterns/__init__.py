"""Everything the extractor knows about how articles word a forecast, as data.

The extractor (extractor.py) is a handful of generic steps; what it looks for
is all in this package, in plain tuples and dicts, one module per question
(which asset, is it a forecast, is it past, how hedged, which kind, which level,
who said it, what to rewrite first, how the claim is written, how sure), so that
a reader can see why a sentence was or was not taken and a user can teach it a
new phrasing by adding a line. Phrases are lower-case and match whole words,
case-insensitively, with any run of spaces between their words; entries marked
"regex" are regular expressions.

What is *not* here, because the claim language already has it and the two
must never disagree: asset aliases (ledger.claims.assets.BUILTIN_ALIASES),
level formats (ledger.claims.numbers), deadline phrases (ledger.claims.dates)
and direction words (ledger.claims.vocabulary). The tables here only add
the names and verbs that articles use and claim notes do not.
"""
