"""The resident roster (花名册): reading, validating, importing and exporting Excel/WPS sheets."""
