"""Grid geometry: GeoJSON import and validation, point-to-grid lookup, Chinese coordinate systems. No Qt."""
