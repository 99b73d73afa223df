"""The `regions` dimension, filled from the gazetteer the extractor resolves agencies with.

cpca ships China's divisions as 12-digit codes (adcodes.csv); documents.region_code holds
their first 6 digits, so both come from one source and always agree. Placeholder rows such as
市辖区 or 省直辖县级行政区划 are not divisions: the counties under them get the province as
parent and a NULL city, exactly as transforms.metadata resolves them.
"""

from __future__ import annotations

import duckdb

from transforms.gazetteer import gazetteer_path
from transforms.metadata import NON_CITY
from warehouse.schema import fetch_row

# One statement, so it is atomic on its own and can also run inside the caller's transaction.
_UPSERT_REGIONS = """
INSERT OR REPLACE INTO regions
WITH gazetteer AS (
    SELECT
        left(adcode, 6) AS code, name, longitude, latitude,
        list_contains($placeholders, name) AS is_placeholder,
        CASE WHEN adcode LIKE '__0000%' THEN 'province'
             WHEN adcode LIKE '____00%' THEN 'city'
             ELSE 'county' END AS level
    FROM read_csv($path, header = true,
                  columns = {'adcode': 'VARCHAR', 'name': 'VARCHAR', 'longitude': 'DOUBLE', 'latitude': 'DOUBLE'})
)
SELECT
    r.code,
    r.name,
    p.name AS province,
    CASE r.level WHEN 'city' THEN r.name WHEN 'county' THEN c.name END AS city,
    CASE r.level WHEN 'county' THEN r.name END AS county,
    r.level,
    CASE r.level WHEN 'city' THEN p.code WHEN 'county' THEN coalesce(c.code, p.code) END AS parent_code,
    r.longitude,
    r.latitude
FROM gazetteer r
JOIN gazetteer p ON p.code = left(r.code, 2) || '0000'
LEFT JOIN gazetteer c ON c.code = left(r.code, 4) || '00' AND r.level = 'county' AND NOT c.is_placeholder
WHERE NOT r.is_placeholder
"""


def refresh_regions(con: duckdb.DuckDBPyConnection) -> int:
    """Insert or update every division of the gazetteer; return the number of regions.

    Idempotent and quick (about 3,500 rows): call it after ensure_schema on every load,
    inside or outside the load's transaction.
    """
    con.execute(_UPSERT_REGIONS, {"path": gazetteer_path(), "placeholders": sorted(NON_CITY)})
    return fetch_row(con, "SELECT count(*) FROM regions")[0]
