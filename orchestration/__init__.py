import warnings

# Single-run backfill policies are beta in Dagster 1.13; bulk loads rely on them.
warnings.filterwarnings("ignore", message=r"Parameter `backfill_policy`")
