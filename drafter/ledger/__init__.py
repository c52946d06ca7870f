"""The RevOps ledger: each handoff logged with its date, classification and evidence link, the
seller's answer recorded, and acceptance measured so trust is measured, not argued.

Modules: store (the SQLite file), migrations, record (a handoff, read off a packet), importer
(historical CSV), metrics, listing, businessdays (pure date arithmetic), window (response
windows in owner text), dates, config (holidays), vocab (data/ledger.toml).
"""
