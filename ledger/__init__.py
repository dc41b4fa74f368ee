"""forecast-ledger: keep score of market predictions.

Importing the package opens nothing: no engine, no network, no files.
"""

__version__ = "0.1.0"
