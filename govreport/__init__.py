"""The `govreport` command line: extract, ingest, query, check, search and export reports."""
