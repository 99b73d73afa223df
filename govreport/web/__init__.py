"""The analysts' web app (`govreport web`): indicators, regions, documents, figures, search and
data quality on the warehouse, read-only. See app.py; its SQL is warehouse/webqueries.py."""
