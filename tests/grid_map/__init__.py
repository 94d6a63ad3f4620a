"""Tests of grid geometry: CRS, GeoJSON reading and validation, point lookup."""
