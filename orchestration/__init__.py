"""The thin Dagster layer over transforms, expectations and warehouse. Nothing imports it."""
