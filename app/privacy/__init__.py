"""Personal data (PIPL): who may see it whole, files that hold it, keys that seal it at rest."""
